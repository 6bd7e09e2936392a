// A CSV file's rows, read on demand. The file's bytes are kept, not its decoded text: the
// constructor scans the bytes once and keeps, for each line, where the record that starts on it
// begins (lines inside a quoted cell that holds line breaks start no record); `at(i)` decodes
// record i's bytes into fields when asked. Memory is the bytes (outside the JavaScript heap, and
// smaller than their text in UTF-16) plus one 32-bit number per line, not a string per cell: the
// national roster's 560,000 rows stay cheap. The price is decoding a row each time it is read.
//
// Scanning bytes finds what scanning the decoded text would: the characters that delimit records
// and fields (comma, quote, CR, LF, and U+0000 after a closing quote) are single ASCII bytes, which
// neither UTF-8 nor GB18030 uses inside a multi-byte character (GB18030's trail bytes are 0x30-0x39
// or ≥ 0x40), and no other byte sequence decodes to them. A GB18030 decoder that meets one of them
// in the middle of a broken sequence reports the sequence as U+FFFD and reads the byte afresh, so
// decoding the text piece by piece, each piece ending with such a byte, gives the text decoded as a
// whole. (A piece ending elsewhere would not: at the end of its input the decoder drops the digits
// of a cut four-byte sequence, which the whole text's decoder keeps. So a piece of a GB18030 text
// is decoded with the delimiter after it, and that delimiter then taken off.)
//
// The reading is csv-parse 7's with the options this project used (comma, CRLF/LF/CR record
// delimiters, relax_quotes, relax_column_count, skip_empty_lines: false), test/load/csv-rows.test.ts
// checks it against csv-parse itself, over the decoded text:
// - a quote opens a quoted field only as the field's first character; elsewhere it is text;
// - inside a quoted field, "" is one quote; a quote followed by a comma, a line break, the end of
//   the text or U+0000 closes the field; a quote followed by anything else also ends the quoting
//   but the field keeps both quotes and goes on as plain text ("ab"c → "ab"c, with "" inside
//   written once: "a""b"c → "a"b"c);
// - a quoted field never closed is an error, reported at the line its record starts on.
import type { RawCell, SheetRows } from '../types.js';
import { newDecoder, type EncodedText, type TextEncoding } from './text-decode.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const NUL = 0x00;

/** How long a string cut from another must be for V8 to make it a slice of that string rather than a copy. */
const SLICED_LENGTH = 13;

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

/** A CsvRows as another thread takes it: its bytes, in shared memory, and what the scan found in them. */
export interface SharedCsvRows {
  readonly bytes: Uint8Array;
  readonly encoding: TextEncoding;
  readonly starts: Int32Array;
  readonly length: number;
}

export class CsvRows implements SheetRows {
  readonly length: number;
  private readonly bytes: Buffer;
  private readonly encoding: TextEncoding;
  /** The text of bytes[start, end), where `end` is the end of the bytes or the offset of a comma, quote, CR or LF. */
  private readonly decode: (start: number, end: number) => string;
  /**
   * Per line: the byte offset of the record starting on it (≥ 0: a record without quotes, held on
   * that one line; ~offset: a record with a quote somewhere); NO_RECORD for a line inside a record.
   */
  private readonly starts: Int32Array;

  /** A text's rows: a file's bytes and their encoding (see text-decode.ts), or a string; `scanned`: what `share()` found in the same bytes. */
  constructor(text: EncodedText | string, scanned?: Pick<SharedCsvRows, 'starts' | 'length'>) {
    const { body: bytes, encoding } = typeof text === 'string' ? ({ body: Buffer.from(text, 'utf8'), encoding: 'utf-8' } as const) : text;
    this.bytes = bytes;
    this.encoding = encoding;
    if (encoding === 'utf-8') {
      this.decode = (start, end) => bytes.toString('utf8', start, end);
    } else {
      const decoder = newDecoder(encoding);
      this.decode = (start, end) =>
        end < bytes.length ? decoder.decode(bytes.subarray(start, end + 1)).slice(0, -1) : decoder.decode(bytes.subarray(start, end));
    }
    if (scanned) {
      this.starts = scanned.starts;
      this.length = scanned.length;
      return;
    }
    this.starts = scan(bytes);
    let length = this.starts.length;
    while (length > 0 && this.isBlank(length - 1)) length--;
    this.length = length;
  }

  /** The same rows for another thread, when the bytes are in shared memory (they are not copied); else null. */
  share(): SharedCsvRows | null {
    if (!(this.bytes.buffer instanceof SharedArrayBuffer)) return null;
    return { bytes: this.bytes, encoding: this.encoding, starts: this.starts, length: this.length };
  }

  /** The rows another thread shared. */
  static fromShared({ bytes, encoding, starts, length }: SharedCsvRows): CsvRows {
    return new CsvRows({ body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding }, { starts, length });
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
    return start >= 0 ? this.plainFields(line, start) : this.quotedFields(~start);
  }

  /** Whether the line's row is empty: no record starts on it, or its fields are all empty. */
  private isBlank(line: number): boolean {
    const start = this.starts[line]!;
    if (start === NO_RECORD) return true;
    return start >= 0 ? this.plainEnd(line, start) === start : this.quotedFields(~start).length === 0;
  }

  /**
   * A record without quotes: its text up to the line's end, split on commas. A field split off a
   * longer text is, when long, a slice that keeps that whole text in memory as long as the field
   * is kept (V8 makes strings of 13 or more characters cut from another such slices): a long field
   * is decoded again on its own, for the row's text to go when the row is read.
   */
  private plainFields(line: number, start: number): string[] {
    const end = this.plainEnd(line, start);
    if (end === start) return [];
    const bytes = this.bytes;
    const fields = this.decode(start, end).split(',');
    let field = 0; // the field that starts at byte `from`
    let from = start;
    for (let index = 0; index < fields.length; index++) {
      if (fields[index]!.length < SLICED_LENGTH) continue;
      for (; field < index; field++) {
        while (bytes[from] !== COMMA) from++;
        from++;
      }
      let to = from;
      while (to < end && bytes[to] !== COMMA) to++;
      fields[index] = this.decode(from, to);
    }
    return fields;
  }

  /** Where the fields of a record without quotes end: before its line break and trailing commas. */
  private plainEnd(line: number, start: number): number {
    const bytes = this.bytes;
    let end: number;
    if (line + 1 < this.starts.length) {
      const next = this.starts[line + 1]!; // a record without quotes is one line: the next line starts one
      end = (next >= 0 ? next : ~next) - 1; // its line break: LF, CR, or the LF of CRLF
      if (end > start && bytes[end] === LF && bytes[end - 1] === CR) end--;
    } else {
      end = bytes.length;
    }
    while (end > start && bytes[end - 1] === COMMA) end--; // trailing empty fields
    return end;
  }

  /** The fields of the record that starts at `start` and holds a quote, trailing empty ones dropped. */
  private quotedFields(start: number): string[] {
    const bytes = this.bytes;
    const n = bytes.length;
    const fields: string[] = [];
    let pos = start;
    for (;;) {
      let field = '';
      let plainFrom = pos; // where text outside quotes starts
      if (bytes[pos] === QUOTE) {
        let from = pos + 1;
        let content = '';
        for (;;) {
          const quote = bytes.indexOf(QUOTE, from);
          if (quote < 0) throw new UnclosedQuoteError(0); // the constructor's scan refused these bytes
          const next = bytes[quote + 1];
          if (next === QUOTE) {
            content += this.decode(from, quote + 1);
            from = quote + 2;
            continue;
          }
          content += this.decode(from, quote);
          field = quote + 1 >= n || next === COMMA || next === CR || next === LF || next === NUL ? content : `"${content}"`;
          plainFrom = quote + 1;
          break;
        }
      }
      pos = plainFrom;
      for (; pos < n; pos++) {
        const c = bytes[pos];
        if (c === COMMA || c === LF || c === CR) break;
      }
      if (pos > plainFrom) field += this.decode(plainFrom, pos);
      fields.push(field);
      if (pos >= n || bytes[pos] !== COMMA) break;
      pos++;
    }
    let end = fields.length;
    while (end > 0 && fields[end - 1] === '') end--;
    fields.length = end;
    return fields;
  }
}

/**
 * One pass over the bytes: each line's record offset (see CsvRows.starts). A record without quotes
 * (most of them) is found with three cached indexOf searches, for the next LF, CR and quote; a
 * record with a quote is read byte by byte, through its quoted cells' line breaks.
 */
function scan(bytes: Buffer): Int32Array {
  const n = bytes.length;
  let starts = new Int32Array(Math.max(64, (n >>> 7) + 64));
  let line = 0; // the line `pos` is on, 0-based; a record starts at `pos`
  let pos = 0;
  let nextLf = -1; // the next LF, CR, quote at or after `pos`; n when there is none; stale when < pos
  let nextCr = -1;
  let nextQuote = -1;
  for (;;) {
    if (nextLf < pos) nextLf = find(bytes, LF, pos);
    if (nextCr < pos) nextCr = find(bytes, CR, pos);
    if (nextQuote < pos) nextQuote = find(bytes, QUOTE, pos);
    const end = nextLf < nextCr ? nextLf : nextCr;
    if (nextQuote >= end) {
      starts[line] = pos; // a record without quotes, up to the line's end
      if (end === n) break;
      pos = end + (end === nextCr && bytes[end + 1] === LF ? 2 : 1);
    } else {
      const recordLine = line;
      starts[recordLine] = ~pos;
      let fieldStart = pos;
      while (pos < n) {
        const c = bytes[pos]!;
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
            const d = bytes[pos]!;
            if (d === QUOTE) {
              if (bytes[pos + 1] !== QUOTE) break;
              pos += 2;
            } else if (d === LF || d === CR) {
              pos += d === CR && bytes[pos + 1] === LF ? 2 : 1;
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
      pos += bytes[pos] === CR && bytes[pos + 1] === LF ? 2 : 1;
    }
    if (++line === starts.length) starts = grown(starts);
  }
  return starts.slice(0, line + 1);
}

/** The first `byte` at or after `from`; the length of the bytes when there is none. */
function find(bytes: Buffer, byte: number, from: number): number {
  const at = bytes.indexOf(byte, from);
  return at < 0 ? bytes.length : at;
}

function grown(starts: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(starts.length * 2);
  bigger.set(starts);
  return bigger;
}
