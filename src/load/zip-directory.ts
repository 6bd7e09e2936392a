// The structure of a zip file, read from its end: the end-of-central-directory record (and its
// ZIP64 form), then one central-directory entry per part. Nothing is decompressed here.
import { damage, problem } from './messages.js';

export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Where the part's data starts, past its local header. */
  readonly dataOffset: number;
}

/** A workbook has a few dozen parts; a thousand sheets with drawings stay well under this. */
export const MAX_ZIP_ENTRIES = 20_000;

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA_FIELD = 0x0001;
const UTF8_NAMES = 1 << 11;
const END_OF_DIRECTORY_SIZE = 22;
const MAX_COMMENT_SIZE = 0xffff;
const ESCAPE_16 = 0xffff;
const ESCAPE_32 = 0xffffffff;

interface Directory {
  readonly entryCount: number;
  readonly offset: number;
  readonly size: number;
}

export function readZipDirectory(file: string, bytes: Buffer): ZipEntry[] {
  const directory = locateDirectory(file, bytes);
  if (directory.entryCount > MAX_ZIP_ENTRIES) throw problem.tooManyParts(file, directory.entryCount, MAX_ZIP_ENTRIES);
  const end = directory.offset + directory.size;
  if (end > bytes.length) throw problem.damaged(file, damage.zipDirectoryPastEnd);
  const entries: ZipEntry[] = [];
  let position = directory.offset;
  for (let index = 0; index < directory.entryCount; index++) {
    const { entry, next } = readDirectoryEntry(file, bytes, position, end);
    entries.push(entry);
    position = next;
  }
  return entries;
}

function locateDirectory(file: string, bytes: Buffer): Directory {
  const record = findEndOfDirectory(bytes);
  if (record < 0) throw problem.damaged(file, damage.noZipDirectory);
  const entryCount = bytes.readUInt16LE(record + 10);
  const size = bytes.readUInt32LE(record + 12);
  const offset = bytes.readUInt32LE(record + 16);
  if (bytes.readUInt16LE(record + 4) !== 0) throw problem.damaged(file, damage.splitZip);
  if (entryCount === ESCAPE_16 || size === ESCAPE_32 || offset === ESCAPE_32) return locateZip64Directory(file, bytes, record);
  return { entryCount, offset, size };
}

/** The last end-of-directory signature with room for its record (a comment may follow it). */
function findEndOfDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - END_OF_DIRECTORY_SIZE - MAX_COMMENT_SIZE);
  for (let position = bytes.length - END_OF_DIRECTORY_SIZE; position >= lowest; position--) {
    if (bytes.readUInt32LE(position) === END_OF_DIRECTORY) return position;
  }
  return -1;
}

function locateZip64Directory(file: string, bytes: Buffer, record: number): Directory {
  const locator = record - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR) throw problem.damaged(file, damage.zip64);
  const position = readSize(bytes, locator + 8);
  if (position + 56 > bytes.length || bytes.readUInt32LE(position) !== ZIP64_END_OF_DIRECTORY) {
    throw problem.damaged(file, damage.zip64);
  }
  return { entryCount: readSize(bytes, position + 32), size: readSize(bytes, position + 40), offset: readSize(bytes, position + 48) };
}

function readDirectoryEntry(file: string, bytes: Buffer, position: number, end: number): { entry: ZipEntry; next: number } {
  if (position + 46 > end || bytes.readUInt32LE(position) !== DIRECTORY_ENTRY) {
    throw problem.damaged(file, damage.zipDirectory);
  }
  const flags = bytes.readUInt16LE(position + 8);
  const nameLength = bytes.readUInt16LE(position + 28);
  const extraLength = bytes.readUInt16LE(position + 30);
  const next = position + 46 + nameLength + extraLength + bytes.readUInt16LE(position + 32);
  if (next > end) throw problem.damaged(file, damage.zipDirectory);
  const nameStart = position + 46;
  const name = bytes.toString(flags & UTF8_NAMES ? 'utf8' : 'latin1', nameStart, nameStart + nameLength);
  const extra = bytes.subarray(nameStart + nameLength, nameStart + nameLength + extraLength);
  const sizes = widenedSizes(file, extra, {
    uncompressedSize: bytes.readUInt32LE(position + 24),
    compressedSize: bytes.readUInt32LE(position + 20),
    localHeaderOffset: bytes.readUInt32LE(position + 42),
  });
  const entry: ZipEntry = {
    name,
    flags,
    method: bytes.readUInt16LE(position + 10),
    crc32: bytes.readUInt32LE(position + 16),
    compressedSize: sizes.compressedSize,
    uncompressedSize: sizes.uncompressedSize,
    dataOffset: dataOffset(file, bytes, sizes.localHeaderOffset, sizes.compressedSize),
  };
  return { entry, next };
}

interface EntrySizes {
  uncompressedSize: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** ZIP64: each 32-bit field set to 0xFFFFFFFF is given, in this order, in the 0x0001 extra field. */
function widenedSizes(file: string, extra: Buffer, sizes: EntrySizes): EntrySizes {
  const escaped = (['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const).filter((key) => sizes[key] === ESCAPE_32);
  if (escaped.length === 0) return sizes;
  const field = findExtraField(extra, ZIP64_EXTRA_FIELD);
  if (!field || field.length < escaped.length * 8) throw problem.damaged(file, damage.zip64);
  const widened = { ...sizes };
  escaped.forEach((key, index) => (widened[key] = readSize(field, index * 8)));
  return widened;
}

function findExtraField(extra: Buffer, id: number): Buffer | undefined {
  let position = 0;
  while (position + 4 <= extra.length) {
    const size = extra.readUInt16LE(position + 2);
    if (extra.readUInt16LE(position) === id) return extra.subarray(position + 4, position + 4 + size);
    position += 4 + size;
  }
  return undefined;
}

function dataOffset(file: string, bytes: Buffer, header: number, compressedSize: number): number {
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== LOCAL_HEADER) {
    throw problem.damaged(file, damage.partHeader);
  }
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  if (start + compressedSize > bytes.length) throw problem.damaged(file, damage.partPastEnd);
  return start;
}

/** An unsigned 64-bit size; anything past 2^53 is past any file we read. */
function readSize(bytes: Buffer, position: number): number {
  const value = bytes.readBigUInt64LE(position);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}
