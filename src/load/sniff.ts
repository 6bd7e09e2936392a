// What a file is, from its first bytes: never from its name.

export type SniffedFormat = 'zip' | 'cfb' | 'csv' | 'pdf' | 'binary' | 'empty';

const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04], // a local file header: every non-empty zip starts with one
  [0x50, 0x4b, 0x05, 0x06], // the end-of-directory record of an empty zip
  [0x50, 0x4b, 0x07, 0x08], // a spanned zip
];
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46]; // %PDF

/** How much of a file the text test looks at. */
const TEXT_SAMPLE_BYTES = 1 << 20;
/** Text may hold a stray control character; binary data holds about one in nine. */
const MAX_CONTROL_SHARE = 0.02;

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes.length === 0) return 'empty';
  if (ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature))) return 'zip';
  if (startsWith(bytes, CFB_SIGNATURE)) return 'cfb';
  if (startsWith(bytes, PDF_SIGNATURE)) return 'pdf';
  return looksLikeText(bytes) ? 'csv' : 'binary';
}

export function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

/** No NUL byte and few control characters (tab, line feed, carriage return and form feed are text). */
function looksLikeText(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, TEXT_SAMPLE_BYTES);
  let controls = 0;
  for (let index = 0; index < end; index++) {
    const byte = bytes[index]!;
    if (byte === 0) return false;
    if (isControl(byte)) controls++;
  }
  return controls <= end * MAX_CONTROL_SHARE;
}

function isControl(byte: number): boolean {
  if (byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d) return false;
  return byte < 0x20 || byte === 0x7f;
}
