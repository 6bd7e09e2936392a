import { describe, test } from 'vitest';
import { BASELINE_VILLAGE_CODE, expectFindings, RosterBuilder, V } from '../helpers/roster-builder.js';

// A village has at most one active 第一书记 (a 第一书记兼队长 is one).
describe('single-first-secretary', () => {
  test('a 第一书记 beside the 第一书记兼队长 makes two', () => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 驻村职务: '第一书记' });
    expectFindings(roster, [V('single-first-secretary', 2, 'warning')]);
  });

  test('two first secretaries in two teams of one village', () => {
    const roster = RosterBuilder.baseline();
    roster.addTeam(BASELINE_VILLAGE_CODE, 'T02', ['第一书记兼队长', '队员', '队员']);
    expectFindings(roster, [V('single-first-secretary', 2, 'warning'), V('one-team-per-village', 2, 'warning')]);
  });

  test('applies to every village, not only to a 脱贫村', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: '其他' });
    roster.addTeam(roster.villageCodeAt(row), 'T02', ['第一书记', '第一书记']);
    expectFindings(roster, [V('single-first-secretary', row, 'warning')]);
  });

  test.each(['已召回', '已轮换', '期满离岗'])('a second first secretary who is %s does not count', (status) => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 驻村职务: '第一书记', 在岗状态: status });
    expectFindings(roster, []);
  });

  test('one first secretary in each of two villages', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: '其他' });
    roster.addTeam(roster.villageCodeAt(row), 'T02', ['第一书记']);
    expectFindings(roster, []);
  });
});
