// FirstRows, the table of each run-wide key's first row, answers as a Map would: checked against
// one over many keys, among which some share a hash.
import { describe, expect, test } from 'vitest';
import { FirstRows, hashOf } from '../../src/engine/first-rows.js';

function entriesOf(table: FirstRows): [string, number][] {
  const entries: [string, number][] = [];
  table.forEach((key, row) => entries.push([key, row]));
  return entries;
}

describe('FirstRows', () => {
  test('a new key gets its row; a key seen before answers with its first row, whatever row it is seen on again', () => {
    const table = new FirstRows();
    expect(table.firstRowOrAdd('110121197510087092', 2)).toBeUndefined();
    expect(table.firstRowOrAdd('530828200201', 3)).toBeUndefined();
    expect(table.firstRowOrAdd('110121197510087092', 9)).toBe(2);
    expect(table.firstRowOrAdd('110121197510087092', 12)).toBe(2);
    expect(entriesOf(table)).toHaveLength(2);
    expect(entriesOf(table)).toEqual([
      ['110121197510087092', 2],
      ['530828200201', 3],
    ]);
  });

  test('the empty key and keys in other scripts are keys like any other', () => {
    const table = new FirstRows();
    for (const [row, key] of ['', '干海村委会', '𠀀村', 'X'].entries()) expect(table.firstRowOrAdd(key, row)).toBeUndefined();
    expect(table.firstRowOrAdd('', 7)).toBe(0);
    expect(table.firstRowOrAdd('𠀀村', 7)).toBe(2);
  });

  test('over 200,000 keys, a third of them seen twice, it agrees with a Map, and keeps the order first seen', () => {
    let seed = 20261127;
    const digit = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % 10;
    const keys = Array.from({ length: 200_000 }, () => Array.from({ length: 18 }, digit).join(''));
    const hashes = new Set<number>();
    let sharedHash = false;
    for (const key of keys) {
      sharedHash ||= hashes.has(hashOf(key));
      hashes.add(hashOf(key));
    }
    expect(sharedHash).toBe(true); // 32-bit hashes of this many keys collide: the string comparison is exercised
    const table = new FirstRows();
    const model = new Map<string, number>();
    const seen = [...keys, ...keys.filter((_, index) => index % 3 === 0)];
    const disagreements = seen.filter((key, row) => {
      const expected = model.get(key);
      if (expected === undefined) model.set(key, row);
      return table.firstRowOrAdd(key, row) !== expected;
    });
    expect(disagreements).toEqual([]);
    expect(entriesOf(table)).toHaveLength(model.size);
    expect(entriesOf(table)).toEqual([...model.entries()]);
  });
});
