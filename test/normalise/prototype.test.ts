import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { RawSheet } from '../../src/types.js';
import { checkAll, findingsOfRoster, normaliseSheets, RosterBuilder } from '../helpers/roster-builder.js';
import { cadreRows } from '../helpers/rows.js';

// Headers and cells come from untrusted files: names such as __proto__ must not reach Object.prototype.
const DANGEROUS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', 'polluted'];

let before: { names: string[]; toString: unknown; hasOwnProperty: unknown };

beforeEach(() => {
  before = {
    names: Object.getOwnPropertyNames(Object.prototype).sort(),
    toString: Object.prototype.toString,
    hasOwnProperty: Object.prototype.hasOwnProperty,
  };
});

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before.names);
  expect(Object.prototype.toString).toBe(before.toString);
  expect(Object.prototype.hasOwnProperty).toBe(before.hasOwnProperty);
  expect({}.constructor).toBe(Object);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});

/** The baseline's sheets with extra columns headed by dangerous names, every cell of them a dangerous word. */
function withDangerousColumns(): RawSheet[] {
  return RosterBuilder.baseline()
    .build()
    .sheets.map((sheet) => ({
      ...sheet,
      rows: sheet.rows.map((row, index) => [...row, ...DANGEROUS.map((name) => (index === 0 ? name : name === 'polluted' ? '{"polluted":1}' : name))]),
    }));
}

describe('prototype pollution', () => {
  test('header cells named __proto__, constructor, prototype… are unknown columns and change nothing', () => {
    const roster = normaliseSheets(withDangerousColumns());
    expect(cadreRows(roster)).toHaveLength(4);
    expect(Object.keys(roster.headers.cadres)).not.toContain('__proto__');
    expect(findingsOfRoster(roster)).toEqual([]);
  });

  test('cell values named __proto__, constructor… are plain values', () => {
    const roster = RosterBuilder.baseline();
    const village = roster.addVillage({ 村: '__proto__', 村类型: 'constructor', 覆盖工作队: '__proto__' });
    const other = roster.addVillage({ 村: 'constructor', 村类型: '__proto__、toString' });
    const team = roster.addTeam(roster.villageCodeAt(village), '__proto__', ['prototype', 'hasOwnProperty', '__proto__'], {
      在岗状态: 'constructor',
      性别: 'toString',
      政治面貌: '__proto__',
      派出单位层级: 'valueOf',
      姓名: '__proto__',
    });
    // the role, status, gender, political status and unit level of each dangerous cadre row are unknown words
    const cadreFindings = team.flatMap((row) => Array(5).fill(`value-format@驻村干部!${row}:error`));
    expect(checkAll([roster])[0].list).toEqual(
      [`value-format@村庄!${village}:error`, `value-format@村庄!${other}:error`, ...cadreFindings].sort(),
    );
  });

  test('villages named __proto__ and constructor, found by name', () => {
    const roster = new RosterBuilder().dropColumn('cadres', '所驻村代码').addColumn('cadres', '所驻村');
    roster.addVillage({ 村: '__proto__' });
    roster.addVillage({ 村: 'constructor', 村类型: '其他' });
    for (const role of ['第一书记兼队长', '队员', '队员']) roster.addCadre({ 驻村职务: role, 所驻村: '__proto__' });
    roster.addCadre({ 所驻村: 'constructor', 工作队编号: 'constructor' });
    const verdict = checkAll([roster])[0];
    expect(verdict.roster.teams.map((t) => [t.id, t.villageCode, t.activeMembers.length])).toEqual([
      ['T01', '530828200201', 3],
      ['constructor', '530828200202', 1],
    ]);
    expect(verdict.list).toEqual([]);
  });

  test('column aliases given as options under dangerous names', () => {
    const columns = JSON.parse('{"__proto__": ["polluted"], "constructor": ["姓名"], "name": ["__proto__"]}') as Record<string, string[]>;
    const builder = RosterBuilder.baseline().renameColumn('姓名', '__proto__');
    const roster = normaliseSheets(builder.build().sheets, { columns });
    expect(roster.headers.cadres.name).toBe('__proto__');
    expect(cadreRows(roster)[0].fields.name?.value).toBe(builder.cadreCell(2, '姓名'));
    expect(findingsOfRoster(roster)).toEqual([]);
  });
});
