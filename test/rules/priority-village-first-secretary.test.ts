import { describe, test } from 'vitest';
import { expectFindings, RosterBuilder, V } from '../helpers/roster-builder.js';

// Every 乡村振兴任务重的村 has an active 第一书记.
describe('priority-village-first-secretary', () => {
  test.each(['乡村振兴任务重的村', '乡村振兴任务重村', '任务重的村'])('a %s with no cadre', (category) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: category });
    expectFindings(roster, [V('priority-village-first-secretary', row, 'error')]);
  });

  test.each(['第一书记', '第一书记兼队长'])('a %s is enough, with or without a team', (role) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: '乡村振兴任务重的村' });
    roster.addTeam(roster.villageCodeAt(row), 'T02', [role]);
    expectFindings(roster, []);
  });

  test('a team with a 队长 but no first secretary', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: '乡村振兴任务重的村' });
    roster.addTeam(roster.villageCodeAt(row), 'T02', ['队长', '队员', '队员']);
    expectFindings(roster, [V('priority-village-first-secretary', row, 'error')]);
  });

  test('a recalled first secretary does not count', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: '乡村振兴任务重的村' });
    roster.addTeam(roster.villageCodeAt(row), 'T02', ['第一书记'], { 在岗状态: '已召回' });
    expectFindings(roster, [V('priority-village-first-secretary', row, 'error')]);
  });
});
