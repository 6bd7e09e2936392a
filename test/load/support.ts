// Shared by the load-stage tests: fixture paths, a temporary folder, a small zip writer for
// crafted packages, and the expectation that a load fails with a given LoadError.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { expect } from 'vitest';
import { LoadError, type LoadErrorCode } from '../../src/errors.js';
import { loadRoster, type LoadLimits } from '../../src/load/index.js';
import type { LoadedRoster, RawCell, SheetRows } from '../../src/types.js';
import { unzipWithinLimit } from '../../src/load/zip-guard.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const loadFixture = (name: string): string => join(ROOT, 'fixtures/load', name);
export const badFixture = (name: string): string => join(ROOT, 'fixtures/bad', name);

export function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'zhucun-load-'));
}

export function writeTemporary(folder: string, name: string, bytes: Uint8Array | string): string {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}

/** A sheet's rows as an array: `at(i)` for every index (a CSV sheet reads its rows on demand). */
export function rowsOf(rows: SheetRows): (readonly RawCell[])[] {
  return Array.from({ length: rows.length }, (_, index) => rows.at(index)!);
}

export function loadOne(file: string, limits?: LoadLimits): LoadedRoster {
  return loadRoster({ path: file, files: [file] }, limits);
}

/** Runs `load`, expects a LoadError with `code` whose messages (zh and en) name `file`. */
export function expectLoadError(load: () => unknown, code: LoadErrorCode, file: string): LoadError {
  let caught: unknown;
  try {
    load();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'no error thrown').toBeInstanceOf(LoadError);
  const error = caught as LoadError;
  expect(error.code, error.text.en).toBe(code);
  expect(error.text.zh.startsWith(`${file}: `)).toBe(true);
  expect(error.text.en.startsWith(`${file}: `)).toBe(true);
  return error;
}

export interface ZipEntrySpec {
  readonly name: string;
  /** The part's content; ignored when `compressed` is given. */
  readonly data?: Uint8Array | string;
  /** Ready-made raw deflate data (e.g. a bomb), written as is. */
  readonly compressed?: Uint8Array;
  readonly method?: 0 | 8 | 12;
  /** Sizes and checksum to declare instead of the true ones. */
  readonly declaredSize?: number;
  readonly crc?: number;
  readonly flags?: number;
  /** Sizes in a ZIP64 extra field, with 0xFFFFFFFF in the 32-bit fields. */
  readonly zip64?: boolean;
}

export interface ZipOptions {
  /** End with the ZIP64 end-of-directory record and locator. */
  readonly zip64End?: boolean;
}

/** A zip with one local header and one directory entry per part (no data descriptors). */
export function writeZip(entries: readonly ZipEntrySpec[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.from(entry.data ?? '');
    const method = entry.method ?? 8;
    const body = entry.compressed ? Buffer.from(entry.compressed) : method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(entry.name, 'utf8');
    const sizes = { crc: entry.crc ?? crc32(data), compressed: body.length, size: entry.declaredSize ?? data.length };
    const extra = entry.zip64 ? zip64Extra(sizes) : Buffer.alloc(0);
    const written = entry.zip64 ? { ...sizes, compressed: 0xffffffff, size: 0xffffffff } : sizes;
    const local = header(0x04034b50, 30, name, extra, entry.flags ?? 0x0800, method, written);
    const central = header(0x02014b50, 46, name, extra, entry.flags ?? 0x0800, method, written);
    central.writeUInt32LE(offset, 42);
    locals.push(local, body);
    directory.push(central);
    offset += local.length + body.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const count = { entries: entries.length, size: directoryBytes.length, offset };
  const ending = options.zip64End ? [zip64End(count), endOfDirectory({ entries: 0xffff, size: 0xffffffff, offset: 0xffffffff })] : [endOfDirectory(count)];
  return Buffer.concat([...locals, directoryBytes, ...ending]);
}

interface DirectoryCount {
  entries: number;
  size: number;
  offset: number;
}

function endOfDirectory(count: DirectoryCount): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count.entries, 8);
  end.writeUInt16LE(count.entries, 10);
  end.writeUInt32LE(count.size, 12);
  end.writeUInt32LE(count.offset, 16);
  return end;
}

/** The ZIP64 end-of-directory record, then its locator; they sit right after the directory. */
function zip64End(count: DirectoryCount): Buffer {
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeBigUInt64LE(BigInt(count.entries), 24);
  record.writeBigUInt64LE(BigInt(count.entries), 32);
  record.writeBigUInt64LE(BigInt(count.size), 40);
  record.writeBigUInt64LE(BigInt(count.offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(count.offset + count.size), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator]);
}

function zip64Extra(sizes: { compressed: number; size: number }): Buffer {
  const extra = Buffer.alloc(20);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(16, 2);
  extra.writeBigUInt64LE(BigInt(sizes.size), 4);
  extra.writeBigUInt64LE(BigInt(sizes.compressed), 12);
  return extra;
}

function header(
  signature: number,
  size: number,
  name: Buffer,
  extra: Buffer,
  flags: number,
  method: number,
  sizes: { crc: number; compressed: number; size: number },
): Buffer {
  const local = size === 30;
  const bytes = Buffer.alloc(size);
  bytes.writeUInt32LE(signature, 0);
  const at = (field: number) => (local ? field - 2 : field); // a local header lacks "version made by"
  if (!local) bytes.writeUInt16LE(20, 4);
  bytes.writeUInt16LE(20, at(6));
  bytes.writeUInt16LE(flags, at(8));
  bytes.writeUInt16LE(method, at(10));
  bytes.writeUInt32LE(sizes.crc >>> 0, at(16));
  bytes.writeUInt32LE(sizes.compressed, at(20));
  bytes.writeUInt32LE(sizes.size, at(24));
  bytes.writeUInt16LE(name.length, at(28));
  bytes.writeUInt16LE(extra.length, at(30));
  return Buffer.concat([bytes, name, extra]);
}

/**
 * Raw deflate data that inflates to `repeats` copies of `chunk`, made without inflating it:
 * a chunk compressed with a full flush ends on a byte boundary with no back-references past
 * it, so copies of it can follow one another; an empty final block ends the stream.
 */
export function deflateRepeated(chunk: Buffer, repeats: number): Buffer {
  const block = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array<Buffer>(repeats).fill(block), Buffer.from([0x03, 0x00])]);
}

/** The smallest OOXML workbook around one worksheet part. */
export function minimalXlsx(sheet: Omit<ZipEntrySpec, 'name'>, extraParts: ZipEntrySpec[] = []): Buffer {
  return writeZip([...minimalXlsxParts(sheet), ...extraParts]);
}

export function minimalXlsxParts(sheet: Omit<ZipEntrySpec, 'name'>, workbook = WORKBOOK): ZipEntrySpec[] {
  return [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: PACKAGE_RELATIONSHIPS },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELATIONSHIPS },
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
  ];
}

export function worksheetXml(sheetData: string, afterSheetData = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheetData>${sheetData}</sheetData>${afterSheetData}</worksheet>`;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '</Types>';
const PACKAGE_RELATIONSHIPS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK =
  `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
  '<sheets><sheet name="人员" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELATIONSHIPS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** The parts of a fixture package, inflated. */
export function partsOf(path: string): { name: string; data: Buffer }[] {
  return unzipWithinLimit(path, readFileSync(path), 1 << 30).map((part) => ({ name: part.name, data: part.content }));
}

/** A fixture package with some parts changed (and a correct zip around them). */
export function rezip(path: string, change: (name: string, data: Buffer) => Buffer | string): Buffer {
  return writeZip(partsOf(path).map(({ name, data }) => ({ name, data: change(name, data) })));
}

/**
 * How src/load/text-decode.ts decoded a text file before it kept the bytes: as a whole, UTF-8 when
 * that decodes without an error, else GB18030. The tests' oracle.
 */
export function decodedAsAWhole(bytes: Uint8Array): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return new TextDecoder('gb18030').decode(body);
  }
}
