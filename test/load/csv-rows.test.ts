// The CSV scanner (src/load/csv-rows.ts) against csv-parse: random texts read to the same rows,
// line for line, or fail the same way at the same line. The oracle is the loader as it was when it
// used csv-parse/sync (kept here as it was), so that the change of reader changes nothing. The
// scanner reads a file's bytes, decoding a row when asked; the oracle decodes the whole file first,
// as the loader did (that decoding is kept as test/load/support.ts's decodedAsAWhole), for UTF-8 and GB18030 files alike.
import { CsvError, parse, type Options } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LoadError } from '../../src/errors.js';
import { csvSheet } from '../../src/load/csv.js';
import { CsvRows } from '../../src/load/csv-rows.js';
import { problem } from '../../src/load/messages.js';
import { textEncoding } from '../../src/load/text-decode.js';
import type { RawCell } from '../../src/types.js';
import { decodedAsAWhole, rowsOf } from './support.js';

// ---- the oracle: src/load/csv.ts as it was with csv-parse ----

const OPTIONS: Options = {
  delimiter: ',',
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: false,
  raw: true,
};

function csvParseRows(file: string, text: string): RawCell[][] {
  const rows: RawCell[][] = [];
  const onRecord = (entry: { readonly record: string[] }, raw: string): null => {
    rows.push(withoutTrailingBlanks(entry.record));
    for (let line = 1; line <= lineBreaksInside(raw); line++) rows.push([]);
    return null;
  };
  try {
    parse(text, { ...OPTIONS, on_record: (entry, context) => onRecord(entry as unknown as { record: string[] }, context.raw ?? '') });
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') throw problem.unclosedQuote(file, rows.length + 1, error);
    throw error; // with these options csv-parse raises no other error: if it ever did, the test says so
  }
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.length === 0) end--;
  return rows.slice(0, end);
}

function lineBreaksInside(raw: string): number {
  let count = 0;
  for (let index = 0; index < raw.length; index++) {
    const code = raw.charCodeAt(index);
    if (code === 0x0d) {
      count++;
      if (raw.charCodeAt(index + 1) === 0x0a) index++;
    } else if (code === 0x0a) {
      count++;
    }
  }
  const last = raw.charCodeAt(raw.length - 1);
  return last === 0x0a || last === 0x0d ? count - 1 : count;
}

function withoutTrailingBlanks(fields: string[]): string[] {
  let end = fields.length;
  while (end > 0 && fields[end - 1] === '') end--;
  return end === fields.length ? fields : fields.slice(0, end);
}


// ---- the comparison ----

type Outcome = { rows: (readonly RawCell[])[] } | { error: { code: string; en: string } };

const FILE = 'roster.csv';

function outcome(read: () => (readonly RawCell[])[]): Outcome {
  try {
    return { rows: read() };
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    return { error: { code: error.code, en: error.text.en } };
  }
}

function ours(text: Parameters<typeof csvSheet>[1]): (readonly RawCell[])[] {
  const { rows } = csvSheet(FILE, text);
  const all = rowsOf(rows);
  expect(rows.at(rows.length)).toBeUndefined();
  expect(rows.at(rows.length + 7)).toBeUndefined();
  if (rows.length > 0) expect(rows.at(-1)).toEqual(all[rows.length - 1]);
  return all;
}

function expectSameAsCsvParse(text: string): void {
  expect(outcome(() => ours(text)), JSON.stringify(text)).toEqual(outcome(() => csvParseRows(FILE, text)));
}

/** A file's bytes: the scanner on them, as the loader reads them, against csv-parse on the text decoded as a whole. */
function expectBytesReadAsCsvParse(bytes: Uint8Array): void {
  const label = Buffer.from(bytes).toString('hex');
  expect(outcome(() => ours(textEncoding(bytes))), label).toEqual(outcome(() => csvParseRows(FILE, decodedAsAWhole(bytes))));
}

const character = fc.constantFrom('a', 'b', ',', '"', '\r', '\n', '中', ' ');
const token = fc.constantFrom('a', 'bc', ',', ',,', '"', '""', '"x"', '"a\nb"', '"c\r\nd"', '"e\rf"', '\r', '\n', '\r\n', '中', ' ', '\0', '\u{20000}');

describe('the scanner reads as csv-parse did', () => {
  it('random texts over a small alphabet', () => {
    fc.assert(fc.property(fc.string({ unit: character, maxLength: 40 }), expectSameAsCsvParse), { numRuns: 3000 });
  });

  it('random texts made of CSV tokens (quoted cells with line breaks, "" escapes, NUL after a quote)', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }).map((parts) => parts.join('')), expectSameAsCsvParse),
      { numRuns: 3000 },
    );
  });

  it('random texts with few quotes, so that most of them read', () => {
    const sparse = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('a', '中', ',', '\n', '\r\n', '\r', ' ') }, { weight: 1, arbitrary: fc.constant('"') });
    fc.assert(fc.property(fc.string({ unit: sparse, maxLength: 80 }), expectSameAsCsvParse), { numRuns: 2000 });
  });
});

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Characters and their GB18030 bytes: two-byte ones (trail bytes among them in the ASCII range: @ ~ \\), four-byte ones (digits as their second and fourth bytes), € as the one byte 0x80, and GB18030's byte-order mark. */
const GB18030: Record<string, number[]> = {
  中: [0xd6, 0xd0],
  丂: [0x81, 0x40],
  亊: [0x81, 0x7e],
  乗: [0x81, 0x5c],
  '\u3000': [0xa1, 0xa1],
  é: [0xa8, 0xa6],
  '\u0080': [0x81, 0x30, 0x81, 0x30],
  '\u{20000}': [0x95, 0x32, 0x82, 0x36],
  '€': [0x80],
  '\uFEFF': [0x84, 0x31, 0x95, 0x33],
};

function gb18030(text: string): Buffer {
  return Buffer.concat([...text].map((char) => Buffer.from(GB18030[char] ?? Buffer.from(char, 'latin1'))));
}

const csvToken = fc.constantFrom('a', ',', ',,', '"', '""', '"x"', '"a\nb"', '"c\r\nd"', '\r', '\n', '\r\n', ' ', '\0');
const utf8Text = fc.array(fc.oneof(csvToken, fc.constantFrom('中', 'é', '\u{20000}', '\uFEFF', '\u3000')), { maxLength: 30 }).map((parts) => parts.join(''));
const gb18030Text = fc.array(fc.oneof(csvToken, fc.constantFrom(...Object.keys(GB18030))), { maxLength: 30 }).map((parts) => parts.join(''));
/** Bytes that are mostly neither UTF-8 nor GB18030: lead bytes cut short, by a delimiter or by the end of the file. */
const someBytes = fc.array(
  fc.constantFrom(0x81, 0xfe, 0xff, 0x80, 0x95, 0x30, 0x39, 0x40, 0x7e, 0xc3, 0xa9, 0xe4, 0xb8, 0xad, 0x2c, 0x2c, 0x22, 0x22, 0x0d, 0x0a, 0x0a, 0x61, 0x00),
  { maxLength: 40 },
);
const withBom = (bytes: Uint8Array, bom: boolean): Buffer => Buffer.concat([bom ? UTF8_BOM : Buffer.alloc(0), bytes]);

describe('the scanner reads a file\'s bytes as csv-parse reads the text decoded as a whole', () => {
  it('UTF-8: characters of two, three and four bytes next to quotes, commas and line ends; a BOM, and U+FEFF in the text', () => {
    fc.assert(fc.property(utf8Text, fc.boolean(), (text, bom) => expectBytesReadAsCsvParse(withBom(Buffer.from(text, 'utf8'), bom))), { numRuns: 2000 });
  });

  it('GB18030: two- and four-byte characters next to quotes, commas and line ends', () => {
    fc.assert(
      fc.property(gb18030Text, (text) => {
        const bytes = gb18030(text);
        expect(new TextDecoder('gb18030').decode(bytes)).toBe(text); // the test's encoder is right
        expectBytesReadAsCsvParse(bytes);
      }),
      { numRuns: 2000 },
    );
  });

  it('bytes that decode with errors (GB18030 sequences cut short by a delimiter or the end of the file), with or without a UTF-8 BOM', () => {
    fc.assert(fc.property(someBytes, fc.boolean(), (bytes, bom) => expectBytesReadAsCsvParse(withBom(Uint8Array.from(bytes), bom))), { numRuns: 4000 });
  });

  it.each([
    ['a four-byte sequence cut by a comma', [0x61, 0x81, 0x30, 0x2c, 0x62]],
    ['a four-byte sequence cut by the trailing commas', [0x81, 0x30, 0x81, 0x2c, 0x2c, 0x0a, 0x62]],
    ['a four-byte sequence cut by a closing quote', [0x22, 0x81, 0x30, 0x22, 0x2c, 0x62]],
    ['a four-byte sequence cut by "" in a quoted field', [0x22, 0x95, 0x32, 0x22, 0x22, 0x81, 0x30, 0x81, 0x22]],
    ['a four-byte sequence cut by a line break in a quoted field', [0x22, 0x95, 0x32, 0x0d, 0x0a, 0x82, 0x22, 0x0a]],
    ['a four-byte sequence cut by the end of the file', [0x61, 0x2c, 0x81, 0x30, 0x81]],
    ['a lead byte cut by a CR', [0x61, 0x81, 0x0d, 0x0a, 0x62]],
    ['a UTF-8 BOM before GB18030', [0xef, 0xbb, 0xbf, 0xd6, 0xd0, 0x2c, 0x22, 0x95, 0x32, 0x82, 0x36, 0x22, 0x0a]],
    ['a second UTF-8 BOM', [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61, 0x0a]],
  ])('%s', (_, bytes) => {
    expectBytesReadAsCsvParse(Uint8Array.from(bytes));
  });

  it('keeps GB18030\'s byte-order mark as text, as its decoder does', () => {
    expect(rowsOf(csvSheet(FILE, textEncoding(gb18030('\uFEFF中,"a"\n'))).rows)).toEqual([['\uFEFF中', 'a']]);
  });

  it('decodes a long field on its own, not as a slice of its row\'s text', () => {
    // Not observable from JavaScript but as memory: this checks the fields are right whatever their length.
    const line = `${'中'.repeat(20)},110105199001011234,${'a'.repeat(12)},${'b'.repeat(13)},"${'c'.repeat(14)}",${'é'.repeat(30)}`;
    const text = `${line}\n${line},,\r\n`;
    const fields = [...line.split(',').slice(0, 4), 'c'.repeat(14), 'é'.repeat(30)];
    for (const bytes of [Buffer.from(text, 'utf8'), gb18030(text)]) {
      expect(rowsOf(csvSheet(FILE, textEncoding(bytes)).rows)).toEqual([fields, fields]);
    }
  });
});

describe('focused cases', () => {
  const rows = (text: string): (readonly RawCell[])[] => rowsOf(new CsvRows(text));

  it.each([
    ['LF', 'a,b\nc,d\n'],
    ['CRLF', 'a,b\r\nc,d\r\n'],
    ['lone CR', 'a,b\rc,d\r'],
    ['a mix of line ends and blank lines', 'a,b\r\n\nc\r"d\r\ne",f\ng\n\n\n'],
    ['a multi-line cell and the empty rows after it', '"x\ny\nz",1\n2\n'],
    ['a multi-line cell over CRLF, CR and LF', 'h\r\n"1\r\n2\r3\n4",q\r\nlast'],
    ['a CR at the end of a cell, before the closing quote', '"a\r"\nb'],
    ['"" escapes', '"say ""hi""",x\n"""",""""""\n'],
    ['an empty quoted cell', '"",a,""\n""\n'],
    ['trailing empty fields and blank rows', 'a,,,\n,,,\n\n""\n,"",\n'],
    ['a BOM already stripped, and a second one kept as text', '\uFEFFa,b\n'],
    ['a quote inside an unquoted field', 'x,y"z,w\nab"",c\n'],
    ['characters after a closing quote', '"ab"c,d\n"a""b"c,d\n""x\n"a" ,b\n"a"b"c",d\n'],
    ['U+0000 after a closing quote closes it', '"a"\0b,c\n'],
    ['a text without a final line break', 'a,b\nc'],
    ['only blank lines', '\n\r\n\r,,\n'],
    ['nothing', ''],
  ])('%s', (_, text) => {
    expectSameAsCsvParse(text);
  });

  it('gives a multi-line cell its own line and empty rows for the lines it takes', () => {
    expect(rows('a\n"b\nc\r\nd",e\r\nf')).toEqual([['a'], ['b\nc\r\nd', 'e'], [], [], ['f']]);
  });

  it('reads characters after a closing quote as csv-parse does, quotes kept', () => {
    expect(rows('"ab"c,"a""b"c,""x,"a"\0b')).toEqual([['"ab"c', '"a"b"c', '""x', 'a\0b']]);
  });

  it('refuses a quote never closed, at the line its record starts on', () => {
    for (const [text, line] of [
      ['a,b\n"x\ny",z\nc,"open\nd\ne\n', 4],
      ['"', 1],
      ['a\n\n"a"",b', 3],
      ['a,"b\nc",d,"e\nf', 1],
    ] as const) {
      expectSameAsCsvParse(text);
      expect(() => csvSheet(FILE, text)).toThrow(`the quoted field that starts on line ${line} is never closed`);
    }
  });

  it('indexes rows as an array does: past the end is undefined, negative counts from the end', () => {
    const sheet = new CsvRows('a\nb\n"c\nd"\n\n');
    expect(sheet.length).toBe(3);
    expect(sheet.at(0)).toEqual(['a']);
    expect(sheet.at(2)).toEqual(['c\nd']);
    expect(sheet.at(3)).toBeUndefined();
    expect(sheet.at(-1)).toEqual(['c\nd']);
    expect(sheet.at(-3)).toEqual(['a']);
    expect(sheet.at(-4)).toBeUndefined();
    expect(sheet.at(1.5)).toEqual(['b']);
  });

  it('reads a long text with one record per line in one pass', () => {
    const line = '张三,110105199001011234,东村,"2021-09-01",,\r\n';
    const sheet = new CsvRows(line.repeat(20_000) + 'a');
    expect(sheet.length).toBe(20_001);
    expect(sheet.at(19_999)).toEqual(['张三', '110105199001011234', '东村', '2021-09-01']);
    expect(sheet.at(20_000)).toEqual(['a']);
  });
});
