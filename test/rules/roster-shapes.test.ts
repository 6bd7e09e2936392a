import { describe, expect, test } from 'vitest';
import { C, CATALOGUE_IDS, check, expectFindings, RosterBuilder, V, type RosterInput } from '../helpers/roster-builder.js';

// Shapes of roster the rules must cope with: no village sheet, multi-value cells, optional columns.
const NEEDS_VILLAGE_SHEET = [
  'tuopin-village-team', 'tuopin-village-first-secretary', 'one-team-per-village', 'relocation-site-staffed',
  'relocation-site-covered', 'priority-village-first-secretary', 'weak-org-village-first-secretary', 'single-first-secretary',
  'team-min-size', 'key-county-reinforced', 'team-has-leader', 'village-exists',
];

/** Exactly these findings; of the catalogue's rules exactly these not checked (a rule added later may need the sheet too). */
function expectWithoutVillages(roster: RosterInput, findings: string[]) {
  const verdict = check(roster);
  expect(verdict.list).toEqual([...findings].sort());
  expect(verdict.notChecked.filter((id) => CATALOGUE_IDS.includes(id))).toEqual([...NEEDS_VILLAGE_SHEET].sort());
  return verdict;
}

describe('a roster with no village sheet', () => {
  test('the coverage rules are not checked, with one notice; nothing else is found', () => {
    const verdict = expectWithoutVillages(RosterBuilder.baseline().withoutVillageSheet(), []);
    expect(verdict.notices).toBe(1);
    expect(verdict.roster.villages).toBeNull();
  });

  test('one notice however many cadres and teams', () => {
    const roster = RosterBuilder.baseline().withoutVillageSheet();
    roster.addTeam('530828200202', 'T02', ['第一书记兼队长', '队员']);
    roster.addTeam('530828200203', 'T03', ['队长']);
    const verdict = expectWithoutVillages(roster, []);
    expect(verdict.notices).toBe(1);
  });

  test('the cadre rules still run', () => {
    const roster = RosterBuilder.baseline().withoutVillageSheet().dropColumn('cadres', '性别');
    const filing = roster.addCadre({ 备案情况: '否' });
    const future = roster.addCadre({ 驻村时间: '2027-01-01' });
    const fs = roster.addCadre({ 驻村职务: '第一书记', 政治面貌: '中共预备党员', 转正时间: null });
    const twice = roster.addCadre({ 身份证号: roster.cadreCell(2, '身份证号'), 出生日期: roster.cadreCell(2, '出生日期') });
    expectWithoutVillages(
      roster,
      [
        C('required-field', 1, 'error'),
        C('filing-recorded', filing, 'warning'),
        C('start-date-plausible', future, 'error'),
        C('first-secretary-party-member', fs, 'error'),
        C('cadre-posted-once', 2, 'error'),
        C('cadre-posted-once', twice, 'error'),
      ],
    );
  });
});

describe('multi-value 村类型', () => {
  test.each(['、', '，', ',', ';', '；', '/', ' / ', '、 '])('separated by 「%s」: both kinds of village', (separator) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: `乡村振兴任务重的村${separator}党组织软弱涣散村` });
    expectFindings(roster, [V('priority-village-first-secretary', row, 'error'), V('weak-org-village-first-secretary', row, 'error')]);
  });

  test.each(['、', '，', ',', ';', '/'])('separated by 「%s」: a 脱贫村 among others keeps its team rules', (separator) => {
    const roster = new RosterBuilder();
    const row = roster.addVillage({ 村类型: `党组织软弱涣散村${separator}脱贫村` });
    roster.addTeam(roster.villageCodeAt(row), 'T01', ['第一书记兼队长', '队员']);
    expectFindings(roster, [V('team-min-size', row, 'error')]);
  });

  test('spellings inside a multi-value cell', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: '原贫困村，软弱涣散村' });
    expectFindings(roster, [
      V('tuopin-village-team', row, 'error'),
      V('tuopin-village-first-secretary', row, 'error'),
      V('weak-org-village-first-secretary', row, 'error'),
    ]);
  });
});

describe('optional columns', () => {
  const OPTIONAL = [
    ['是否脱产', 'full-time-in-village'],
    ['党组织关系是否转入', 'party-relation-moved'],
    ['参加工作时间', 'first-secretary-work-experience'],
    ['备案情况', 'filing-recorded'],
  ] as const;

  test.each(OPTIONAL)('without %s, %s is not checked, and the reason names the column', (header, ruleId) => {
    const verdict = expectFindings(RosterBuilder.baseline().dropColumn('cadres', header), [], [ruleId]);
    expect(verdict.reasons[ruleId]).toContain(header);
  });

  test('without all four, each is reported once, whatever the number of rows', () => {
    const roster = RosterBuilder.baseline();
    for (const [header] of OPTIONAL) roster.dropColumn('cadres', header);
    for (let i = 0; i < 6; i++) roster.addCadre();
    expectFindings(roster, [], OPTIONAL.map(([, ruleId]) => ruleId));
  });

  test.each(OPTIONAL)('with %s present and failing, %s runs', (header, ruleId) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 驻村职务: '第一书记', [header]: header === '参加工作时间' ? '2024-07-01' : '否' });
    // the added 第一书记 is the village's second
    expectFindings(roster, [C(ruleId, row, 'warning'), V('single-first-secretary', 2, 'warning')]);
  });
});
