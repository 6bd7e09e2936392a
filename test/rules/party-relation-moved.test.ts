import { describe, test } from 'vitest';
import { C, expectFindings, RosterBuilder } from '../helpers/roster-builder.js';

// A party member's organisation relation is moved to the village; checked when the column is there.
describe('party-relation-moved', () => {
  test.each([
    ['中共党员', '否'],
    ['中共党员', null],
    ['中共党员', 'N'],
    ['中共预备党员', '否'],
  ])('a %s, 党组织关系是否转入 %j', (status, moved) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 政治面貌: status, 入党时间: '2025-10-01', 转正时间: null, 党组织关系是否转入: moved });
    expectFindings(roster, [C('party-relation-moved', row, 'warning')]);
  });

  test.each(['群众', '共青团员', '民主党派', '无党派人士'])('a %s is not judged', (status) => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 政治面貌: status, 入党时间: null, 转正时间: null, 党组织关系是否转入: '否' });
    expectFindings(roster, []);
  });

  test.each(['是', '√', 'Y'])('党组织关系是否转入 %s', (moved) => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 党组织关系是否转入: moved });
    expectFindings(roster, []);
  });

  test('a recalled party member is not judged', () => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 党组织关系是否转入: '否', 在岗状态: '已召回' });
    expectFindings(roster, []);
  });

  test('the header alias 党组织关系转入所驻村 is the same column', () => {
    const roster = RosterBuilder.baseline().renameColumn('党组织关系是否转入', '党组织关系转入所驻村');
    const row = roster.addCadre({ 党组织关系是否转入: '否' });
    expectFindings(roster, [C('party-relation-moved', row, 'warning')]);
  });

  test('no 党组织关系是否转入 column: not checked, and said so', () => {
    const roster = RosterBuilder.baseline().dropColumn('cadres', '党组织关系是否转入');
    expectFindings(roster, [], ['party-relation-moved']);
  });
});
