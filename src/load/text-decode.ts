// Text files come as UTF-8 (with or without a BOM) or as GB18030/GBK, which Excel in Chinese
// locales writes by default. A file that is valid UTF-8 is taken as UTF-8; anything else as
// GB18030, whose decoder also reads GBK. The 'gbk' label is never used: Node 20's decoder for
// it fails on GB18030's four-byte characters (rare surname characters among them).
import { startsWith } from './sniff.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16_LE_BOM = [0xff, 0xfe];
const UTF16_BE_BOM = [0xfe, 0xff];

export function decodeText(bytes: Uint8Array): string {
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return new TextDecoder('gb18030').decode(body);
  }
}

/** Excel's "Unicode Text" export: UTF-16 with a byte-order mark. */
export function isUtf16(bytes: Uint8Array): boolean {
  return startsWith(bytes, UTF16_LE_BOM) || startsWith(bytes, UTF16_BE_BOM);
}

const MARKUP_START = /^\s*<(\?xml|!doctype\s+html|html|head|body|table|meta)\b/i;

/** A web page or XML document (web systems export these under an .xls name). */
export function isMarkup(text: string): boolean {
  return MARKUP_START.test(text.slice(0, 1024));
}
