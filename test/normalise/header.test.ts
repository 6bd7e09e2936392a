import { describe, expect, test } from 'vitest';
import type { MergedRange, RawCell } from '../../src/types.js';
import { findingsOfRoster, normaliseSheets, rawSheet, RosterBuilder } from '../helpers/roster-builder.js';
import { cadreRows } from '../helpers/rows.js';

// Header detection: title rows, two-row headers with merged group cells, full-width characters,
// line breaks, aliases. Sheets are hand-made here; the village sheet comes from the builder.
const villages = () => RosterBuilder.baseline().build().sheets[0];

/** A merge of rows r1..r2 and columns c1..c2 (0-based). */
const merge = (firstRow: number, firstColumn: number, lastRow: number, lastColumn: number): MergedRange => ({
  firstRow, firstColumn, lastRow, lastColumn,
});

describe('title rows', () => {
  test('title rows merged across, above a one-row header', () => {
    const builder = RosterBuilder.baseline();
    const [village, cadres] = builder.build().sheets;
    const width = cadres.rows[0].length;
    const titled = rawSheet(cadres.name, [
      ['XX县驻村第一书记和工作队员花名册', ...Array(width - 1).fill(null)],
      ['填报单位:XX县委组织部    填报日期:2026年11月20日'],
      ...cadres.rows,
    ], [merge(0, 0, 0, width - 1), merge(1, 0, 1, width - 1)]);
    const roster = normaliseSheets([village, titled]);
    expect(roster.headerRows.cadres).toBe(3);
    expect(cadreRows(roster).map((c) => c.source.row)).toEqual([4, 5, 6, 7]);
    expect(roster.missing.cadres).toEqual(['post', 'village', 'endDate']);
    expect(findingsOfRoster(roster)).toEqual([]);
  });

  test('a missing required column is reported at the header row below the titles', () => {
    const builder = RosterBuilder.baseline().dropColumn('cadres', '性别');
    const [village, cadres] = builder.build().sheets;
    const titled = rawSheet(cadres.name, [['XX县驻村干部花名册'], [], ...cadres.rows], [merge(0, 0, 0, 10)]);
    const roster = normaliseSheets([village, titled]);
    expect(findingsOfRoster(roster)).toEqual(['required-field@驻村干部!3:error']);
  });
});

describe('a two-row header with merged group cells', () => {
  // 派出单位 over 名称 / 层级, 所驻村 over 村代码 / 村名称; the other headers merged down over both rows.
  const top: RawCell[] = ['序号', '姓名', '性别', '身份证\n号码', '出生日期', '政治面貌', '入党时间', '派出单位', null, '驻村职务', '工作队编号', '所驻村', null, '驻村时间', '在岗状态'];
  const sub: RawCell[] = [null, null, null, null, null, null, null, '名称', '层级', null, null, '村代码', '村名称', null, null];
  const groups = [merge(2, 7, 2, 8), merge(2, 11, 2, 12)];
  const downward = top.flatMap((_cell, column) => (sub[column] === null ? [merge(2, column, 3, column)] : []));
  const rows: RawCell[][] = [
    ['XX县驻村第一书记和工作队员花名册'],
    ['填报单位:XX县委组织部'],
    top,
    sub,
    ['1', '李明', '男', '530828197501110118', '1975-01-11', '中共党员', '2005-07-01', '云南省农业农村厅', '省', '第一书记兼队长', 'T01', '530828200201', '糯福村', '2025-03-01', '在岗'],
  ];
  const sheet = () => rawSheet('花名册', rows, [merge(0, 0, 0, 14), merge(1, 0, 1, 14), ...groups, ...downward]);

  test('group + sub-header name the columns; the header is the first of its two rows', () => {
    const roster = normaliseSheets([villages(), sheet()]);
    expect(roster.headerRows.cadres).toBe(3);
    expect(roster.headers.cadres).toMatchObject({
      unit: '派出单位/名称',
      unitLevel: '派出单位/层级',
      villageCode: '所驻村/村代码',
      village: '所驻村/村名称',
      name: '姓名',
      startDate: '驻村时间',
    });
    expect(roster.headers.cadres.idNumber).toBeDefined();
    const [cadre] = cadreRows(roster);
    expect(cadre.source.row).toBe(5);
    expect(cadre.fields.unit?.value).toBe('云南省农业农村厅');
    expect(cadre.fields.unitLevel?.value).toBe('省');
    expect(cadre.fields.villageCode?.value).toBe('530828200201');
    expect(cadre.fields.village?.value).toBe('糯福村');
    expect(cadre.fields.idNumber?.value).toBe('530828197501110118');
    expect(cadre.fields.startDate?.value).toEqual({ kind: 'date', year: 2025, month: 3, day: 1 });
    expect(cadre.villageCode).toBe('530828200201');
  });

  test('a required column missing from a two-row header is reported at its first row', () => {
    const other = rows.map((row) => [...row]);
    other[2][13] = '驻村感想';
    const roster = normaliseSheets([villages(), rawSheet('花名册', other, [...groups, ...downward])]);
    expect(roster.missing.cadres).toContain('startDate');
    expect(findingsOfRoster(roster).filter((f) => f.startsWith('required-field'))).toEqual(['required-field@花名册!3:error']);
  });

  test('a sub-header alone when the group is not a known prefix', () => {
    const other = rows.map((row) => [...row]);
    other[2][11] = '驻村信息';
    other[3][11] = '所驻村代码';
    other[3][12] = '所驻村名称';
    const roster = normaliseSheets([villages(), rawSheet('花名册', other, [...groups, ...downward])]);
    expect(cadreRows(roster)[0].fields.villageCode?.value).toBe('530828200201');
    expect(cadreRows(roster)[0].fields.village?.value).toBe('糯福村');
  });

  test('the cadre sheet’s location of a cell is the spreadsheet’s own row', () => {
    const withGap = [...rows, [], ['2', '王芳', '女', '530828197602120123', '1976-02-12', '群众', null, '县农业农村局', '县', '队员', 'T01', '530828200201', '糯福村', '2025-03-01', '在岗']];
    const roster = normaliseSheets([villages(), rawSheet('花名册', withGap, [...groups, ...downward])]);
    expect(cadreRows(roster).map((c) => c.source.row)).toEqual([5, 7]);
    expect(cadreRows(roster)[1].fields.role?.source).toMatchObject({ row: 7, column: '驻村职务', ref: 'J7' });
  });
});

describe('header spellings', () => {
  test.each([
    ['line breaks', '身份证\n号码', 'idNumber'],
    ['a CRLF line break', '驻村\r\n时间', 'startDate'],
    ['stray spaces', ' 姓 名 ', 'name'],
    ['an ideographic space', '性别\u3000', 'gender'],
    ['a required star', '*政治面貌', 'politicalStatus'],
    ['a full-width star', '＊姓名', 'name'],
    ['a line break and spaces', '入党\n 时间', 'partyJoinDate'],
  ])('%s: 「%s」', (_label, header, key) => {
    const builder = RosterBuilder.baseline();
    const canonical = { idNumber: '身份证号', startDate: '驻村时间', name: '姓名', gender: '性别', politicalStatus: '政治面貌', partyJoinDate: '入党时间' }[key]!;
    builder.renameColumn(canonical, header);
    const roster = normaliseSheets(builder.build().sheets);
    expect(roster.missing.cadres).not.toContain(key);
    expect(findingsOfRoster(roster)).toEqual([]);
  });

  test.each([
    ['省（区、市）', 'province'],
    ['市（州）', 'city'],
    ['县（市、区）', 'county'],
    ['乡（镇、街道）', 'township'],
    ['村（社区）', 'village'],
  ])('full-width brackets in the village header 「%s」', (header, key) => {
    const builder = RosterBuilder.baseline();
    const canonical = { province: '省', city: '市', county: '县', township: '乡镇', village: '村' }[key]!;
    builder.renameColumn(canonical, header);
    const roster = normaliseSheets(builder.build().sheets);
    expect(roster.missing.villages).not.toContain(key);
    expect(roster.headers.villages[key as 'province']).toBe(header.normalize('NFKC'));
    expect(findingsOfRoster(roster)).toEqual([]);
  });
});

describe('aliases of roster-format.md', () => {
  // [sheet, alias, key, the builder's header it replaces (null: a column the baseline lacks)]
  const ALIASES: [string, string, string, string | null][] = [
    ['villages', '省份', 'province', '省'],
    ['villages', '省(区、市)', 'province', '省'],
    ['villages', '市(州)', 'city', '市'],
    ['villages', '地市', 'city', '市'],
    ['villages', '县(市、区)', 'county', '县'],
    ['villages', '区县', 'county', '县'],
    ['villages', '县代码', 'countyCode', null],
    ['villages', '县级区划代码', 'countyCode', null],
    ['villages', '乡(镇、街道)', 'township', '乡镇'],
    ['villages', '村(社区)', 'village', '村'],
    ['villages', '村名', 'village', '村'],
    ['villages', '村名称', 'village', '村'],
    ['villages', '统计用区划代码', 'villageCode', '村代码'],
    ['villages', '村级区划代码', 'villageCode', '村代码'],
    ['villages', '村类别', 'categories', '村类型'],
    ['villages', '派驻类型', 'categories', '村类型'],
    ['villages', '安置类型', 'relocationScale', '搬迁安置规模'],
    ['villages', '重点帮扶县', 'keyCounty', '是否国家乡村振兴重点帮扶县'],
    ['villages', '是否巩固任务较轻', 'lightTask', '巩固任务较轻'],
    ['villages', '负责工作队编号', 'coveringTeam', '覆盖工作队'],
    ['cadres', '公民身份号码', 'idNumber', '身份证号'],
    ['cadres', '身份证号码', 'idNumber', '身份证号'],
    ['cadres', '出生年月', 'birthDate', '出生日期'],
    ['cadres', '选派单位', 'unit', '派出单位'],
    ['cadres', '派出单位名称', 'unit', '派出单位'],
    ['cadres', '单位层级', 'unitLevel', '派出单位层级'],
    ['cadres', '选派层级', 'unitLevel', '派出单位层级'],
    ['cadres', '职务职级', 'post', null],
    ['cadres', '现任职务', 'post', null],
    ['cadres', '驻村身份', 'role', '驻村职务'],
    ['cadres', '担任职务', 'role', '驻村职务'],
    ['cadres', '驻村代码', 'villageCode', '所驻村代码'],
    ['cadres', '所驻村', 'village', null],
    ['cadres', '驻村名称', 'village', null],
    ['cadres', '所驻村名称', 'village', null],
    ['cadres', '驻村开始时间', 'startDate', '驻村时间'],
    ['cadres', '到村时间', 'startDate', '驻村时间'],
    ['cadres', '离村时间', 'endDate', null],
    ['cadres', '任期届满时间', 'endDate', null],
    ['cadres', '状态', 'status', '在岗状态'],
    ['cadres', '是否备案', 'filed', '备案情况'],
    ['cadres', '备案时间', 'filed', '备案情况'],
    ['cadres', '手机号码', 'phone', '联系电话'],
    ['cadres', '党组织关系转入所驻村', 'partyRelationMoved', '党组织关系是否转入'],
  ];

  test.each(ALIASES)('%s: 「%s」 is %s', (sheet, alias, key, replaces) => {
    const builder = RosterBuilder.baseline();
    if (replaces === null) builder.addColumn(sheet as 'villages' | 'cadres', alias);
    else builder.renameColumn(replaces, alias);
    const roster = normaliseSheets(builder.build().sheets);
    const headers: Record<string, string | undefined> = roster.headers[sheet as 'villages' | 'cadres'];
    expect(headers[key]).toBe(alias);
    expect(findingsOfRoster(roster)).toEqual([]);
  });

  test('a province’s own alias, given as an option', () => {
    const builder = RosterBuilder.baseline().renameColumn('驻村职务', '帮扶身份');
    const without = normaliseSheets(builder.build().sheets);
    expect(without.missing.cadres).toContain('role');
    const roster = normaliseSheets(builder.build().sheets, { columns: { role: ['帮扶身份'] } });
    expect(roster.headers.cadres.role).toBe('帮扶身份');
    expect(findingsOfRoster(roster)).toEqual([]);
  });
});
