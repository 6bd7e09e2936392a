import { describe, expect, test } from 'vitest';
import { C, cellsOf, CADRE_SHEET, expectFindings, makeIdNumber, RosterBuilder, withWrongCheck } from '../helpers/roster-builder.js';

// Birth date and gender agree with the ID number, checked only when the ID number is valid.
const MAN_1980_01_15 = makeIdNumber('530828', '19800115', 31);

function cadre(cells: Record<string, unknown>) {
  const roster = RosterBuilder.baseline();
  const row = roster.addCadre({ 身份证号: MAN_1980_01_15, 性别: '男', 出生日期: '1980-01-15', ...(cells as object) });
  return { roster, row };
}

describe('id-number-consistent', () => {
  test('a birth date that differs from the ID number', () => {
    const { roster, row } = cadre({ 出生日期: '1981-01-15' });
    expectFindings(roster, [C('id-number-consistent', row, 'warning')]);
    expect(cellsOf(roster, 'id-number-consistent')).toEqual([`${CADRE_SHEET}!${row}/出生日期`]);
  });

  test('a gender that differs from the 17th digit', () => {
    const { roster, row } = cadre({ 性别: '女' });
    expectFindings(roster, [C('id-number-consistent', row, 'warning')]);
    expect(cellsOf(roster, 'id-number-consistent')).toEqual([`${CADRE_SHEET}!${row}/性别`]);
  });

  test('an even 17th digit is a woman', () => {
    const { roster } = cadre({ 身份证号: makeIdNumber('530828', '19800115', 32), 性别: '女' });
    expectFindings(roster, []);
  });

  test('both differ: one finding for the row', () => {
    const { roster, row } = cadre({ 性别: '女', 出生日期: '1979-12-31' });
    expectFindings(roster, [C('id-number-consistent', row, 'warning')]);
  });

  test.each([
    ['a month alone', '1980-01'],
    ['年月', '1980年1月'],
    ['a date cell', { kind: 'date', year: 1980, month: 1, day: 15 }],
    ['an Excel serial', 29235],
    ['slashes', '1980/1/15'],
  ])('a birth date written as %s agrees', (_label, birth) => {
    expectFindings(cadre({ 出生日期: birth }).roster, []);
  });

  test('a month that differs, written as a month alone', () => {
    const { roster, row } = cadre({ 出生日期: '1980-02' });
    expectFindings(roster, [C('id-number-consistent', row, 'warning')]);
  });

  test('an invalid ID number is not compared (id-number-valid reports it)', () => {
    const { roster, row } = cadre({ 身份证号: withWrongCheck(MAN_1980_01_15), 性别: '女', 出生日期: '1990-05-05' });
    expectFindings(roster, [C('id-number-valid', row, 'error')]);
  });

  test('an ID number that lost digits is not compared', () => {
    const { roster, row } = cadre({ 身份证号: 520526197202120000, 性别: '男', 出生日期: '1990-05-05' });
    expectFindings(roster, [C('id-number-valid', row, 'error')]);
  });

  test('a recalled cadre’s row is judged too', () => {
    const { roster, row } = cadre({ 性别: '女', 在岗状态: '已召回' });
    expectFindings(roster, [C('id-number-consistent', row, 'warning')]);
  });

  test('with no 出生日期 column, the gender is still compared', () => {
    const roster = RosterBuilder.baseline().dropColumn('cadres', '出生日期');
    const row = roster.addCadre({ 身份证号: MAN_1980_01_15, 性别: '女' });
    expectFindings(roster, [C('id-number-consistent', row, 'warning')]);
  });
});
