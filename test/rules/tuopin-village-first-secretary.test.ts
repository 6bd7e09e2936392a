import { describe, test } from 'vitest';
import { C, expectFindings, RosterBuilder, V } from '../helpers/roster-builder.js';

// Every 脱贫村 has an active 第一书记; a 第一书记兼队长 is one.
describe('tuopin-village-first-secretary', () => {
  test('a team of a 队长 and 队员 only has no first secretary', () => {
    const roster = new RosterBuilder();
    const row = roster.addVillage();
    roster.addTeam(roster.villageCodeAt(row), 'T01', ['队长', '队员', '队员', '队员']);
    expectFindings(roster, [V('tuopin-village-first-secretary', row, 'error')]);
  });

  test('a 第一书记兼队长 counts as the first secretary (and as the leader)', () => {
    expectFindings(RosterBuilder.baseline(), []);
  });

  test('a 第一书记 beside a 队长 counts', () => {
    const roster = new RosterBuilder();
    const row = roster.addVillage();
    roster.addTeam(roster.villageCodeAt(row), 'T01', ['第一书记', '队长', '队员']);
    expectFindings(roster, []);
  });

  test.each(['已召回', '已轮换', '期满离岗'])('a first secretary who is %s does not count (nor as the leader)', (status) => {
    const roster = new RosterBuilder();
    const row = roster.addVillage();
    roster.addCadre({ 驻村职务: '第一书记兼队长', 在岗状态: status });
    roster.addTeam(roster.villageCodeAt(row), 'T01', ['队员', '队员', '队员']);
    expectFindings(roster, [V('tuopin-village-first-secretary', row, 'error'), V('team-has-leader', row, 'warning')]);
  });

  test('a misspelt 第一书记兼队长 still counts as the first secretary and leader it is: the defect is its own finding', () => {
    const roster = new RosterBuilder();
    const row = roster.addVillage();
    const rows = roster.addTeam(roster.villageCodeAt(row), 'T01', ['第一书纪兼队长', '队员', '队员']);
    expectFindings(roster, [C('value-format', rows[0], 'error')]);
  });

  test('a recalled first secretary replaced by an active one: no finding', () => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 驻村职务: '第一书记兼队长', 在岗状态: '已召回' });
    expectFindings(roster, []);
  });

  test('a first secretary posted to another village does not count for this one', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage();
    const code = roster.villageCodeAt(row);
    roster.addTeam(code, 'T02', ['队长', '队员', '队员']);
    const other = roster.addVillage({ 村类型: '其他' });
    roster.addTeam(roster.villageCodeAt(other), 'T03', ['第一书记']);
    expectFindings(roster, [V('tuopin-village-first-secretary', row, 'error')]);
  });
});
