import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkCharacter, idBirthDate, idGender, idProblem } from '../../src/checks/gb11643.js';
import { idNumberEndingInX, makeIdNumber, withWrongCheck } from '../helpers/roster-builder.js';

// The test helper makeIdNumber and the checker agree on GB 11643-1999, and both on the standard's examples.
describe('GB 11643 ID numbers', () => {
  test('the examples of the standard', () => {
    expect(makeIdNumber('110105', '19491231', 2)).toBe('11010519491231002X');
    expect(makeIdNumber('440524', '18800101', 1)).toBe('440524188001010014');
    expect(idProblem('11010519491231002X')).toBeNull();
  });

  test('every number the helper makes is valid, with its birth date and gender', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 110000, max: 659999 }),
        fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2010-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (region, date, sequence) => {
          const birth = date.toISOString().slice(0, 10).replaceAll('-', '');
          const id = makeIdNumber(String(region), birth, sequence);
          expect(idProblem(id)).toBeNull();
          expect(checkCharacter(id.slice(0, 17))).toBe(id[17]);
          expect(idBirthDate(id)).toEqual({ kind: 'date', year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
          expect(idGender(id)).toBe(sequence % 2 === 1 ? '男' : '女');
          expect(idProblem(withWrongCheck(id))).toBe('check-digit');
        },
      ),
    );
  });

  test.each([
    ['17 characters', '11010519491231002', 'length'],
    ['a letter inside', '1101051949123100AX', 'characters'],
    ['a lowercase x (the normaliser upper-cases it first)', '11010519491231002x', 'characters'],
    ['a birth date that does not exist', makeIdNumber('110105', '19490230', 2), 'birth-date'],
  ])('%s', (_label, id, problem) => {
    expect(idProblem(id)).toBe(problem);
  });

  test('the helper finds a number ending in X of either gender', () => {
    expect(idGender(idNumberEndingInX('530828', '19800115', '男'))).toBe('男');
    expect(idGender(idNumberEndingInX('530828', '19800115', '女'))).toBe('女');
  });

  test('a birth date is read only from the digits there: a number cut short, or with letters there, has none', () => {
    expect(idBirthDate('1101051949')).toBeNull();
    expect(idBirthDate('110105194912')).toBeNull();
    expect(idBirthDate('110105194912AB002X')).toBeNull();
    expect(idBirthDate('11010519491231')).toEqual({ kind: 'date', year: 1949, month: 12, day: 31 });
  });

  test('the same number asked about again, after another, gets the same answer', () => {
    const valid = makeIdNumber('110105', '19491231', 2);
    const wrong = withWrongCheck(valid);
    expect([idProblem(valid), idProblem(valid), idProblem(wrong), idProblem(valid), idProblem(wrong)]).toEqual([null, null, 'check-digit', null, 'check-digit']);
  });
});
