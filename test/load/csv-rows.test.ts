// The CSV scanner (src/load/csv-rows.ts) against csv-parse: random texts read to the same rows,
// line for line, or fail the same way at the same line. The oracle is the loader as it was when it
// used csv-parse/sync (kept here as it was), so that the change of reader changes nothing.
import { CsvError, parse, type Options } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LoadError } from '../../src/errors.js';
import { csvSheet } from '../../src/load/csv.js';
import { CsvRows } from '../../src/load/csv-rows.js';
import { problem } from '../../src/load/messages.js';
import type { RawCell } from '../../src/types.js';
import { rowsOf } from './support.js';

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

function ours(text: string): (readonly RawCell[])[] {
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
