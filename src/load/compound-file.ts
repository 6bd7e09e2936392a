// A reader for compound files ([MS-CFB]: legacy .xls, .doc, encrypted .xlsx), enough to list the
// streams and read one. Every chain of sectors is followed at most once per sector, so a damaged
// or crafted file cannot make it loop (SheetJS's own reader can be made to loop forever).
import type { LoadError } from '../errors.js';
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
const END_OF_CHAIN = 0xfffffffe;
const HEADER_FAT_SECTORS = 109;
const STREAM = 2;
const ROOT = 5;

export function readCompoundFile(file: string, bytes: Buffer): CompoundFile {
  const sectors = new Sectors(file, bytes);
  const entries = readDirectory(sectors.chainBytes(bytes.readUInt32LE(0x30)), bytes.readUInt16LE(0x1a) === 3);
  const rootStart = entries.find((entry) => entry.type === ROOT)?.start ?? END_OF_CHAIN;
  const miniStreamCutoff = bytes.readUInt32LE(0x38);
  return {
    names: entries.map((entry) => entry.name),
    stream(name) {
      const entry = entries.find((candidate) => candidate.type === STREAM && candidate.name.toLowerCase() === name.toLowerCase());
      if (!entry) return null;
      const content = entry.size < miniStreamCutoff ? sectors.miniChainBytes(rootStart, entry.start) : sectors.chainBytes(entry.start);
      return content.subarray(0, entry.size);
    },
  };
}

/** The file's sectors, its FAT, and (once asked for) its mini stream and mini FAT. */
class Sectors {
  private readonly sectorSize: number;
  private readonly sectorCount: number;
  private readonly fat: Uint32Array;
  private mini: { stream: Buffer; fat: Uint32Array } | undefined;

  constructor(
    private readonly file: string,
    private readonly bytes: Buffer,
  ) {
    if (bytes.length < HEADER_SIZE) throw this.broken();
    const shift = bytes.readUInt16LE(0x1e);
    if (shift !== 9 && shift !== 12) throw this.broken();
    this.sectorSize = 1 << shift;
    this.sectorCount = Math.max(0, Math.ceil((bytes.length - this.sectorSize) / this.sectorSize));
    this.fat = asTable(Buffer.concat(this.fatSectors().map((index) => this.sector(index))));
  }

  chainBytes(start: number): Buffer {
    return Buffer.concat(this.chain(start, this.fat).map((index) => this.sector(index)));
  }

  miniChainBytes(rootStart: number, start: number): Buffer {
    this.mini ??= { stream: this.chainBytes(rootStart), fat: asTable(this.chainBytes(this.bytes.readUInt32LE(0x3c))) };
    const stream = this.mini.stream;
    const pieces = this.chain(start, this.mini.fat).map((index) => stream.subarray(index * MINI_SECTOR_SIZE, (index + 1) * MINI_SECTOR_SIZE));
    return Buffer.concat(pieces);
  }

  private sector(index: number): Buffer {
    if (index >= this.sectorCount) throw this.broken();
    const start = (index + 1) * this.sectorSize;
    return this.bytes.subarray(start, start + this.sectorSize);
  }

  /** A chain of sector numbers from `start`; a sector met twice means the file is broken. */
  private chain(start: number, table: Uint32Array): number[] {
    const chain: number[] = [];
    const seen = new Set<number>();
    for (let index = start; index <= LAST_REGULAR_SECTOR; index = table[index]!) {
      if (seen.has(index) || index >= table.length) throw this.broken();
      seen.add(index);
      chain.push(index);
    }
    return chain;
  }

  /** The FAT's sectors: the first 109 are listed in the header, the rest in a chain of DIFAT sectors. */
  private fatSectors(): number[] {
    const declared = this.bytes.readUInt32LE(0x2c);
    const listed: number[] = [];
    for (let index = 0; index < Math.min(declared, HEADER_FAT_SECTORS); index++) listed.push(this.bytes.readUInt32LE(0x4c + index * 4));
    const perDifatSector = this.sectorSize / 4 - 1;
    const seen = new Set<number>();
    for (let next = this.bytes.readUInt32LE(0x44); next <= LAST_REGULAR_SECTOR && listed.length < declared; ) {
      if (seen.has(next)) throw this.broken();
      seen.add(next);
      const difat = this.sector(next);
      for (let index = 0; index < perDifatSector && listed.length < declared; index++) listed.push(difat.readUInt32LE(index * 4));
      next = difat.readUInt32LE(perDifatSector * 4);
    }
    return listed;
  }

  private broken(): LoadError {
    return problem.damaged(this.file, damage.compoundFile);
  }
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
