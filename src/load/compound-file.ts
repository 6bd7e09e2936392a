// A reader for compound files ([MS-CFB]: legacy .xls, .doc, encrypted .xlsx), enough to list the
// streams and read one. Every chain of sectors is followed at most once per sector, so a damaged
// or crafted file cannot make it loop (SheetJS's own reader can be made to loop forever).
import { damage, problem } from './messages.js';

export interface CompoundFile {
  /** Stream and storage names, in directory order. */
  readonly names: readonly string[];
  /** A stream's bytes by name (case-insensitive, at any depth); null when there is none. */
  stream(name: string): Buffer | null;
}

interface DirectoryEntry {
  readonly name: string;
  readonly type: number;
  readonly start: number;
  readonly size: number;
}

const HEADER_SIZE = 512;
const DIRECTORY_ENTRY_SIZE = 128;
const MINI_SECTOR_SIZE = 64;
const LAST_REGULAR_SECTOR = 0xfffffffa;
const HEADER_FAT_SECTORS = 109;
const STREAM = 2;
const ROOT = 5;

export function readCompoundFile(file: string, bytes: Buffer): CompoundFile {
  const broken = () => problem.damaged(file, damage.compoundFile);
  if (bytes.length < HEADER_SIZE) throw broken();
  const sectorShift = bytes.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) throw broken();
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.max(0, Math.floor((bytes.length - sectorSize) / sectorSize) + (bytes.length % sectorSize > 0 ? 1 : 0));
  const sector = (index: number): Buffer => {
    if (index >= sectorCount) throw broken();
    const start = (index + 1) * sectorSize;
    return bytes.subarray(start, Math.min(start + sectorSize, bytes.length));
  };
  const fat = readFat(bytes, sector, sectorSize, broken);
  const chain = (start: number, table: Uint32Array): number[] => followChain(start, table, broken);
  const regular = (start: number): Buffer => Buffer.concat(chain(start, fat).map(sector));
  const entries = readDirectory(regular(bytes.readUInt32LE(0x30)), bytes.readUInt16LE(0x1a) === 3);
  const root = entries.find((entry) => entry.type === ROOT);
  const miniCutoff = bytes.readUInt32LE(0x38);
  let mini: { stream: Buffer; fat: Uint32Array } | undefined;
  const miniSectors = (start: number): Buffer => {
    mini ??= { stream: regular(root?.start ?? 0xfffffffe), fat: asTable(regular(bytes.readUInt32LE(0x3c))) };
    const { stream } = mini;
    return Buffer.concat(chain(start, mini.fat).map((index) => stream.subarray(index * MINI_SECTOR_SIZE, (index + 1) * MINI_SECTOR_SIZE)));
  };
  return {
    names: entries.map((entry) => entry.name),
    stream(name) {
      const entry = entries.find((candidate) => candidate.type === STREAM && candidate.name.toLowerCase() === name.toLowerCase());
      if (!entry) return null;
      const content = entry.size < miniCutoff ? miniSectors(entry.start) : regular(entry.start);
      return content.subarray(0, entry.size);
    },
  };
}

/** The FAT: its first sectors are listed in the header, the rest in a chain of DIFAT sectors. */
function readFat(bytes: Buffer, sector: (index: number) => Buffer, sectorSize: number, broken: () => Error): Uint32Array {
  const fatSectors: number[] = [];
  const declared = bytes.readUInt32LE(0x2c);
  for (let index = 0; index < Math.min(declared, HEADER_FAT_SECTORS); index++) fatSectors.push(bytes.readUInt32LE(0x4c + index * 4));
  const perDifatSector = sectorSize / 4 - 1;
  const seen = new Set<number>();
  for (let next = bytes.readUInt32LE(0x44); next <= LAST_REGULAR_SECTOR && fatSectors.length < declared; ) {
    if (seen.has(next)) throw broken();
    seen.add(next);
    const difat = sector(next);
    for (let index = 0; index < perDifatSector && fatSectors.length < declared; index++) fatSectors.push(difat.readUInt32LE(index * 4));
    next = difat.readUInt32LE(perDifatSector * 4);
  }
  return asTable(Buffer.concat(fatSectors.map(sector)));
}

/** A chain of sector numbers from `start`; a sector met twice means the file is broken. */
function followChain(start: number, table: Uint32Array, broken: () => Error): number[] {
  const chain: number[] = [];
  const seen = new Set<number>();
  for (let index = start; index <= LAST_REGULAR_SECTOR; index = table[index] ?? 0xfffffffe) {
    if (seen.has(index) || index >= table.length) throw broken();
    seen.add(index);
    chain.push(index);
  }
  return chain;
}

function readDirectory(directory: Buffer, version3: boolean): DirectoryEntry[] {
  const entries: DirectoryEntry[] = [];
  for (let offset = 0; offset + DIRECTORY_ENTRY_SIZE <= directory.length; offset += DIRECTORY_ENTRY_SIZE) {
    const nameLength = Math.min(64, directory.readUInt16LE(offset + 64));
    entries.push({
      name: directory.toString('utf16le', offset, offset + Math.max(0, nameLength - 2)),
      type: directory[offset + 66]!,
      start: directory.readUInt32LE(offset + 116),
      // Version 3 files may leave garbage in the high half of the size.
      size: version3 ? directory.readUInt32LE(offset + 120) : Number(directory.readBigUInt64LE(offset + 120)),
    });
  }
  return entries;
}

function asTable(bytes: Buffer): Uint32Array {
  const table = new Uint32Array(Math.floor(bytes.length / 4));
  for (let index = 0; index < table.length; index++) table[index] = bytes.readUInt32LE(index * 4);
  return table;
}
