// How a text file's encoding is decided (src/load/text-decode.ts) without decoding the file as a
// whole: the same decision, and the same text, as the whole-file decoding the loader did before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMarkup, MARKUP_SAMPLE_UNITS, newDecoder, textEncoding, textStart } from '../../src/load/text-decode.js';
import { decodedAsAWhole, expectLoadError, loadOne, rowsOf, temporaryFolder, writeTemporary } from './support.js';


/** Bytes near UTF-8's edges: overlong forms, surrogates, past U+10FFFF, sequences cut short; and GB18030. */
const edgyBytes = fc.array(
  fc.oneof(
    fc.constantFrom(
      [0xef, 0xbb, 0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xc2, 0x80], [0xdf, 0xbf], [0xe0, 0x80, 0x80], [0xe0, 0xa0, 0x80],
      [0xed, 0x9f, 0xbf], [0xed, 0xa0, 0x80], [0xee, 0x80, 0x80], [0xf0, 0x8f, 0xbf, 0xbf], [0xf0, 0x90, 0x80, 0x80],
      [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xe4, 0xb8], [0xf0, 0xa0, 0x80],
      [0xd6, 0xd0], [0x81, 0x30, 0x81, 0x30], [0x95, 0x32, 0x82, 0x36], [0x84, 0x31, 0x95, 0x33], [0x80], [0xff],
    ),
    fc.array(fc.integer({ min: 0x20, max: 0x7e }), { maxLength: 4 }),
    fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 3 }),
  ),
  { maxLength: 40 },
).map((chunks) => Uint8Array.from(chunks.flat()));

describe('the encoding of a text file', () => {
  it('is what decoding the whole file decided: UTF-8 when valid after a UTF-8 BOM, else GB18030', () => {
    fc.assert(
      fc.property(edgyBytes, (bytes) => {
        const text = textEncoding(bytes);
        const whole = decodedAsAWhole(bytes);
        expect(newDecoder(text.encoding).decode(text.body)).toBe(whole);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['UTF-8', [0xe4, 0xb8, 0xad, 0x2c, 0x61], 'utf-8', 0],
    ['UTF-8 after a BOM', [0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0xad], 'utf-8', 3],
    ['GB18030', [0xd6, 0xd0, 0x2c, 0x61], 'gb18030', 0],
    ['GB18030 after a UTF-8 BOM', [0xef, 0xbb, 0xbf, 0xd6, 0xd0], 'gb18030', 3],
    ['an encoded surrogate (not UTF-8)', [0xed, 0xa0, 0x80], 'gb18030', 0],
    ['an overlong form (not UTF-8)', [0xc0, 0xaf], 'gb18030', 0],
    ['a UTF-8 sequence cut by the end of the file', [0x61, 0xe4, 0xb8], 'gb18030', 0],
  ] as const)('%s', (_, bytes, encoding, bodyStart) => {
    const text = textEncoding(Uint8Array.from(bytes));
    expect(text.encoding).toBe(encoding);
    expect([...text.body]).toEqual(bytes.slice(bodyStart));
  });
});

describe('the start of a text', () => {
  it('is the start of the text decoded as a whole, for as many units as asked', () => {
    const longer = fc.array(edgyBytes, { maxLength: 12 }).map((parts) => Uint8Array.from(parts.flatMap((part) => [...part])));
    fc.assert(
      fc.property(longer, fc.integer({ min: 0, max: 200 }), (bytes, units) => {
        expect(textStart(textEncoding(bytes), units)).toBe(decodedAsAWhole(bytes).slice(0, units));
      }),
      { numRuns: 3000 },
    );
  });

  it('is read from the start of a long file whose last byte makes it GB18030', () => {
    const body = Buffer.alloc(10_000_000, 0x61);
    body[9_999_999] = 0xff; // GB18030, found only at the end
    expect(textStart(textEncoding(body), MARKUP_SAMPLE_UNITS)).toBe('a'.repeat(MARKUP_SAMPLE_UNITS));
  });
});

describe('a web page read as text', () => {
  const ideographicSpaces = (count: number): Buffer => Buffer.alloc(count * 2, Buffer.from([0xa1, 0xa1])); // U+3000 in GB18030

  it('is found in a GB18030 file after whitespace of many bytes, within the first 1024 characters', () => {
    const page = Buffer.concat([ideographicSpaces(1000), Buffer.from('<html><body>名册</body></html>\n')]);
    expect(isMarkup(decodedAsAWhole(page))).toBe(true);
    const file = writeTemporary(temporaryFolder(), 'page.xls', page);
    expectLoadError(() => loadOne(file), 'NOT_A_SPREADSHEET', file);
  });

  it('is not looked for past the first 1024 characters, as before', () => {
    const text = Buffer.concat([ideographicSpaces(1100), Buffer.from('<html>\n')]);
    expect(isMarkup(decodedAsAWhole(text))).toBe(false);
    const file = writeTemporary(temporaryFolder(), 'late.csv', text);
    expect(rowsOf(loadOne(file).sheets[0]!.rows)).toEqual([[`${'\u3000'.repeat(1100)}<html>`]]);
  });
});
