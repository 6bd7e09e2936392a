import { describe, test } from 'vitest';
import type { RawCell } from '../../src/types.js';
import { C, date, expectFindings, RosterBuilder } from '../helpers/roster-builder.js';

// An active cadre in the village two years or more (as of 2026-11-27) is due for review (info).
const TWO_YEARS: RawCell[] = [
  '2024-11-27',
  '2024/11/27',
  '2024.11.27',
  '2024年11月27日',
  '20241127',
  20241127,
  45623, // Excel serial
  date(2024, 11, 27),
  '２０２４－１１－２７',
  '2024-11-27 00:00:00',
  // a month alone means its first day
  '2024.11',
  '2024年11月',
  '202411',
  202411,
  '2023-08-20',
];
const A_DAY_LESS: RawCell[] = [
  '2024-11-28',
  '2024/11/28',
  '2024.11.28',
  '2024年11月28日',
  '20241128',
  45624,
  date(2024, 11, 28),
  '2024年12月',
  '202412',
  '2026-11-27',
];

describe('tenure-review', () => {
  test.each(TWO_YEARS)('in the village since %j: due', (startDate) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 驻村时间: startDate });
    expectFindings(roster, [C('tenure-review', row, 'info')]);
  });

  test.each(A_DAY_LESS)('in the village since %j: not yet', (startDate) => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 驻村时间: startDate });
    expectFindings(roster, []);
  });

  test('a first secretary is due too', () => {
    const roster = new RosterBuilder();
    roster.addVillage();
    const row = roster.addCadre({ 驻村职务: '第一书记兼队长', 驻村时间: '2021-09-01' });
    roster.addCadre();
    roster.addCadre();
    expectFindings(roster, [C('tenure-review', row, 'info')]);
  });

  test.each(['已召回', '已轮换', '期满离岗'])('a %s cadre is not due', (status) => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 驻村时间: '2021-09-01', 在岗状态: status });
    expectFindings(roster, []);
  });
});
