import { describe, test } from 'vitest';
import { C, expectFindings, RosterBuilder } from '../helpers/roster-builder.js';

// A cadre works full-time in the village (是否脱产 = 是); a blank cell means 否; checked when the column is there.
describe('full-time-in-village', () => {
  test.each(['否', 'N', 'n', '×', null])('是否脱产 %j', (value) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 是否脱产: value });
    expectFindings(roster, [C('full-time-in-village', row, 'warning')]);
  });

  test.each(['是', 'Y', 'y', '√', 'yes'])('是否脱产 %s', (value) => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 是否脱产: value });
    expectFindings(roster, []);
  });

  test('applies to first secretaries and to non-party members alike', () => {
    const roster = new RosterBuilder();
    roster.addVillage();
    const fs = roster.addCadre({ 驻村职务: '第一书记兼队长', 是否脱产: '否' });
    const member = roster.addCadre({ 政治面貌: '群众', 入党时间: null, 转正时间: null, 党组织关系是否转入: null, 是否脱产: '否' });
    roster.addCadre();
    expectFindings(roster, [C('full-time-in-village', fs, 'warning'), C('full-time-in-village', member, 'warning')]);
  });

  test.each(['已召回', '已轮换', '期满离岗'])('a %s cadre is not judged', (status) => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 是否脱产: '否', 在岗状态: status });
    expectFindings(roster, []);
  });

  test('an unreadable cell is value-format’s alone', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 是否脱产: '半脱产?' });
    expectFindings(roster, [C('value-format', row, 'error')]);
  });

  test('no 是否脱产 column: not checked, and said so', () => {
    const roster = RosterBuilder.baseline().dropColumn('cadres', '是否脱产');
    expectFindings(roster, [], ['full-time-in-village']);
  });
});
