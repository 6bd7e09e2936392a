import { describe, test } from 'vitest';
import { expectFindings, RosterBuilder, V } from '../helpers/roster-builder.js';

// Every 脱贫村 has a work team stationed in it: a team is the active cadres sharing a team id.
describe('tuopin-village-team', () => {
  test('a 脱贫村 with no cadre at all has no team (and no first secretary)', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: '脱贫村' });
    expectFindings(roster, [V('tuopin-village-team', row, 'error'), V('tuopin-village-first-secretary', row, 'error')]);
  });

  test.each(['已召回', '已轮换', '期满离岗'])('a 脱贫村 whose whole team is %s has no team', (status) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage();
    roster.addTeam(roster.villageCodeAt(row), 'T02', ['第一书记兼队长', '队员', '队员'], { 在岗状态: status });
    expectFindings(roster, [V('tuopin-village-team', row, 'error'), V('tuopin-village-first-secretary', row, 'error')]);
  });

  test.each(['原贫困村', '已脱贫村', ' 脱贫村 '])('the spelling %s is a 脱贫村', (spelling) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: spelling });
    expectFindings(roster, [V('tuopin-village-team', row, 'error'), V('tuopin-village-first-secretary', row, 'error')]);
  });

  test('a village that is not a 脱贫村 needs no team', () => {
    const roster = RosterBuilder.baseline();
    roster.addVillage({ 村类型: '其他' });
    expectFindings(roster, []);
  });

  test('a blank 在岗状态 means 在岗: the team counts', () => {
    const roster = new RosterBuilder();
    const row = roster.addVillage();
    roster.addTeam(roster.villageCodeAt(row), 'T01', ['第一书记兼队长', '队员', '队员'], { 在岗状态: null });
    expectFindings(roster, []);
  });

  test('a team of cadres posted to another village does not count for this one', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage();
    roster.addTeam(roster.villageCodeAt(2), 'T01', ['队员']);
    expectFindings(roster, [V('tuopin-village-team', row, 'error'), V('tuopin-village-first-secretary', row, 'error')]);
  });

  test('with no 工作队编号 column, the active cadres of the village are its team', () => {
    const roster = RosterBuilder.baseline().dropColumn('cadres', '工作队编号');
    const row = roster.addVillage();
    roster.addTeam(roster.villageCodeAt(row), null, ['第一书记兼队长', '队员', '队员']);
    expectFindings(roster, []);
  });
});
