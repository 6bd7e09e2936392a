// A roster judged on two threads (src/batch/split-roster.ts) gets the verdict of one thread: the
// roster's check without its cadre rows, joined with the cadre rows judged on a roster of their own.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCadreRows, checkRoster, withCadreRows } from '../../src/engine/index.js';
import { loadRoster } from '../../src/load/index.js';
import { normaliseRoster } from '../../src/normalise/index.js';
import type { Rule } from '../../src/ruleset/index.js';
import type { LoadedRoster, Roster } from '../../src/types.js';
import { withCountedReads } from '../helpers/counted-reads.js';
import { AS_OF, CADRE_SHEET, ruleSet, RosterBuilder, VILLAGE_SHEET } from '../helpers/roster-builder.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

function loaded(name: string): LoadedRoster {
  const path = join(FIXTURES, name);
  return name.endsWith('csv') || name.endsWith('gb18030')
    ? loadRoster({ path, files: [join(path, 'villages.csv'), join(path, 'cadres.csv')], villagesFile: join(path, 'villages.csv') })
    : loadRoster({ path, files: [path] });
}

/** A roster whose cadre rows break most cadre rules, and repeat a person. */
function defective(): LoadedRoster {
  const builder = RosterBuilder.baseline();
  const code = builder.villageCodeAt(builder.addVillage());
  builder.addTeam(code, 'T02', ['第一书记', '队员']);
  builder.addCadre({ 姓名: '', 身份证号: '53082819900101123X', 所驻村代码: '999999999999', 驻村时间: '2031-01-01', 政治面貌: '群众', 驻村职务: '第一书记' });
  builder.addCadre({ 姓名: '重复', 身份证号: '53082819900101123X', 所驻村代码: code, 驻村时间: 'not a date', 在岗状态: '在刚' });
  return builder.build();
}

const normalised = (roster: LoadedRoster): Roster => normaliseRoster(roster, { keyCounties: ruleSet.keyCounties });

/** The built-in rules, and cadre and row rules of a province's own that test village facts: the second thread then reads the villages. */
const RULES: readonly Rule[] = [
  ...ruleSet.rules,
  ...ruleSet.rules
    .filter((rule) => rule.scope === 'cadre' || rule.scope === 'row')
    .map((rule): Rule => ({
      ...rule,
      id: `province-${rule.id}`,
      where: { 'village.categories': { includes: '脱贫村' } },
      downgrade: { when: { 'village.lightTask': { equals: true } }, to: 'info' },
    })),
];

const ROSTERS: [string, () => LoadedRoster][] = [
  ['the Weining sample workbook', () => loaded('weining-county.xlsx')],
  ['a workbook without a village sheet', () => loaded('rosters/cadres-only.xlsx')],
  ['a UTF-8 CSV pair', () => loaded('rosters/utf8-bom-csv')],
  ['a GB18030 CSV pair', () => loaded('rosters/xiji-csv-gb18030')],
  ['a roster with defective cadre rows', defective],
];

describe('the cadre rows judged elsewhere', () => {
  for (const [name, make] of ROSTERS) {
    for (const aloneInRun of [true, false]) {
      it(`${name}${aloneInRun ? '' : ' in a run of several'}: the two parts make the verdict of one thread`, () => {
        const roster = make();
        const whole = checkRoster({ roster: normalised(roster), asOf: AS_OF }, RULES, { aloneInRun });
        const withoutCadreRows = checkRoster({ roster: normalised(roster), asOf: AS_OF }, RULES, { aloneInRun, cadreRowsElsewhere: true });
        const cadreRows = checkCadreRows({ roster: normalised(roster), asOf: AS_OF }, RULES, { aloneInRun });
        expect(cadreRows.findings.length).toBeGreaterThan(0);
        expect(withoutCadreRows.findings.length).toBeLessThan(whole.findings.length);
        expect(withCadreRows(withoutCadreRows, cadreRows)).toEqual(whole);
      });
    }
  }

  it('leaves the cadre and row rules’ findings on cadre rows to the other part, which finds nothing else', () => {
    const roster = defective();
    const subject = normalised(roster);
    const cadreRow = (finding: { location: { sheet: string; row: number } }) => finding.location.sheet === CADRE_SHEET && finding.location.row > subject.headerRows.cadres;
    const cadreRowRule = new Set(ruleSet.rules.filter((rule) => rule.scope === 'cadre' || rule.scope === 'row').map((rule) => rule.id));
    const withoutCadreRows = checkRoster({ roster: subject, asOf: AS_OF }, ruleSet.rules, { aloneInRun: true, cadreRowsElsewhere: true });
    expect(withoutCadreRows.findings.filter((finding) => cadreRow(finding) && cadreRowRule.has(finding.ruleId))).toEqual([]);
    const cadreRows = checkCadreRows({ roster: normalised(roster), asOf: AS_OF }, ruleSet.rules, { aloneInRun: true });
    expect(cadreRows.findings.every(cadreRow)).toBe(true);
    expect(cadreRows.candidates.map((candidate) => candidate.ruleId)).toContain('cadre-posted-once');
  });

  it('reads each cadre row once to judge them, and the village rows at most once, forming no teams from that walk', () => {
    const { loaded: counted, reads } = withCountedReads(defective());
    const subject = normalised(counted);
    reads.clear(); // finding the sheets and their headers reads the top rows
    checkCadreRows({ roster: subject, asOf: AS_OF }, ruleSet.rules, { aloneInRun: true });
    const rows = new Map(counted.sheets.map((sheet) => [sheet.name, sheet.rows.length]));
    expect(reads.get(CADRE_SHEET)).toBeLessThanOrEqual(rows.get(CADRE_SHEET)!);
    expect(reads.get(VILLAGE_SHEET)).toBeLessThanOrEqual(rows.get(VILLAGE_SHEET)!);
    reads.clear();
    expect(subject.teams.length).toBeGreaterThan(0);
    expect(reads.get(CADRE_SHEET)).toBeGreaterThan(0); // the teams were not kept from that walk
  });
});
