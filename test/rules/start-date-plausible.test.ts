import { describe, expect, test } from 'vitest';
import { C, CADRE_SHEET, cellsOf, expectFindings, makeIdNumber, RosterBuilder, withWrongCheck } from '../helpers/roster-builder.js';

// The start date is not after the reporting date (2026-11-27) and the cadre was at least 18 then.
// Judges every row; an active cadre long in the village is also due for tenure-review.
const BORN_2000_06_15 = { 身份证号: makeIdNumber('530828', '20000615', 31), 性别: '男', 出生日期: '2000-06-15' };

describe('start-date-plausible: not in the future', () => {
  test.each(['2026-11-28', '2027-03-01', '2026年12月'])('a start on %s', (startDate) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 驻村时间: startDate });
    expectFindings(roster, [C('start-date-plausible', row, 'error')]);
    expect(cellsOf(roster, 'start-date-plausible')).toEqual([`${CADRE_SHEET}!${row}/驻村时间`]);
  });

  test('a start on the reporting date itself', () => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 驻村时间: '2026-11-27' });
    expectFindings(roster, []);
  });

  test('a recalled cadre’s future start is judged too', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 驻村时间: '2027-01-01', 在岗状态: '已召回' });
    expectFindings(roster, [C('start-date-plausible', row, 'error')]);
  });
});

describe('start-date-plausible: 18 years old at the start', () => {
  test('a day before the 18th birthday (birth from the ID number)', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ ...BORN_2000_06_15, 驻村时间: '2018-06-14' });
    expectFindings(roster, [C('start-date-plausible', row, 'error'), C('tenure-review', row, 'info')]);
    expect(cellsOf(roster, 'start-date-plausible')).toEqual([`${CADRE_SHEET}!${row}/驻村时间`]);
  });

  test('on the 18th birthday', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ ...BORN_2000_06_15, 驻村时间: '2018-06-15' });
    expectFindings(roster, [C('tenure-review', row, 'info')]);
  });

  test('a recalled cadre who started under 18: judged, and not due for review', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ ...BORN_2000_06_15, 驻村时间: '2015-01-01', 在岗状态: '已召回' });
    expectFindings(roster, [C('start-date-plausible', row, 'error')]);
  });

  test('with an invalid ID number, the birth date column decides', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ ...BORN_2000_06_15, 身份证号: withWrongCheck(BORN_2000_06_15.身份证号), 驻村时间: '2016-01-01' });
    expectFindings(roster, [C('id-number-valid', row, 'error'), C('start-date-plausible', row, 'error'), C('tenure-review', row, 'info')]);
  });

  test('with an ID number that lost digits, the birth date column decides', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 身份证号: 520526200006150000, 出生日期: '2000-06-15', 驻村时间: '2016-01-01', 在岗状态: '已召回' });
    expectFindings(roster, [C('id-number-valid', row, 'error'), C('start-date-plausible', row, 'error')]);
  });

  test('an adult with the baseline dates', () => {
    expectFindings(RosterBuilder.baseline(), []);
  });
});
