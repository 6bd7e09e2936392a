import { describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BASELINE_TEAM, BASELINE_VILLAGE_CODE, CATALOGUE_IDS, check, expectFindings, normalise, RosterBuilder, ruleSet } from '../helpers/roster-builder.js';
import { cadreRows } from '../helpers/rows.js';


describe('the baseline roster', () => {
  test('the rule set holds the 25 rules of the catalogue, each once', () => {
    const ids = ruleSet.rules.map((rule) => rule.id);
    expect(CATALOGUE_IDS).toHaveLength(25);
    expect(CATALOGUE_IDS.filter((id) => !ids.includes(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every catalogue rule has its own test file', () => {
    const here = fileURLToPath(new URL('.', import.meta.url));
    const files = readdirSync(here);
    expect(CATALOGUE_IDS.filter((id) => !files.includes(`${id}.test.ts`))).toEqual([]);
  });

  test('yields no finding at all, every rule runs and there is no notice', () => {
    const verdict = expectFindings(RosterBuilder.baseline(), []);
    expect(verdict.notChecked).toEqual([]);
    expect(verdict.notices).toBe(0);
  });

  test('is what it says: one 脱贫村 with one team of four, led by a 第一书记兼队长', () => {
    const roster = normalise(RosterBuilder.baseline());
    expect(roster.villages?.map((v) => [v.code, v.categories, v.keyCounty, v.lightTask])).toEqual([
      [BASELINE_VILLAGE_CODE, ['脱贫村'], false, false],
    ]);
    expect(cadreRows(roster)).toHaveLength(4);
    expect(cadreRows(roster).every((c) => c.active && c.villageCode === BASELINE_VILLAGE_CODE)).toBe(true);
    expect(cadreRows(roster).map((c) => [c.firstSecretary, c.leader])).toEqual([
      [true, true],
      [false, false],
      [false, false],
      [false, false],
    ]);
    expect(roster.teams.map((t) => [t.id, t.villageCode, t.activeMembers.length])).toEqual([[BASELINE_TEAM, BASELINE_VILLAGE_CODE, 4]]);
    expect(roster.missing).toEqual({ villages: ['countyCode'], cadres: ['post', 'village', 'endDate'] });
  });

  test('two baselines with different person bases share no ID number and no village', () => {
    const [a, b] = [RosterBuilder.baseline(0), RosterBuilder.baseline(100)].map((r) => normalise(r));
    expect(cadreRows(a).filter((x) => cadreRows(b).some((y) => y.idNumber === x.idNumber))).toEqual([]);
    expect(b.villages?.[0].code).not.toBe(a.villages?.[0].code);
    expect(check(RosterBuilder.baseline(100)).list).toEqual([]);
  });
});
