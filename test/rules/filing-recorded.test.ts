import { describe, test } from 'vitest';
import type { RawCell } from '../../src/types.js';
import { C, date, expectFindings, RosterBuilder } from '../helpers/roster-builder.js';

// The cadre's selection was filed (备案): 是, or a filing date; a blank cell means 否.
describe('filing-recorded', () => {
  test.each(['否', null, 'N', '未备案'])('备案情况 %j', (filed) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 备案情况: filed });
    expectFindings(roster, [C('filing-recorded', row, 'warning')]);
  });

  test.each<[string, RawCell]>([
    ['是', '是'],
    ['√', '√'],
    ['Y', 'Y'],
    ['已备案', '已备案'],
    ['a date as text', '2025-02-20'],
    ['a date in 年月日', '2025年2月20日'],
    ['a date cell', date(2025, 2, 20)],
    ['an Excel serial', 45708],
  ])('备案情况 %s is filed', (_label, filed) => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 备案情况: filed });
    expectFindings(roster, []);
  });

  test('the header alias 备案时间 holding dates', () => {
    const roster = RosterBuilder.baseline().renameColumn('备案情况', '备案时间');
    roster.addCadre({ 备案情况: '2025-02-20' });
    const row = roster.addCadre({ 备案情况: null });
    expectFindings(roster, [C('filing-recorded', row, 'warning')]);
  });

  test('a recalled cadre is not judged', () => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 备案情况: '否', 在岗状态: '已召回' });
    expectFindings(roster, []);
  });

  test('no 备案情况 column: not checked, and said so', () => {
    const roster = RosterBuilder.baseline().dropColumn('cadres', '备案情况');
    expectFindings(roster, [], ['filing-recorded']);
  });
});
