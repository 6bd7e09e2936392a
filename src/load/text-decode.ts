// Text files come as UTF-8 (with or without a BOM) or as GB18030/GBK, which Excel in Chinese
// locales writes by default. A file that is valid UTF-8 is taken as UTF-8; anything else as
// GB18030, whose decoder also reads GBK. The 'gbk' label is never used: Node 20's decoder for
// it fails on GB18030's four-byte characters (rare surname characters among them).
//
// A CSV file is not decoded as a whole: its bytes are kept and each row decoded when read
// (src/load/csv-rows.ts); `textEncoding` decides the encoding without decoding the text.
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { startsWith } from './sniff.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16_LE_BOM = [0xff, 0xfe];
const UTF16_BE_BOM = [0xfe, 0xff];

export type TextEncoding = 'utf-8' | 'gb18030';

/** A text file's bytes after any UTF-8 byte-order mark, and how they are to be decoded. */
export interface EncodedText {
  readonly body: Buffer;
  readonly encoding: TextEncoding;
}

/** The encoding of a text file: UTF-8 when its bytes (after a UTF-8 byte-order mark) are valid UTF-8, else GB18030. */
export function textEncoding(bytes: Uint8Array): EncodedText {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const body = startsWith(all, UTF8_BOM) ? all.subarray(UTF8_BOM.length) : all;
  return { body, encoding: isUtf8(body) ? 'utf-8' : 'gb18030' };
}

/**
 * A decoder for the encoding, as the whole text is read: a UTF-8 byte-order mark after the one
 * `textEncoding` took off is text (U+FEFF); GB18030's decoder keeps its byte-order mark as U+FEFF too.
 */
export function newDecoder(encoding: TextEncoding): TextDecoder {
  return encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) : new TextDecoder('gb18030');
}

/**
 * The first `units` UTF-16 code units of the text (all of it when shorter), decoding no more of
 * the bytes than that takes. A streaming decode holds back a character cut at the end of the bytes
 * read, so these are the first units of the whole decoded text.
 */
export function textStart({ body, encoding }: EncodedText, units: number): string {
  for (let bytes = Math.max(64, units * 4); ; bytes *= 2) {
    if (bytes >= body.length) return newDecoder(encoding).decode(body).slice(0, units);
    const start = newDecoder(encoding).decode(body.subarray(0, bytes), { stream: true });
    if (start.length >= units) return start.slice(0, units);
  }
}

/** Excel's "Unicode Text" export: UTF-16 with a byte-order mark. */
export function isUtf16(bytes: Uint8Array): boolean {
  return startsWith(bytes, UTF16_LE_BOM) || startsWith(bytes, UTF16_BE_BOM);
}

const MARKUP_START = /^\s*<(\?xml|!doctype\s+html|html|head|body|table|meta)\b/i;
/** How much of a text `isMarkup` looks at. */
export const MARKUP_SAMPLE_UNITS = 1024;

/** A web page or XML document (web systems export these under an .xls name). */
export function isMarkup(text: string): boolean {
  return MARKUP_START.test(text.slice(0, MARKUP_SAMPLE_UNITS));
}
