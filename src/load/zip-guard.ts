// Unzips a workbook package here, so that a zip bomb is refused: first by the sizes the zip
// declares, then by what its parts really inflate to, counted as they inflate and stopped as soon
// as the running total passes the limit. The readers (ooxml-reader.ts, SheetJS for .ods) parse
// the parts as inflated here; SheetJS's own zip reader never sees the file.
import { constants as bufferConstants } from 'node:buffer';
import { crc32, inflateRawSync } from 'node:zlib';
import { damage, problem } from './messages.js';
import { readZipDirectory, type ZipEntry } from './zip-directory.js';

export interface ZipPart {
  readonly name: string;
  readonly content: Buffer;
}

const STORED = 0;
const DEFLATED = 8;
/** Traditional PKWARE encryption, and strong encryption. */
const ENCRYPTED_FLAGS = (1 << 0) | (1 << 6);

export function unzipWithinLimit(file: string, bytes: Buffer, maxInflatedBytes: number): ZipPart[] {
  const entries = readZipDirectory(file, bytes).filter((entry) => !entry.name.endsWith('/'));
  if (entries.some((entry) => entry.flags & ENCRYPTED_FLAGS)) throw problem.encrypted(file);
  const declared = entries.reduce((total, entry) => total + entry.uncompressedSize, 0);
  if (declared > maxInflatedBytes) throw problem.unzipsTooLarge(file, maxInflatedBytes);
  let inflated = 0;
  return entries.map((entry) => {
    const content = extract(file, bytes, entry, maxInflatedBytes - inflated);
    if (content === null || inflated + content.length > maxInflatedBytes) throw problem.unzipsTooLarge(file, maxInflatedBytes);
    inflated += content.length;
    if (content.length !== entry.uncompressedSize) throw problem.damaged(file, damage.partSize(entry.name));
    if (crc32(content) !== entry.crc32) throw problem.damaged(file, damage.partChecksum(entry.name));
    return { name: entry.name, content };
  });
}

/** The part's bytes; null when they would pass the budget. */
function extract(file: string, bytes: Buffer, entry: ZipEntry, budget: number): Buffer | null {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === STORED) return data;
  if (entry.method !== DEFLATED) throw problem.unsupportedCompression(file, entry.method);
  return inflateWithin(file, entry.name, data, budget);
}

/** Inflates at most `budget` bytes: zlib stops and throws once its output passes maxOutputLength. */
function inflateWithin(file: string, name: string, data: Buffer, budget: number): Buffer | null {
  const maxOutputLength = Math.min(Math.max(budget, 1), bufferConstants.MAX_LENGTH);
  try {
    return inflateRawSync(data, { maxOutputLength });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw problem.damaged(file, damage.partInflate(name), error);
  }
}
