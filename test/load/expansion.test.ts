// Small files that would make SheetJS (or the converter) lay out billions of cells are refused
// before it starts; ordinary uses of the same features read.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/load/index.js';
import {
  expectLoadError,
  loadFixture,
  loadOne,
  minimalXlsx,
  minimalXlsxParts,
  rezip,
  temporaryFolder,
  worksheetXml,
  writeTemporary,
  writeZip,
} from './support.js';

const cell = (reference: string, text: string) => `<c r="${reference}" t="inlineStr"><is><t>${text}</t></is></c>`;
const row = (number: number, ...cells: string[]) => `<row r="${number}">${cells.join('')}</row>`;
const HEADER = row(1, cell('A1', '姓名'), cell('B1', '网址'));

function xlsxFile(name: string, sheetXml: string): string {
  return writeTemporary(temporaryFolder(), name, minimalXlsx({ data: sheetXml }));
}

function expectQuickly<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(2000);
  return result;
}

describe('hyperlinks over ranges (.xlsx)', () => {
  const linked = (range: string) => worksheetXml(HEADER, `<hyperlinks><hyperlink ref="${range}" location="人员!A1"/></hyperlinks>`);

  it('refuses a hyperlink over the whole sheet', () => {
    const file = xlsxFile('link-everywhere.xlsx', linked('A1:XFD1048576'));
    const error = expectQuickly(() => expectLoadError(() => loadOne(file), 'TOO_LARGE', file));
    expect(error.text.en).toContain('links over whole sheets');
  });

  it('refuses it in a worksheet part that starts with a byte-order mark', () => {
    const file = xlsxFile('link-everywhere-bom.xlsx', `\uFEFF${linked('A1:XFD1048576')}`);
    expectQuickly(() => expectLoadError(() => loadOne(file), 'TOO_LARGE', file));
  });

  it('reads a hyperlink over a few cells', () => {
    const roster = loadOne(xlsxFile('link.xlsx', linked('B1:B3')));
    expect(roster.sheets[0]!.rows).toEqual([['姓名', '网址']]);
  });
});

describe('hyperlinks over ranges (.xls)', () => {
  /** An .xls from SheetJS with one hyperlink, its range then widened to `rows` × `columns`. */
  function xlsWithLink(rows: number, columns: number): string {
    const sheet = XLSX.utils.aoa_to_sheet([['姓名', '网址']]);
    sheet.B1!.l = { Target: 'https://example.org/' };
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, sheet, '人员');
    const bytes = XLSX.write(workbook, { type: 'buffer', bookType: 'biff8' }) as Buffer;
    const record = findHyperlinkRecord(bytes);
    bytes.writeUInt16LE(rows - 1, record + 6);
    bytes.writeUInt16LE(columns - 1, record + 10);
    return writeTemporary(temporaryFolder(), 'link.xls', bytes);
  }

  /** The HLINK record (type 0x01B8) whose range is the single cell B1. */
  function findHyperlinkRecord(bytes: Buffer): number {
    for (let at = 0; at + 12 <= bytes.length; at++) {
      if (bytes.readUInt16LE(at) === 0x01b8 && bytes.readUInt32LE(at + 4) === 0 && bytes.readUInt32LE(at + 8) === 0x00010001) return at;
    }
    throw new Error('no HLINK record');
  }

  it('refuses a hyperlink over 65,536 × 65,536 cells', () => {
    const file = xlsWithLink(65536, 65536);
    expectQuickly(() => expectLoadError(() => loadOne(file), 'TOO_LARGE', file));
  });

  it('reads a hyperlink over a few cells', () => {
    expect(loadOne(xlsWithLink(3, 2)).sheets[0]!.rows).toEqual([['姓名', '网址']]);
  });
});

describe('repeated cells (.ods)', () => {
  const repeatedRow = (rows: number, columns: number) =>
    `<table:table-row table:number-rows-repeated="${rows}"><table:table-cell office:value-type="string" ` +
    `table:number-columns-repeated="${columns}"><text:p>驻村</text:p></table:table-cell></table:table-row>`;

  function odsWith(rows: number, columns: number): string {
    const bytes = rezip(loadFixture('merged-header.ods'), (name, data) =>
      name === 'content.xml' ? data.toString('utf8').replace('<table:table-row ', `${repeatedRow(rows, columns)}<table:table-row `) : data,
    );
    return writeTemporary(temporaryFolder(), 'repeated.ods', bytes);
  }

  it('refuses a cell repeated 16,000 times in a row repeated a million times', () => {
    const file = odsWith(1_000_000, 16_000);
    expectQuickly(() => expectLoadError(() => loadOne(file), 'TOO_LARGE', file));
  });

  it('reads a few repeated cells, each in its place', () => {
    const rows = loadOne(odsWith(2, 3)).sheets[0]!.rows;
    expect(rows.slice(0, 3)).toEqual([['驻村', '驻村', '驻村'], ['驻村', '驻村', '驻村'], ['XX县驻村第一书记和工作队员花名册']]);
  });
});

describe('worksheets listed twice', () => {
  it('refuses a workbook that lists one worksheet part many times', () => {
    const sheets = Array.from({ length: 500 }, (_, index) => `<sheet name="S${index}" sheetId="${index + 1}" r:id="rId1"/>`).join('');
    const workbook =
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`;
    const bytes = writeZip(minimalXlsxParts({ data: worksheetXml(HEADER) }, workbook));
    const file = writeTemporary(temporaryFolder(), 'twice.xlsx', bytes);
    expect(expectLoadError(() => loadOne(file), 'CORRUPT', file).text.en).toContain('lists one worksheet twice');
  });
});

describe('cells far away', () => {
  it('refuses a cell below Excel\'s last row', () => {
    const file = xlsxFile('far-row.xlsx', worksheetXml(HEADER + row(99_999_999, cell('A99999999', '远'))));
    expectQuickly(() => expectLoadError(() => loadOne(file), 'CORRUPT', file));
  });

  it('refuses a cell right of Excel\'s last column', () => {
    const file = xlsxFile('far-column.xlsx', worksheetXml(HEADER + row(2, cell('ZZZZZ2', '远'))));
    expectLoadError(() => loadOne(file), 'CORRUPT', file);
  });

  it('counts the blank cells it lays out before a far cell against the limit', () => {
    const rows = Array.from({ length: 300 }, (_, index) => row(index + 2, cell(`XFD${index + 2}`, '远'))).join('');
    const file = xlsxFile('far-cells.xlsx', worksheetXml(HEADER + rows));
    expectLoadError(() => loadOne(file, { ...DEFAULT_LIMITS, maxInflatedBytes: 16 << 20 }), 'TOO_LARGE', file);
    const sheet = loadOne(file).sheets[0]!;
    expect(sheet.rows).toHaveLength(301);
    expect(sheet.rows[300]![16383]).toBe('远');
  });
});
