import { describe, expect, test } from 'vitest';
import { BASELINE_VILLAGE_CODE, C, check, expectFindings, RosterBuilder, V } from '../helpers/roster-builder.js';

// A team in a 脱贫村 has at least 3 active members; info where the village is marked 巩固任务较轻.
function team(roles: readonly string[], village: Record<string, string | null> = {}, overrides: Record<string, string | null> = {}) {
  const roster = new RosterBuilder();
  const row = roster.addVillage(village);
  const cadres = roster.addTeam(roster.villageCodeAt(row), 'T01', roles, overrides);
  return { roster, row, cadres };
}

describe('team-min-size', () => {
  test('a team of two', () => {
    const { roster, row } = team(['第一书记兼队长', '队员']);
    const verdict = expectFindings(roster, [V('team-min-size', row, 'error')]);
    expect(verdict.findings[0].data).toMatchObject({ count: 2, min: 3 });
  });

  test('a team of three is enough', () => {
    expectFindings(team(['第一书记兼队长', '队员', '队员']).roster, []);
  });

  test('a team of four of whom two are recalled has two active members', () => {
    const roster = new RosterBuilder();
    roster.addVillage();
    roster.addTeam(BASELINE_VILLAGE_CODE, 'T01', ['第一书记兼队长', '队员']);
    roster.addTeam(BASELINE_VILLAGE_CODE, 'T01', ['队员', '队员'], { 在岗状态: '已召回' });
    expectFindings(roster, [V('team-min-size', 2, 'error')]);
  });

  test.each(['是', 'Y', '√'])('巩固任务较轻 = %s: a small team is only a note (info)', (mark) => {
    const { roster, row } = team(['第一书记兼队长', '队员'], { 巩固任务较轻: mark });
    expectFindings(roster, [V('team-min-size', row, 'info')]);
  });

  test('巩固任务较轻 blank means 否', () => {
    const { roster, row } = team(['第一书记兼队长', '队员'], { 巩固任务较轻: null });
    expectFindings(roster, [V('team-min-size', row, 'error')]);
  });

  test('with no 巩固任务较轻 column, no village is light', () => {
    const roster = new RosterBuilder().dropColumn('villages', '巩固任务较轻');
    const row = roster.addVillage();
    roster.addTeam(roster.villageCodeAt(row), 'T01', ['第一书记兼队长', '队员']);
    expectFindings(roster, [V('team-min-size', row, 'error')]);
  });

  test('a team in a village that is not a 脱贫村 may be small', () => {
    const { roster } = team(['第一书记'], { 村类型: '乡村振兴任务重的村' });
    expectFindings(roster, []);
  });

  test('a misspelt role still counts as a member: the defect is its own finding', () => {
    const { roster, cadres } = team(['第一书记兼队长', '队员', '对员']);
    expectFindings(roster, [C('value-format', cadres[2], 'error')]);
  });

  test('a blank role still counts as a member', () => {
    const { roster, cadres } = team(['第一书记兼队长', '队员', '']);
    expectFindings(roster, [C('required-field', cadres[2], 'error')]);
  });

  test('a bad ID number still counts as a member', () => {
    const { roster } = team(['第一书记兼队长', '队员']);
    const bad = roster.addCadre({ 身份证号: '53082819800101001' });
    expectFindings(roster, [C('id-number-valid', bad, 'error')]);
  });

  test('with no 工作队编号 column, each village’s active cadres form its team', () => {
    const roster = RosterBuilder.baseline().dropColumn('cadres', '工作队编号');
    const row = roster.addVillage();
    roster.addTeam(roster.villageCodeAt(row), null, ['第一书记兼队长', '队员']);
    expectFindings(roster, [V('team-min-size', row, 'error')]);
  });

  test('a blank 工作队编号 forms the team by village', () => {
    const roster = new RosterBuilder();
    const row = roster.addVillage();
    roster.addTeam(roster.villageCodeAt(row), null, ['第一书记兼队长', '队员', '队员']);
    const verdict = check(roster);
    expect(verdict.roster.teams.map((t) => [t.id, t.activeMembers.length])).toEqual([[null, 3]]);
    expect(verdict.list).toEqual([]);
  });

  test('each of two small teams in one village is judged', () => {
    const roster = RosterBuilder.baseline();
    roster.addTeam(BASELINE_VILLAGE_CODE, 'T02', ['队长', '队员']);
    expectFindings(roster, [V('one-team-per-village', 2, 'warning'), V('team-min-size', 2, 'error')]);
  });
});
