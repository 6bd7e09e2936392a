import { describe, test } from 'vitest';
import { expectFindings, RosterBuilder, V } from '../helpers/roster-builder.js';

// Every 党组织软弱涣散村 has an active 第一书记.
describe('weak-org-village-first-secretary', () => {
  test.each(['党组织软弱涣散村', '软弱涣散村'])('a %s with no cadre', (category) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: category });
    expectFindings(roster, [V('weak-org-village-first-secretary', row, 'error')]);
  });

  test.each(['第一书记', '第一书记兼队长'])('a %s is enough', (role) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: '党组织软弱涣散村' });
    roster.addTeam(roster.villageCodeAt(row), 'T02', [role, '队员']);
    expectFindings(roster, []);
  });

  test('a team with a 队长 and 队员 only', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: '党组织软弱涣散村' });
    roster.addTeam(roster.villageCodeAt(row), 'T02', ['队长', '队员']);
    expectFindings(roster, [V('weak-org-village-first-secretary', row, 'error')]);
  });

  test('a 脱贫村 that is also weak and has no cadre: both kinds of finding', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: '脱贫村、党组织软弱涣散村' });
    expectFindings(roster, [
      V('tuopin-village-team', row, 'error'),
      V('tuopin-village-first-secretary', row, 'error'),
      V('weak-org-village-first-secretary', row, 'error'),
    ]);
  });

  test('the baseline 脱贫村 marked weak as well keeps its first secretary', () => {
    const roster = new RosterBuilder();
    const row = roster.addVillage({ 村类型: '脱贫村/软弱涣散村' });
    roster.addTeam(roster.villageCodeAt(row), 'T01', ['第一书记兼队长', '队员', '队员']);
    expectFindings(roster, []);
  });
});
