// A CSV file → one sheet whose rows are indexed by line: rows.at(i) is the record that starts on
// line i + 1, so that a report's row number is the line a text editor shows. A quoted cell that
// holds line breaks spans several lines; the lines it consumes get empty rows. Rows are read from
// the file's bytes on demand (src/load/csv-rows.ts); trailing blank lines are not rows.
import { basename } from 'node:path';
import type { RawSheet } from '../types.js';
import { CsvRows, UnclosedQuoteError } from './csv-rows.js';
import { problem } from './messages.js';
import type { EncodedText } from './text-decode.js';

// Line offsets are 32-bit (csv-rows.ts): a larger file is refused rather than misread.
const LARGEST_CSV_BYTES = 2 ** 31 - 1;

/** `text`: the file's bytes and their encoding (text-decode.ts's `textEncoding`), or its text. */
export function csvSheet(file: string, text: EncodedText | string): RawSheet {
  const size = typeof text === 'string' ? Buffer.byteLength(text) : text.body.length;
  if (size > LARGEST_CSV_BYTES) throw problem.csvTooLarge(file, size, LARGEST_CSV_BYTES);
  let rows: CsvRows;
  try {
    rows = new CsvRows(text);
  } catch (error) {
    // The one way a text fails to read as CSV (quotes are relaxed, rows may differ in length).
    if (error instanceof UnclosedQuoteError) throw problem.unclosedQuote(file, error.line, error);
    throw error;
  }
  return { file, name: basename(file), rows, merges: [] };
}
