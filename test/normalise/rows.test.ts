import { describe, expect, test } from 'vitest';
import type { RawCell } from '../../src/types.js';
import { findingsOfRoster, normalise, normaliseSheets, rawSheet, RosterBuilder } from '../helpers/roster-builder.js';
import { cadreRows } from '../helpers/rows.js';

// Data rows: footers end the data, blank rows and 序号-only rows are skipped, rows keep their spreadsheet numbers.
function baselineSheets() {
  const [villages, cadres] = RosterBuilder.baseline().build().sheets;
  return { villages, cadres };
}

describe('footers end the data', () => {
  test.each([
    ['合计', ['合计', '4人']],
    ['总计', ['总计']],
    ['小计', ['小计', null, '4']],
    ['备注', ['备注:驻村时间以到村报到为准']],
    ['填表说明', ['填表说明:1.身份证号请以文本格式填写;2.日期格式为2021-09-01']],
    ['注:', ['注:带*为必填项']],
    ['填表人', ['填表人:张三  审核人:李四']],
    ['a footer word in the second column', [null, '合计', '4']],
  ])('%s', (_label, footer) => {
    const { villages, cadres } = baselineSheets();
    const extra = [...cadres.rows[2]]; // a copy of a cadre row: read, it would be a second post
    const rows: RawCell[][] = [...cadres.rows, footer as RawCell[], extra, ['说明', '以上为在岗人员']];
    const roster = normaliseSheets([villages, rawSheet(cadres.name, rows)]);
    expect(cadreRows(roster).map((c) => c.source.row)).toEqual([2, 3, 4, 5]);
    expect(findingsOfRoster(roster)).toEqual([]);
  });

  test('a footer on the village sheet ends its data too', () => {
    const { villages, cadres } = baselineSheets();
    const rows: RawCell[][] = [...villages.rows, ['合计', '1个村'], ['2', '云南省', '普洱市', '澜沧拉祜族自治县', '糯福乡', '竹塘村', '530828200202', '脱贫村']];
    const roster = normaliseSheets([rawSheet(villages.name, rows), cadres]);
    expect(roster.villages?.map((v) => v.source.row)).toEqual([2]);
    expect(findingsOfRoster(roster)).toEqual([]);
  });

  test('the template’s example row, marked 示例 in 序号, is not data', () => {
    const { villages, cadres } = baselineSheets();
    const example = [...cadres.rows[1]];
    example[0] = '示例';
    example[3] = '11010519491231002X';
    const rows = [cadres.rows[0], example, ...cadres.rows.slice(1)];
    const roster = normaliseSheets([villages, rawSheet(cadres.name, rows)]);
    expect(cadreRows(roster).map((c) => c.source.row)).toEqual([3, 4, 5, 6]);
    expect(findingsOfRoster(roster)).toEqual([]);
  });
});

describe('blank and number-only rows', () => {
  test('blank rows and rows holding only a 序号 are skipped; rows keep their numbers', () => {
    const { villages, cadres } = baselineSheets();
    const [header, a, b, c, d] = cadres.rows;
    const rows: RawCell[][] = [header, [], a, [null, null, '  '], b, ['3'], ['4', null, ''], c, [5], d];
    const roster = normaliseSheets([villages, rawSheet(cadres.name, rows)]);
    expect(cadreRows(roster).map((cadre) => cadre.source.row)).toEqual([3, 5, 8, 10]);
    expect(findingsOfRoster(roster)).toEqual([]);
  });

  test('a finding points at the spreadsheet row, blank rows and titles counted', () => {
    const { villages, cadres } = baselineSheets();
    const [header, a, b, c, d] = cadres.rows;
    const badFiling = [...d];
    badFiling[header.indexOf('备案情况')] = '否';
    const rows: RawCell[][] = [['XX县驻村干部花名册'], [], header, a, [], b, c, [], [], badFiling];
    const roster = normaliseSheets([villages, rawSheet(cadres.name, rows)]);
    expect(findingsOfRoster(roster)).toEqual(['filing-recorded@驻村干部!10:warning']);
    const column = header.indexOf('备案情况');
    expect(cadreRows(roster)[3].fields.filed?.source).toMatchObject({ row: 10, column: '备案情况', ref: `${String.fromCharCode(65 + column)}10` });
  });

  test('a row with only an unrecognised column filled is not data', () => {
    const { villages, cadres } = baselineSheets();
    const header = [...cadres.rows[0], '备注栏'];
    const rows: RawCell[][] = [header, ...cadres.rows.slice(1), [...Array(header.length - 1).fill(null), '此行仅有备注']];
    const roster = normaliseSheets([villages, rawSheet(cadres.name, rows)]);
    expect(cadreRows(roster)).toHaveLength(4);
  });
});

describe('rows are read again on request', () => {
  test('each pass reads the same rows, and a row can be read again by its number', () => {
    const roster = normalise(RosterBuilder.baseline());
    const first = cadreRows(roster);
    expect(cadreRows(roster).map((c) => [c.source.row, c.idNumber])).toEqual(first.map((c) => [c.source.row, c.idNumber]));
    const again = roster.rows.cadre(first[2].source.row);
    expect(again?.fields.name?.raw).toBe(first[2].fields.name?.raw);
    expect(again?.fields.idNumber?.source).toMatchObject({ row: first[2].source.row, column: '身份证号' });
    expect(roster.rows.village(2)?.code).toBe(roster.villages?.[0].code);
  });

  test('the header row, and rows past the sheet, are not data rows', () => {
    const roster = normalise(RosterBuilder.baseline());
    expect(roster.rows.cadre(1)).toBeNull();
    expect(roster.rows.cadre(1000)).toBeNull();
    expect(roster.rows.village(1)).toBeNull();
  });

  test('a roster keeps its villages without their cells', () => {
    const roster = normalise(RosterBuilder.baseline());
    expect(roster.villages?.[0]).not.toHaveProperty('fields');
    expect(roster.villages?.[0]).toMatchObject({ code: roster.rows.village(2)?.code, categories: ['脱贫村'] });
  });
});
