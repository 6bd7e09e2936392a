import { describe, test } from 'vitest';
import { C, expectFindings, RosterBuilder, V } from '../helpers/roster-builder.js';

// A first secretary is a full member of the CPC (中共党员, not 预备党员).
// The helper builds a 脱贫村 whose team of three is led by the first secretary under test.
function firstSecretary(cells: Record<string, string | null>, role = '第一书记兼队长') {
  const roster = new RosterBuilder();
  roster.addVillage();
  const row = roster.addCadre({ 驻村职务: role, ...cells });
  roster.addCadre();
  roster.addCadre();
  return { roster, row };
}

describe('first-secretary-party-member', () => {
  test('a 第一书记兼队长 who is a 中共预备党员', () => {
    const { roster, row } = firstSecretary({ 政治面貌: '中共预备党员', 入党时间: '2026-03-01', 转正时间: null });
    expectFindings(roster, [C('first-secretary-party-member', row, 'error')]);
  });

  test('a 第一书记 who is a 中共预备党员 (the team has no leader either)', () => {
    const { roster, row } = firstSecretary({ 政治面貌: '中共预备党员', 入党时间: '2026-03-01', 转正时间: null }, '第一书记');
    expectFindings(roster, [C('first-secretary-party-member', row, 'error'), V('team-has-leader', 2, 'warning')]);
  });

  test.each(['群众', '共青团员', '民主党派', '无党派人士'])('a first secretary who is %s', (status) => {
    const { roster, row } = firstSecretary({ 政治面貌: status, 入党时间: null, 转正时间: null, 党组织关系是否转入: null });
    expectFindings(roster, [C('first-secretary-party-member', row, 'error')]);
  });

  test('a full member: no finding', () => {
    expectFindings(firstSecretary({ 政治面貌: '中共党员' }).roster, []);
  });

  test('a 队员 or a 队长 may be a 预备党员', () => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 政治面貌: '中共预备党员', 入党时间: '2026-03-01', 转正时间: null });
    roster.addCadre({ 驻村职务: '队长', 政治面貌: '中共预备党员', 入党时间: '2026-03-01', 转正时间: null });
    expectFindings(roster, [V('team-has-leader', 2, 'warning')]);
  });

  test('a recalled first secretary is not judged', () => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 驻村职务: '第一书记', 在岗状态: '已召回', 政治面貌: '中共预备党员', 入党时间: '2026-03-01', 转正时间: null });
    expectFindings(roster, []);
  });

  test('a misspelt political status is value-format’s alone', () => {
    const { roster, row } = firstSecretary({ 政治面貌: '中共党圆' });
    expectFindings(roster, [C('value-format', row, 'error')]);
  });
});
