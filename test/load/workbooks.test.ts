// Workbooks from real producers: openpyxl (.xlsx) and LibreOffice (.xls, .ods, recalculated
// .xlsx). Values, dates, merges and row numbers must read the same from each.
import { describe, expect, it } from 'vitest';
import type { CalendarDate, MergedRange, RawSheet } from '../../src/types.js';
import { loadFixture, loadOne, temporaryFolder, writeTemporary } from './support.js';

const date = (year: number, month: number, day: number): CalendarDate => ({ kind: 'date', year, month, day });

function onlySheet(fixture: string): RawSheet {
  const roster = loadOne(loadFixture(fixture));
  expect(roster.sheets).toHaveLength(1);
  return roster.sheets[0]!;
}

const byPosition = (a: MergedRange, b: MergedRange) => a.firstRow - b.firstRow || a.firstColumn - b.firstColumn;

describe.each(['merged-header.xlsx', 'merged-header.xls', 'merged-header.ods'])('%s', (fixture) => {
  const sheet = onlySheet(fixture);

  it('names the sheet and the file as given', () => {
    expect(sheet.name).toBe('驻村干部');
    expect(sheet.file).toBe(loadFixture(fixture));
  });

  it('keeps title rows, the two header rows and the footer at their spreadsheet rows', () => {
    expect(sheet.rows[0]).toEqual(['XX县驻村第一书记和工作队员花名册']);
    expect(sheet.rows[1]).toEqual(['填报单位:XX县委组织部  填报日期:2024年3月1日']);
    expect(sheet.rows[2]).toEqual(['序号', '姓名', '性别', '身份证\n号码', '派出单位', null, '所驻村', null, '驻村时间']);
    expect(sheet.rows[3]).toEqual([null, null, null, null, '名称', '层级', '村代码', '村名称']);
    expect(sheet.rows[6]).toEqual([]);
    expect(sheet.rows[7]).toEqual(['合计', '2人']); // row 8, as Excel shows it
    expect(sheet.rows).toHaveLength(8);
  });

  it('reads text as text, numbers as numbers and date cells as calendar dates', () => {
    expect(sheet.rows[4]).toEqual([1, '张三', '男', '110105199001011234', '县委组织部', '县', '130102001001', '东村', date(2021, 9, 1)]);
    const second = sheet.rows[5]!;
    expect(second.slice(0, 3)).toEqual([2, '李四', '女']);
    expect(typeof second[3]).toBe('number'); // an ID number stored as a number has lost its last digits
    expect(Math.abs((second[3] as number) - 110105199001011234)).toBeLessThan(1000);
    expect(second.slice(4)).toEqual(['县财政局', '县', 130102001002, '西村', date(2022, 3, 15)]);
  });

  it('reads the merged title rows and the merged group headers', () => {
    const expected: MergedRange[] = [
      { firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 8 },
      { firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: 8 },
      ...[0, 1, 2, 3, 8].map((column) => ({ firstRow: 2, firstColumn: column, lastRow: 3, lastColumn: column })),
      { firstRow: 2, firstColumn: 4, lastRow: 2, lastColumn: 5 },
      { firstRow: 2, firstColumn: 6, lastRow: 2, lastColumn: 7 },
    ];
    expect([...sheet.merges].sort(byPosition)).toEqual(expected.sort(byPosition));
  });
});

describe('date cells', () => {
  const cases: [label: string, value: unknown][] = [
    ['iso format', date(2021, 9, 1)],
    ['chinese format', date(2020, 2, 29)],
    ['builtin 14', date(1999, 12, 31)],
    ['with time', date(2021, 9, 1)],
    ['far future', date(2099, 12, 31)],
    ['plain number', 44440],
    ['date as text', '2021-09-01'],
  ];

  const valuesByLabel = (fixture: string) => new Map(onlySheet(fixture).rows.slice(1).map((row) => [row[0], row[1]]));

  it.each(['dates.xlsx', 'dates-1904.xlsx'])('%s: dates read the same in the 1900 and the 1904 system', (fixture) => {
    const values = valuesByLabel(fixture);
    for (const [label, value] of cases) expect(values.get(label), label).toEqual(value);
  });

  it('reads 1900-03-01, the first day after the fictitious 1900-02-29', () => {
    expect(valuesByLabel('dates.xlsx').get('after 1900-02-28')).toEqual(date(1900, 3, 1));
  });

  it('leaves a date before 1904 in a 1904 workbook as the number it is', () => {
    expect(valuesByLabel('dates-1904.xlsx').get('after 1900-02-28')).toBe(-1401);
  });
});

describe('formulas', () => {
  it('reads the values LibreOffice cached; an error value is blank', () => {
    const sheet = onlySheet('formulas.xlsx');
    expect(sheet.rows[0]).toEqual(['a', 'b', 'sum', 'text', 'date', 'bool', 'error']);
    expect(sheet.rows[1]).toEqual([2, 3, 5, '驻村', date(2021, 9, 1), false]); // G2 is #DIV/0!
  });
});

describe('large and odd sheets', () => {
  it('reads a cell of 32,767 characters intact', () => {
    const cell = onlySheet('long-cell.xlsx').rows[1]![0] as string;
    expect(cell).toHaveLength(32767);
    expect(cell.startsWith('驻村工作队ABC')).toBe(true);
    expect(cell.endsWith('END')).toBe(true);
  });

  it('lays out only the 50 rows a sheet holds, whatever range it declares', () => {
    const started = performance.now();
    const sheet = onlySheet('huge-dimension.xlsx');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(sheet.rows).toHaveLength(50);
    expect(sheet.rows.every((row) => row.length === 3)).toBe(true);
    expect(sheet.rows[49]).toEqual([49, '干部49', '村49']);
  });
});

describe('other producers', () => {
  it('reads an .xlsx written by SheetJS (its content types list the binary workbook type too)', async () => {
    const XLSX = await import('xlsx');
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['姓名', '性别'], ['张三', '男']]), '人员');
    const file = writeTemporary(temporaryFolder(), 'sheetjs.xlsx', XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
    expect(loadOne(file).sheets.map((sheet) => [sheet.name, sheet.rows])).toEqual([['人员', [['姓名', '性别'], ['张三', '男']]]]);
  });
});

describe('console', () => {
  it('stays quiet while SheetJS reads (it warns about every ODS LibreOffice writes)', () => {
    const calls: unknown[] = [];
    const original = { ...console };
    const record = (...args: unknown[]) => void calls.push(args);
    Object.assign(console, { log: record, warn: record, error: record, info: record });
    try {
      loadOne(loadFixture('merged-header.ods'));
      expect(console.error).toBe(record);
    } finally {
      Object.assign(console, original);
    }
    expect(calls).toEqual([]);
  });
});
