// Files whose sheet names, headers and cells are the names of Object.prototype's properties read
// as plain data, and leave every prototype as it was.
import { afterEach, describe, expect, it } from 'vitest';
import { loadFixture, loadOne, rowsOf, temporaryFolder, writeTemporary } from './support.js';

const objectKeys = Object.getOwnPropertyNames(Object.prototype).sort();
const arrayKeys = Object.getOwnPropertyNames(Array.prototype).sort();

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(objectKeys);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(arrayKeys);
});

describe('prototype pollution', () => {
  it('reads a workbook with a sheet named __proto__ and __proto__ headers', () => {
    const roster = loadOne(loadFixture('proto.xlsx'));
    const [first, second] = roster.sheets;
    expect(first!.name).toBe('__proto__');
    expect(first!.rows[0]).toEqual(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__']);
    expect(first!.rows[1]).toEqual(['polluted', '{"polluted":true}', 'x', 'y', 'z', 'w']);
    expect(second!.name).toBe('constructor');
    expect(second!.rows).toEqual([['prototype', '__proto__'], ['__proto__', 'polluted']]);
    for (const sheet of roster.sheets) {
      expect(Array.isArray(sheet.rows)).toBe(true);
      expect(sheet.rows.every((row) => Object.getPrototypeOf(row) === Array.prototype)).toBe(true);
    }
  });

  it('reads a CSV file with __proto__ headers', () => {
    const file = writeTemporary(temporaryFolder(), '__proto__.csv', '__proto__,constructor,prototype\npolluted,{"polluted":true},x\n');
    const sheet = loadOne(file).sheets[0]!;
    expect(sheet.name).toBe('__proto__.csv');
    expect(rowsOf(sheet.rows)).toEqual([['__proto__', 'constructor', 'prototype'], ['polluted', '{"polluted":true}', 'x']]);
    expect(rowsOf(sheet.rows).every((row) => Object.getPrototypeOf(row) === Array.prototype)).toBe(true);
  });
});
