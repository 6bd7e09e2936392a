// The OOXML reader gives what SheetJS gives for the same package: every workbook under fixtures/,
// small packages built here for each feature, and random sheets. Where SheetJS drops a damaged
// sheet without a word, the reader refuses the file instead.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LoadError } from '../../src/errors.js';
import { CellBudget } from '../../src/load/cell-budget.js';
import { readOoxmlWorkbook } from '../../src/load/ooxml-reader.js';
import { parsePackage } from '../../src/load/sheetjs.js';
import { sniffFormat } from '../../src/load/sniff.js';
import { workbookSheets } from '../../src/load/workbook.js';
import { PackageParts, workbookPackage } from '../../src/load/zip-contents.js';
import { unzipWithinLimit } from '../../src/load/zip-guard.js';
import type { CalendarDate, RawSheet } from '../../src/types.js';
import { expectLoadError, loadOne, ROOT, rowsOf, temporaryFolder, writeTemporary, writeZip } from './support.js';

const FILE = 'crafted.xlsx';
const date = (year: number, month: number, day: number): CalendarDate => ({ kind: 'date', year, month, day });

type Outcome = { sheets: RawSheet[] } | { error: { code: string; en: string } };

function outcome(read: () => RawSheet[]): Outcome {
  try {
    return { sheets: read() };
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    return { error: { code: error.code, en: error.text.en } };
  }
}

function packageParts(file: string, bytes: Buffer): PackageParts {
  return new PackageParts(unzipWithinLimit(file, bytes, 1 << 30));
}

const budget = (file: string) => new CellBudget(file, 1e9);
const byReader = (file: string, parts: PackageParts) => outcome(() => readOoxmlWorkbook(file, parts, budget(file)));
const bySheetJs = (file: string, parts: PackageParts) => outcome(() => workbookSheets(file, parsePackage(file, parts.parts), budget(file)));

/** The reader's sheets, after checking that SheetJS gives the same. */
function read(bytes: Buffer): RawSheet[] {
  const parts = packageParts(FILE, bytes);
  const reader = byReader(FILE, parts);
  expect(reader).toEqual(bySheetJs(FILE, parts));
  if ('error' in reader) throw new Error(reader.error.en);
  return reader.sheets;
}

const rows = (bytes: Buffer, sheet = 0) => read(bytes)[sheet]!.rows;

// ---------------------------------------------------------------------------------------------
// Packages

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

interface SheetSpec {
  readonly name: string;
  /** The content of <sheetData>. */
  readonly data?: string;
  /** After </sheetData>: merges, hyperlinks. */
  readonly after?: string;
  /** The whole part, instead of data and after. */
  readonly xml?: string;
  /** The part's name under xl/ (default worksheets/sheet<n>.xml). */
  readonly part?: string;
  readonly state?: string;
  readonly relationship?: string;
}

interface BookSpec {
  readonly sheets: readonly SheetSpec[];
  /** <si> items. */
  readonly strings?: string;
  /** <numFmts> and <cellXfs>. */
  readonly styles?: string;
  readonly workbookPr?: string;
  /** The whole workbook.xml, instead of one made from `sheets`. */
  readonly workbookXml?: string;
}

function xlsx(book: BookSpec): Buffer {
  const sheets = book.sheets.map((sheet, index) => ({ ...sheet, part: sheet.part ?? `worksheets/sheet${index + 1}.xml` }));
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/>`,
    ...sheets.map((sheet) => `<Override PartName="/xl/${sheet.part}" ContentType="${TYPE}.worksheet+xml"/>`),
    book.strings === undefined ? '' : `<Override PartName="/xl/sharedStrings.xml" ContentType="${TYPE}.sharedStrings+xml"/>`,
    book.styles === undefined ? '' : `<Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/>`,
  ];
  const workbook =
    book.workbookXml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">${book.workbookPr ?? ''}<sheets>` +
      sheets.map((sheet, index) => `<sheet name="${sheet.name}" sheetId="${index + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${index + 1}"/>`).join('') +
      '</sheets></workbook>';
  const relationships = sheets.map(
    (sheet, index) => `<Relationship Id="rId${index + 1}" Type="${sheet.relationship ?? `${RELATIONSHIPS}/worksheet`}" Target="${sheet.part}"/>`,
  );
  return writeZip([
    { name: '[Content_Types].xml', data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>` },
    { name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join('')}</Relationships>` },
    ...sheets.map((sheet) => ({ name: `xl/${sheet.part}`, data: sheet.xml ?? worksheet(sheet.data ?? '', sheet.after ?? '') })),
    ...(book.strings === undefined ? [] : [{ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${book.strings}</sst>` }]),
    ...(book.styles === undefined ? [] : [{ name: 'xl/styles.xml', data: `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${book.styles}</styleSheet>` }]),
  ]);
}

const worksheet = (data: string, after = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><dimension ref="A1"/><sheetData>${data}</sheetData>${after}</worksheet>`;

const oneSheet = (data: string, book: Omit<BookSpec, 'sheets'> = {}) => xlsx({ ...book, sheets: [{ name: '人员', data }] });

/** <numFmts> and <cellXfs>: style 0 General, 1 built-in 14, 2 年月日, 3 0.00, 4 built-in 22, 5 a format id past 392. */
const STYLES =
  '<numFmts count="3"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="0.00"/>' +
  '<numFmt numFmtId="400" formatCode="yyyy/m/d"/></numFmts>' +
  '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176" applyNumberFormat="1"/>' +
  '<xf numFmtId="177" applyNumberFormat="1"/><xf numFmtId="22"/><xf numFmtId="400"/></cellXfs>';

// ---------------------------------------------------------------------------------------------

describe('every workbook under fixtures/ reads as SheetJS reads it', () => {
  const fixtures = readdirSync(join(ROOT, 'fixtures'), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.xls[xm]$/.test(name))
    .map((name) => join(ROOT, 'fixtures', name))
    .filter((file) => {
      const bytes = readFileSync(file);
      if (sniffFormat(bytes) !== 'zip') return false;
      try {
        return workbookPackage(file, packageParts(file, bytes)) === 'ooxml';
      } catch {
        return false; // not a loadable package (fixtures/bad)
      }
    });

  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(11);
  });

  it.each(fixtures.map((file) => [file.slice(ROOT.length)]))('%s', (name) => {
    const file = join(ROOT, name);
    const parts = packageParts(file, readFileSync(file));
    const reader = byReader(file, parts);
    expect(reader).toEqual(bySheetJs(file, parts));
    expect('sheets' in reader && reader.sheets.length).toBeGreaterThan(0);
  });
});

describe('strings', () => {
  it('reads rich text without its phonetic runs', () => {
    const strings =
      '<si><r><t>张</t></r><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t>三</t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><t>驻村</t><rPh sb="0" eb="2"><t>ちゅうそん</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>';
    expect(rows(oneSheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>', { strings }))).toEqual([['张三', '驻村']]);
  });

  it('decodes entities, character references and _xHHHH_ escapes, and keeps whitespace as written', () => {
    const strings =
      '<si><t>a&amp;b&lt;c&gt;&quot;&apos;&#20013;&#x6587;</t></si>' +
      '<si><t xml:space="preserve">第一行_x000D_\n第二行</t></si>' +
      '<si><t xml:space="preserve">  两端空格  </t></si>' +
      '<si><t>_x005F_x000D_ &#x1F600; &AMP;</t></si>' +
      '<si><t></t></si><si><t/></si>';
    const data = '<row r="1">' + [0, 1, 2, 3, 4, 5].map((index) => `<c r="${'ABCDEF'[index]}1" t="s"><v>${index}</v></c>`).join('') + '</row>';
    expect(rows(oneSheet(data, { strings }))).toEqual([['a&b<c>"\'中文', '第一行\n第二行', '  两端空格  ', '_x000D_ \uf600 \u0000']]);
  });

  it('reads inline strings, plain and rich', () => {
    const data =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>内联</t></is></c><c r="B1" t="inlineStr"><is><r><t>驻</t></r><r><rPr><i/></rPr><t>村</t></r></is></c>' +
      '<c r="C1" t="inlineStr"><is><t xml:space="preserve"> a&amp;b </t></is></c><c r="D1" t="inlineStr"/></row>';
    expect(rows(oneSheet(data))).toEqual([['内联', '驻村', ' a&b ']]);
  });

  it('reads a formula string by its cached value (t="str"), as SheetJS unescapes it twice', () => {
    const data = '<row r="1"><c r="A1" t="str"><f>"驻"&amp;"村"</f><v>驻村</v></c><c r="B1" t="str"><v>&amp;lt;&#x4e2d;</v></c><c r="C1" t="str"><f>""</f></c><c r="D1" t="str"><v>x</v></c></row>';
    expect(rows(oneSheet(data))).toEqual([['驻村', '<-', '', 'x']]);
  });
});

describe('values', () => {
  it('reads numbers, booleans, errors and text dates', () => {
    const data =
      '<row r="1"><c r="A1"><v>42</v></c><c r="B1" t="n"><v>-3.25</v></c><c r="C1"><v>1E-3</v></c><c r="D1"><v>110105199001011234</v></c></row>' +
      '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="b"><v>true</v></c><c r="D2" t="b"/><c r="E2" t="e"><v>#DIV/0!</v></c><c r="F2" t="b"><v>1</v></c></row>' +
      '<row r="3"><c r="A3" t="d" s="1"><v>2021-09-01T00:00:00</v></c><c r="B3" t="d"><v>2021-09-01</v></c><c r="C3" t="d" s="2"><v>2020-02-29</v></c></row>';
    expect(rows(oneSheet(data, { styles: STYLES }))).toEqual([
      [42, -3.25, 0.001, 110105199001011234],
      [true, false, true, false, null, true],
      [date(2021, 9, 1), 44440, date(2020, 2, 29)],
    ]);
  });

  it('reads numbers shown with a date format as dates, by built-in and custom format', () => {
    const data = '<row r="1">' + [0, 1, 2, 3, 4, 5].map((style, index) => `<c r="${'ABCDEF'[index]}1" s="${style}"><v>44440.5</v></c>`).join('') + '<c r="G1" s="9"><v>1</v></c></row>';
    expect(rows(oneSheet(data, { styles: STYLES }))).toEqual([[44440.5, date(2021, 9, 1), date(2021, 9, 1), 44440.5, date(2021, 9, 1), date(2021, 9, 1), 1]]);
  });

  it('reads dates in the 1904 date system', () => {
    for (const value of ['1', 'true']) {
      const book = { styles: STYLES, workbookPr: `<workbookPr date1904="${value}"/>` };
      expect(rows(oneSheet('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>42978</v></c></row>', book))).toEqual([[date(1904, 1, 1), date(2021, 9, 1)]]);
    }
  });

  it('reads every built-in number format id as SheetJS does', () => {
    const xfs = Array.from({ length: 82 }, (_, id) => `<xf numFmtId="${id}"/>`).join('');
    const data = '<row r="1">' + Array.from({ length: 82 }, (_, id) => `<c r="${column(id)}1" s="${id}"><v>44440</v></c>`).join('') + '</row>';
    const cells = rows(oneSheet(data, { styles: `<cellXfs count="82">${xfs}</cellXfs>` })).at(0)!;
    expect(cells[14]).toEqual(date(2021, 9, 1));
    expect(cells[2]).toBe(44440);
  });
});

describe('layout', () => {
  it('places cells and rows without an r attribute after the one before', () => {
    const data = '<row r="2"><c r="B2"><v>1</v></c><c><v>2</v></c><c t="inlineStr"><is><t>x</t></is></c></row><row><c><v>3</v></c><c r="D3"><v>4</v></c><c><v>5</v></c></row><row r="6"><c><v>6</v></c></row>';
    expect(rows(oneSheet(data))).toEqual([[], [null, 1, 2, 'x'], [3, null, null, 4, 5], [], [], [6]]);
  });

  it('reads prefixed element names', () => {
    const x = `xmlns:x="${MAIN}"`;
    const workbookXml = `<x:workbook ${x} xmlns:r="${RELATIONSHIPS}"><x:workbookPr date1904="0"/><x:sheets><x:sheet name="前缀" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`;
    const xml = `<x:worksheet ${x}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>7</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A2:B2"/></x:mergeCells></x:worksheet>`;
    const sheets = read(xlsx({ workbookXml, sheets: [{ name: '前缀', xml }], strings: '<si><t>共享</t></si>' }));
    expect(sheets.map(({ name, rows, merges }) => ({ name, rows, merges }))).toEqual([
      { name: '前缀', rows: [['共享', 7, '内联']], merges: [{ firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: 1 }] },
    ]);
  });

  it('reads Strict OOXML namespaces', () => {
    const workbookXml = `<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"><sheets><sheet name="严格" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const sheet = { name: '严格', data: '<row r="1"><c r="A1"><v>1</v></c></row>', relationship: 'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet' };
    expect(read(xlsx({ workbookXml, sheets: [sheet] })).map((s) => [s.name, s.rows])).toEqual([['严格', [[1]]]]);
  });

  it('reads merged cells, 0-based', () => {
    const after = '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B2:B3"/></mergeCells>';
    const sheet = read(xlsx({ sheets: [{ name: '合并', data: '<row r="1"><c r="A1"><v>1</v></c></row>', after }] }))[0]!;
    expect(sheet.merges).toEqual([
      { firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 2 },
      { firstRow: 1, firstColumn: 1, lastRow: 2, lastColumn: 1 },
    ]);
  });

  it('keeps the workbook order of sheets, whatever their parts are called; hidden sheets too', () => {
    const sheets = read(
      xlsx({
        sheets: [
          { name: '第二', part: 'worksheets/sheet2.xml', data: '<row r="1"><c r="A1"><v>2</v></c></row>' },
          { name: '隐藏', part: 'worksheets/zz.xml', state: 'hidden', data: '<row r="1"><c r="A1"><v>3</v></c></row>' },
          { name: '第一 &amp; 其他', part: 'worksheets/sheet1.xml', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        ],
      }),
    );
    expect(sheets.map((sheet) => [sheet.name, sheet.rows])).toEqual([['第二', [[2]]], ['隐藏', [[3]]], ['第一 & 其他', [[1]]]]);
  });

  it('drops blank cells at the end of a row and blank rows at the end of a sheet', () => {
    const data =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="1"/><c r="D1" t="str"><v></v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>5</v></c></row><row r="3"><c r="A3" t="e"><v>#N/A</v></c></row><row r="4" ht="20" customHeight="1"/>';
    expect(rows(oneSheet(data, { strings: '<si><t>甲</t></si><si><t></t></si>' }))).toEqual([['甲'], ['', 5]]);
  });

  it('gives a chart sheet and a sheet whose part is missing as empty sheets', () => {
    const bytes = xlsx({
      sheets: [
        { name: '数据', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: '图表', part: 'chartsheets/sheet1.xml', relationship: `${RELATIONSHIPS}/chartsheet`, xml: `<chartsheet xmlns="${MAIN}"><sheetViews/></chartsheet>` },
      ],
    });
    const withMissingPart = rezipWithout(bytes, 'xl/worksheets/sheet1.xml');
    expect(read(bytes).map((sheet) => [sheet.name, sheet.rows])).toEqual([['数据', [[1]]], ['图表', []]]);
    expect(read(withMissingPart).map((sheet) => [sheet.name, sheet.rows])).toEqual([['数据', []], ['图表', []]]);
  });

  it('reads parts written in UTF-16 after a byte-order mark', () => {
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const bytes = oneSheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>内联</t></is></c></row>', { strings: '<si><t>共享</t></si>' });
    const entries = unzipWithinLimit(FILE, bytes, 1 << 30).map((entry) => ({ name: entry.name, data: entry.name.endsWith('.xml') ? utf16(entry.content.toString('utf8')) : entry.content }));
    expect(rows(writeZip(entries))).toEqual([['共享', '内联']]);
  });

  it('reads the cells, not the blank cells a hyperlink covers, whatever its range', () => {
    const linked = (ref: string) =>
      xlsx({ sheets: [{ name: '链接', data: '<row r="1"><c r="A1"><v>1</v></c></row>', after: `<hyperlinks><hyperlink ref="${ref}" location="A1"/></hyperlinks>` }] });
    expect(rows(linked('A1:D3'))).toEqual([[1]]);
    // SheetJS drops the first sheet, and lays out 17 billion cells for the second.
    for (const ref of ['1:3', 'A1:XFD1048576']) {
      const read = byReader(FILE, packageParts(FILE, linked(ref)));
      expect('sheets' in read && read.sheets.map((sheet) => rowsOf(sheet.rows))).toEqual([[[1]]]);
    }
  });
});

describe('damaged packages', () => {
  function refusal(bytes: Buffer): { code: string; en: string } {
    const parts = packageParts(FILE, bytes);
    const reader = byReader(FILE, parts);
    if (!('error' in reader)) throw new Error('read without an error');
    expect(reader.error.en.startsWith(`${FILE}: `)).toBe(true);
    return reader.error;
  }

  it('refuses a shared string index past the table, naming the file and the sheet (SheetJS gives an empty sheet)', () => {
    for (const value of ['5', '-1', 'x', '']) {
      const error = refusal(oneSheet(`<row r="1"><c r="A1" t="s"><v>${value || '<![CDATA[]]>'}</v></c></row>`, { strings: '<si><t>甲</t></si>' }));
      expect(error).toEqual({ code: 'CORRUPT', en: expect.stringContaining('sheet "人员" refers to a shared string') });
    }
  });

  it('refuses an inline string whose phonetic run is not closed (SheetJS drops the sheet)', () => {
    const inline = oneSheet('<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r><rPh sb="0" eb="1"><t>b</t></is></c></row>');
    expect(refusal(inline)).toEqual({ code: 'CORRUPT', en: expect.stringContaining('sheet "人员" has a text cell that cannot be read') });
  });

  it('refuses shared strings that a cell needs when their table cannot be read', () => {
    const strings = '<si><r><t>a</t></r><rPh sb="0" eb="1"><t>b</t></si>';
    expect(refusal(oneSheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', { strings })).code).toBe('CORRUPT');
    expect(rows(oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>', { strings }))).toEqual([[1]]);
  });

  it('refuses a workbook SheetJS cannot read, as SheetJS does', () => {
    const cases = [
      xlsx({ sheets: [{ name: 'a', data: '' }], workbookXml: '<workbook xmlns="urn:other"><sheets/></workbook>' }),
      xlsx({ sheets: [{ name: 'a', data: '' }], workbookXml: '<workbook' }),
      xlsx({ sheets: [{ name: 'a', data: '' }], workbookXml: `<workbook xmlns="${MAIN}"><sheets><sheet sheetId="1"/></sheets></workbook>` }),
      rezipWithout(oneSheet('<row r="1"><c r="A1" s="0"><v>1</v></c></row>', { styles: STYLES }), 'xl/styles.xml'),
    ];
    for (const bytes of cases) {
      const parts = packageParts(FILE, bytes);
      expect(byReader(FILE, parts)).toEqual(bySheetJs(FILE, parts));
      expect(refusal(bytes).code).toBe('UNREADABLE');
    }
  });

  it('reads garbled sheet XML as SheetJS does, without a stack trace', () => {
    const garbled = ['<row r="1"><c r="A1"><v>1</v>', '<row r="1"><c r="A1" t="s"', '<row><c r=A1><v>2</v></c></row>', '<row r="1"><c r="A1"><v>1</c></row>', '</row></row><c><c/>'];
    for (const data of garbled) rows(oneSheet(data));
  });

  it('gives a LoadError naming the file when loaded from disk', () => {
    const file = writeTemporary(temporaryFolder(), 'index.xlsx', oneSheet('<row r="1"><c r="A1" t="s"><v>3</v></c></row>', { strings: '<si><t>甲</t></si>' }));
    const error = expectLoadError(() => loadOne(file), 'CORRUPT', file);
    expect(error.text.zh).toContain('工作表“人员”');
  });
});

describe('random sheets read as SheetJS reads them', () => {
  const text = fc
    .array(fc.constantFrom('驻村', 'abc', ' ', '  ', '&amp;', '&lt;', '&gt;', '&quot;', "'", '&#20013;', '&#x6587;', '_x000D_', '_x005F_', '\n', '\r\n', '\t', '0', '1.5', '-', '—', '𠀀'), { maxLength: 5 })
    .map((pieces) => pieces.join(''));
  const cellType = fc.constantFrom(undefined, 'n', 's', 'str', 'inlineStr', 'b', 'e', 'd', '', 'x');
  const cellValue = (type: string | undefined): fc.Arbitrary<string | undefined> => {
    switch (type) {
      case 's':
        return fc.option(fc.nat({ max: 5 }).map(String), { nil: undefined });
      case 'str':
        return fc.option(text, { nil: undefined });
      case 'inlineStr':
        return fc.oneof(text.map((t) => `<is><t xml:space="preserve">${t}</t></is>`), fc.tuple(text, text).map(([a, b]) => `<is><r><t>${a}</t></r><r><rPr><b/></rPr><t>${b}</t></r></is>`), fc.constant(undefined));
      case 'b':
        return fc.option(fc.constantFrom('0', '1', 'true', 'TRUE'), { nil: undefined });
      case 'e':
        return fc.constantFrom('#N/A', '#DIV/0!');
      case 'd':
        return fc.constantFrom('2021-09-01', '2021-09-01T12:30:00', '12:30', '1899-12-31');
      default:
        return fc.option(fc.oneof(fc.integer({ min: -100000, max: 3000000 }).map(String), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), fc.constantFrom('1E3', ' 7', '0x10', 'abc', '&#49;2')), { nil: undefined });
    }
  };
  const cell = fc
    .record({ type: cellType, withRef: fc.boolean(), style: fc.option(fc.constantFrom('0', '1', '2', '3', '4', '5', '9', '01', ''), { nil: undefined }), formula: fc.boolean(), column: fc.nat({ max: 12 }) })
    .chain((spec) => cellValue(spec.type).map((value) => ({ ...spec, value })));
  const row = fc.record({ withRef: fc.boolean(), gap: fc.nat({ max: 2 }), cells: fc.array(cell, { maxLength: 6 }) });
  /** How the XML is written: quotes, what separates attributes, their order, whitespace between elements. */
  const syntax = fc.record({ quote: fc.constantFrom('"', "'"), separator: fc.constantFrom(' ', ' ', '  ', '\n', '\t'), reversed: fc.boolean(), between: fc.constantFrom('', '', '\n  ') });
  const sheet = fc.record({ rows: fc.array(row, { maxLength: 8 }), prefixed: fc.boolean(), syntax, merges: fc.array(fc.tuple(fc.nat({ max: 5 }), fc.nat({ max: 5 })), { maxLength: 2 }) });
  const book = fc.record({ sheets: fc.array(sheet, { minLength: 1, maxLength: 3 }), date1904: fc.boolean(), strings: fc.array(fc.oneof(text.map((t) => `<t xml:space="preserve">${t}</t>`), fc.tuple(text, text).map(([a, b]) => `<r><t>${a}</t></r><r><t>${b}</t></r><rPh sb="0" eb="1"><t>ふり</t></rPh>`)), { minLength: 6, maxLength: 6 }) });

  function sheetXml(spec: Generated<typeof sheet>): string {
    const p = spec.prefixed ? 'x:' : '';
    const { quote: q, separator, reversed, between } = spec.syntax;
    const attributes = (pairs: [string, string | undefined][]) =>
      (reversed ? pairs.reverse() : pairs).flatMap(([name, value]) => (value === undefined ? [] : [`${separator}${name}=${q}${value}${q}`])).join('');
    let rowNumber = 0;
    const data = spec.rows
      .map((r) => {
        rowNumber += 1 + r.gap;
        const cells = r.cells
          .map((c) => {
            const tag = attributes([['r', c.withRef ? `${column(c.column)}${rowNumber}` : undefined], ['s', c.style], ['t', c.type]]);
            const value = c.value === undefined ? '' : c.type === 'inlineStr' ? c.value.replace(/<(\/?)/g, `<$1${p}`) : `<${p}v>${c.value}</${p}v>`;
            const formula = c.formula ? `<${p}f>1+1</${p}f>` : '';
            return formula || value ? `<${p}c${tag}>${formula}${value}</${p}c>` : `<${p}c${tag}/>`;
          })
          .join(between);
        return `<${p}row${attributes([['r', r.withRef ? String(rowNumber) : undefined], ['spans', '1:13']])}>${between}${cells}${between}</${p}row>`;
      })
      .join(between);
    const merges = spec.merges.length ? `<${p}mergeCells>${spec.merges.map(([a, b]) => `<${p}mergeCell ref="${column(a)}1:${column(a + b)}${1 + b}"/>`).join('')}</${p}mergeCells>` : '';
    return `<${p}worksheet xmlns${spec.prefixed ? ':x' : ''}="${MAIN}"><${p}sheetData>${data}</${p}sheetData>${merges}</${p}worksheet>`;
  }

  it('random sheets', () => {
    fc.assert(
      fc.property(book, (spec) => {
        const bytes = xlsx({
          sheets: spec.sheets.map((s, index) => ({ name: `表${index}`, xml: sheetXml(s) })),
          strings: spec.strings.map((item) => `<si>${item}</si>`).join(''),
          styles: STYLES,
          workbookPr: `<workbookPr date1904="${spec.date1904 ? 1 : 0}"/>`,
        });
        const parts = packageParts(FILE, bytes);
        expect(byReader(FILE, parts)).toEqual(bySheetJs(FILE, parts));
      }),
      { numRuns: 200 },
    );
  });
});

type Generated<A> = A extends fc.Arbitrary<infer T> ? T : never;

function column(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function rezipWithout(bytes: Buffer, part: string): Buffer {
  return writeZip(unzipWithinLimit(FILE, bytes, 1 << 30).filter((entry) => entry.name !== part).map((entry) => ({ name: entry.name, data: entry.content })));
}
