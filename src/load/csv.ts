// A CSV file → one sheet whose rows are indexed by line: rows[i] is the record that starts on
// line i + 1, so that a report's row number is the line a text editor shows. A quoted cell that
// holds line breaks spans several lines; the lines it consumes get empty rows.
import { basename } from 'node:path';
import { CsvError, parse, type Options } from 'csv-parse/sync';
import type { RawCell, RawSheet } from '../types.js';
import { problem } from './messages.js';

const OPTIONS: Options = {
  delimiter: ',',
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: false,
  raw: true,
};

interface RawRecord {
  readonly record: string[];
}

export function csvSheet(file: string, text: string): RawSheet {
  const rows: RawCell[][] = [];
  const onRecord = (entry: RawRecord, raw: string): null => {
    rows.push(withoutTrailingBlanks(entry.record));
    for (let line = 1; line <= lineBreaksInside(raw); line++) rows.push([]);
    return null; // rows are kept here; csv-parse keeps nothing
  };
  try {
    parse(text, { ...OPTIONS, on_record: (entry, context) => onRecord(entry as unknown as RawRecord, context.raw ?? '') });
  } catch (error) {
    throw csvProblem(file, rows.length + 1, error);
  }
  return { file, name: basename(file), rows: withoutTrailingBlankRows(rows), merges: [] };
}

function csvProblem(file: string, line: number, error: unknown): Error {
  if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') return problem.unclosedQuote(file, line, error);
  return problem.csvUnreadable(file, line, error);
}

/** Line breaks within a record's text, not counting the one that ends it. */
function lineBreaksInside(raw: string): number {
  const breaks = countLineBreaks(raw);
  const last = raw.charCodeAt(raw.length - 1);
  return last === 0x0a || last === 0x0d ? breaks - 1 : breaks;
}

/** CRLF, LF and a lone CR each end one line. */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0d) {
      count++;
      if (text.charCodeAt(index + 1) === 0x0a) index++;
    } else if (code === 0x0a) {
      count++;
    }
  }
  return count;
}

function withoutTrailingBlanks(fields: string[]): string[] {
  let end = fields.length;
  while (end > 0 && fields[end - 1] === '') end--;
  return end === fields.length ? fields : fields.slice(0, end);
}

function withoutTrailingBlankRows(rows: RawCell[][]): RawCell[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.length === 0) end--;
  return rows.slice(0, end);
}
