import { describe, test } from 'vitest';
import { BASELINE_VILLAGE_CODE, expectFindings, RosterBuilder, V } from '../helpers/roster-builder.js';

// A team stationed in a 脱贫村 or a 易地扶贫搬迁安置村 has exactly one leader (队长 or 第一书记兼队长).
function team(roles: readonly string[], village: Record<string, string> = {}) {
  const roster = new RosterBuilder();
  const row = roster.addVillage(village);
  roster.addTeam(roster.villageCodeAt(row), 'T01', roles);
  return { roster, row };
}

describe('team-has-leader', () => {
  test('a 第一书记兼队长 and a 队长: two leaders', () => {
    const { roster, row } = team(['第一书记兼队长', '队长', '队员']);
    expectFindings(roster, [V('team-has-leader', row, 'warning')]);
  });

  test('a 第一书记 and 队员 only: no leader', () => {
    const { roster, row } = team(['第一书记', '队员', '队员']);
    expectFindings(roster, [V('team-has-leader', row, 'warning')]);
  });

  test('a 第一书记 and a 队长: one leader', () => {
    expectFindings(team(['第一书记', '队长', '队员']).roster, []);
  });

  test('a recalled 队长 does not lead', () => {
    const { roster, row } = team(['第一书记', '队员', '队员']);
    roster.addCadre({ 驻村职务: '队长', 在岗状态: '已召回' });
    expectFindings(roster, [V('team-has-leader', row, 'warning')]);
  });

  test('a recalled second leader leaves one', () => {
    const { roster } = team(['第一书记兼队长', '队员', '队员']);
    roster.addCadre({ 驻村职务: '队长', 在岗状态: '已召回' });
    expectFindings(roster, []);
  });

  test('a team of a relocation site is judged too', () => {
    const { roster, row } = team(['第一书记', '队员'], { 村类型: '易地扶贫搬迁安置村', 搬迁安置规模: '整村' });
    expectFindings(roster, [V('team-has-leader', row, 'warning')]);
  });

  test('a team in a village that is neither a 脱贫村 nor a relocation site is not judged', () => {
    expectFindings(team(['第一书记', '队员'], { 村类型: '乡村振兴任务重的村' }).roster, []);
  });

  test('each team of a village is judged on its own', () => {
    const roster = RosterBuilder.baseline();
    roster.addTeam(BASELINE_VILLAGE_CODE, 'T02', ['队员', '队员', '队员']);
    expectFindings(roster, [V('one-team-per-village', 2, 'warning'), V('team-has-leader', 2, 'warning')]);
  });
});
