// A CSV text's rows, read on demand. The constructor scans the text once and keeps, for each line,
// where the record that starts on it begins (lines inside a quoted cell that holds line breaks
// start no record); `at(i)` splits record i into fields when asked. Memory is the text plus one
// 32-bit number per line, not a string per cell: the national roster's 560,000 rows stay cheap.
//
// The reading is csv-parse 7's with the options this project used (comma, CRLF/LF/CR record
// delimiters, relax_quotes, relax_column_count, skip_empty_lines: false), test/load/csv-rows.test.ts
// checks it against csv-parse itself:
// - a quote opens a quoted field only as the field's first character; elsewhere it is text;
// - inside a quoted field, "" is one quote; a quote followed by a comma, a line break, the end of
//   the text or U+0000 closes the field; a quote followed by anything else also ends the quoting
//   but the field keeps both quotes and goes on as plain text ("ab"c → "ab"c, with "" inside
//   written once: "a""b"c → "a"b"c);
// - a quoted field never closed is an error, reported at the line its record starts on.
import type { RawCell, SheetRows } from '../types.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const NUL = 0x00;

/** A line inside a multi-line record: no record starts on it. */
const NO_RECORD = -0x80000000;

/** The text ends inside a quoted field. `line` is the 1-based line its record starts on. */
export class UnclosedQuoteError extends Error {
  readonly code = 'CSV_QUOTE_NOT_CLOSED';
  constructor(readonly line: number) {
    super(`Quote Not Closed: the text ends inside a quoted field of the record that starts on line ${line}`);
    this.name = 'UnclosedQuoteError';
  }
}

export class CsvRows implements SheetRows {
  readonly length: number;
  private readonly text: string;
  /**
   * Per line: the offset of the record starting on it (≥ 0: a record without quotes, held on that
   * one line; ~offset: a record with a quote somewhere); NO_RECORD for a line inside a record.
   */
  private readonly starts: Int32Array;

  constructor(text: string) {
    this.text = text;
    this.starts = scan(text);
    let length = this.starts.length;
    while (length > 0 && this.isBlank(length - 1)) length--;
    this.length = length;
  }

  /** Row `index` (0 = line 1), as `Array.prototype.at` indexes: negative counts from the end. */
  at(index: number): readonly RawCell[] | undefined {
    const relative = Math.trunc(index) || 0;
    const row = relative >= 0 ? relative : this.length + relative;
    if (row < 0 || row >= this.length) return undefined;
    return this.fields(row);
  }

  private fields(line: number): string[] {
    const start = this.starts[line]!;
    if (start === NO_RECORD) return [];
    return start >= 0 ? this.plainFields(line, start) : quotedFields(this.text, ~start);
  }

  /** Whether the line's row is empty: no record starts on it, or its fields are all empty. */
  private isBlank(line: number): boolean {
    const start = this.starts[line]!;
    if (start === NO_RECORD) return true;
    return start >= 0 ? this.plainEnd(line, start) === start : quotedFields(this.text, ~start).length === 0;
  }

  /** A record without quotes: the text up to the line's end, split on commas. */
  private plainFields(line: number, start: number): string[] {
    const text = this.text;
    const end = this.plainEnd(line, start);
    if (end === start) return [];
    const fields: string[] = [];
    let from = start;
    for (let pos = start; pos < end; pos++) {
      if (text.charCodeAt(pos) === COMMA) {
        fields.push(text.slice(from, pos));
        from = pos + 1;
      }
    }
    fields.push(text.slice(from, end));
    return fields;
  }

  /** Where the fields of a record without quotes end: before its line break and trailing commas. */
  private plainEnd(line: number, start: number): number {
    const text = this.text;
    let end: number;
    if (line + 1 < this.starts.length) {
      const next = this.starts[line + 1]!; // a record without quotes is one line: the next line starts one
      end = (next >= 0 ? next : ~next) - 1; // its line break: LF, CR, or the LF of CRLF
      if (end > start && text.charCodeAt(end) === LF && text.charCodeAt(end - 1) === CR) end--;
    } else {
      end = text.length;
    }
    while (end > start && text.charCodeAt(end - 1) === COMMA) end--; // trailing empty fields
    return end;
  }
}

/**
 * One pass over the text: each line's record offset (see CsvRows.starts). A record without quotes
 * (most of them) is found with three cached indexOf searches, for the next LF, CR and quote; a
 * record with a quote is read character by character, through its quoted cells' line breaks.
 */
function scan(text: string): Int32Array {
  const n = text.length;
  let starts = new Int32Array(Math.max(64, (n >>> 7) + 64));
  let line = 0; // the line `pos` is on, 0-based; a record starts at `pos`
  let pos = 0;
  let nextLf = -1; // the next LF, CR, quote at or after `pos`; n when there is none; stale when < pos
  let nextCr = -1;
  let nextQuote = -1;
  for (;;) {
    if (nextLf < pos) nextLf = find(text, '\n', pos);
    if (nextCr < pos) nextCr = find(text, '\r', pos);
    if (nextQuote < pos) nextQuote = find(text, '"', pos);
    const end = nextLf < nextCr ? nextLf : nextCr;
    if (nextQuote >= end) {
      starts[line] = pos; // a record without quotes, up to the line's end
      if (end === n) break;
      pos = end + (end === nextCr && text.charCodeAt(end + 1) === LF ? 2 : 1);
    } else {
      const recordLine = line;
      starts[recordLine] = ~pos;
      let fieldStart = pos;
      while (pos < n) {
        const c = text.charCodeAt(pos);
        if (c === COMMA) {
          fieldStart = ++pos;
        } else if (c === LF || c === CR) {
          break;
        } else if (c === QUOTE && pos === fieldStart) {
          // A quoted field: up to its closing quote, past "" and line breaks. What follows the
          // closing quote is read as outside quotes, in a field no longer empty: a quote there is text.
          pos++;
          for (;;) {
            if (pos >= n) throw new UnclosedQuoteError(recordLine + 1);
            const d = text.charCodeAt(pos);
            if (d === QUOTE) {
              if (text.charCodeAt(pos + 1) !== QUOTE) break;
              pos += 2;
            } else if (d === LF || d === CR) {
              pos += d === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
              if (++line === starts.length) starts = grown(starts);
              starts[line] = NO_RECORD;
            } else {
              pos++;
            }
          }
          pos++;
        } else {
          pos++;
        }
      }
      if (pos >= n) break;
      pos += text.charCodeAt(pos) === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
    }
    if (++line === starts.length) starts = grown(starts);
  }
  return starts.slice(0, line + 1);
}

/** The first `char` at or after `from`; the text's length when there is none. */
function find(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}

function grown(starts: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(starts.length * 2);
  bigger.set(starts);
  return bigger;
}

/** The fields of the record that starts at `start` and holds a quote, trailing empty ones dropped. */
function quotedFields(text: string, start: number): string[] {
  const n = text.length;
  const fields: string[] = [];
  let pos = start;
  for (;;) {
    let field = '';
    let plainFrom = pos; // where text outside quotes starts
    if (text.charCodeAt(pos) === QUOTE) {
      let from = pos + 1;
      let content = '';
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) throw new UnclosedQuoteError(0); // the constructor's scan refused this text
        const next = text.charCodeAt(quote + 1);
        if (next === QUOTE) {
          content += text.slice(from, quote + 1);
          from = quote + 2;
          continue;
        }
        content += text.slice(from, quote);
        field = quote + 1 >= n || next === COMMA || next === CR || next === LF || next === NUL ? content : `"${content}"`;
        plainFrom = quote + 1;
        break;
      }
    }
    pos = plainFrom;
    for (; pos < n; pos++) {
      const c = text.charCodeAt(pos);
      if (c === COMMA || c === LF || c === CR) break;
    }
    if (pos > plainFrom) field += text.slice(plainFrom, pos);
    fields.push(field);
    if (pos >= n || text.charCodeAt(pos) !== COMMA) break;
    pos++;
  }
  let end = fields.length;
  while (end > 0 && fields[end - 1] === '') end--;
  fields.length = end;
  return fields;
}
