import { describe, test } from 'vitest';
import { BASELINE_VILLAGE_CODE, expectFindings, RosterBuilder, V } from '../helpers/roster-builder.js';

// No village has more than one team stationed in it.
describe('one-team-per-village', () => {
  test('a second team in the baseline village', () => {
    const roster = RosterBuilder.baseline();
    roster.addTeam(BASELINE_VILLAGE_CODE, 'T02', ['队长', '队员', '队员']);
    expectFindings(roster, [V('one-team-per-village', 2, 'warning')]);
  });

  test('a second team whose members are all recalled is no team', () => {
    const roster = RosterBuilder.baseline();
    roster.addTeam(BASELINE_VILLAGE_CODE, 'T02', ['队长', '队员', '队员'], { 在岗状态: '已召回' });
    expectFindings(roster, []);
  });

  test('applies to every village, not only to a 脱贫村', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: '其他' });
    const code = roster.villageCodeAt(row);
    roster.addTeam(code, 'T02', ['队长', '队员']);
    roster.addTeam(code, 'T03', ['队长']);
    expectFindings(roster, [V('one-team-per-village', row, 'warning')]);
  });

  test('with no 工作队编号 column, a village has one team however many cadres it has', () => {
    const roster = RosterBuilder.baseline().dropColumn('cadres', '工作队编号');
    roster.addTeam(BASELINE_VILLAGE_CODE, null, ['队员', '队员', '队员']);
    expectFindings(roster, []);
  });

  test('one team of many members is one team', () => {
    const roster = RosterBuilder.baseline();
    roster.addTeam(BASELINE_VILLAGE_CODE, 'T01', ['队员', '队员']);
    expectFindings(roster, []);
  });
});
