import { describe, expect, test } from 'vitest';
import { C, check, expectFindings, idNumberEndingInX, makeIdNumber, RosterBuilder, withWrongCheck } from '../helpers/roster-builder.js';

// 18 characters, a real birth date, the GB 11643-1999 check character; a number that lost digits in Excel says so.
const MAN = { 性别: '男', 出生日期: '1980-01-15' };
const valid = makeIdNumber('530828', '19800115', 31);

describe('id-number-valid', () => {
  test.each([
    ['a wrong check character', withWrongCheck(valid)],
    ['17 characters', valid.slice(0, 17)],
    ['19 characters', `${valid}1`],
    ['a letter inside', `${valid.slice(0, 10)}A${valid.slice(11)}`],
    ['a birth date that does not exist (1980-02-30)', makeIdNumber('530828', '19800230', 31)],
    ['a birth month 13', makeIdNumber('530828', '19801315', 31)],
    ['a 15-digit number of the old kind', 530828800115311],
  ])('%s', (_label, idNumber) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ ...MAN, 身份证号: idNumber });
    expectFindings(roster, [C('id-number-valid', row, 'error')]);
  });

  test('a valid number, as text: no finding', () => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ ...MAN, 身份证号: valid });
    expectFindings(roster, []);
  });

  test.each(['X', 'x'])('a check character %s is valid', (x) => {
    const id = idNumberEndingInX('530828', '19800115', '男');
    const roster = RosterBuilder.baseline();
    roster.addCadre({ ...MAN, 身份证号: id.slice(0, 17) + x });
    expectFindings(roster, []);
  });

  test('an ID number stored as a number lost its last digits: id-number-valid only', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 性别: '女', 出生日期: '1972-02-12', 身份证号: 520526197202120000 });
    const verdict = expectFindings(roster, [C('id-number-valid', row, 'error')]);
    expect(JSON.stringify(verdict.findings[0].data.reason)).toMatch(/15/);
  });

  test('the number that lost digits is not checked against birth date and gender', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 性别: '男', 出生日期: '1990-06-01', 身份证号: 520526197202120000 });
    expectFindings(roster, [C('id-number-valid', row, 'error')]);
  });

  test('two rows holding one number that lost digits are not one person posted twice', () => {
    const roster = RosterBuilder.baseline();
    const a = roster.addCadre({ 身份证号: 520526197202120000, 出生日期: '1972-02-12' });
    const b = roster.addCadre({ 身份证号: 520526197202120000, 出生日期: '1972-02-12', 所驻村代码: '530828200201' });
    expectFindings(roster, [C('id-number-valid', a, 'error'), C('id-number-valid', b, 'error')]);
  });

  test('a recalled cadre’s ID number is judged too', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ ...MAN, 身份证号: withWrongCheck(valid), 在岗状态: '已召回' });
    expectFindings(roster, [C('id-number-valid', row, 'error')]);
  });

  test('the finding points at the ID cell', () => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ ...MAN, 身份证号: withWrongCheck(valid) });
    expect(check(roster).findings[0].location.column).toBe('身份证号');
  });
});
