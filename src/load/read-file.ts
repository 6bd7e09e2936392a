// Reads one named file into memory, refusing what is not a file, empty, or over the size limit
// before reading a byte of it.
import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { problem } from './messages.js';

export function readFileBounded(file: string, maxBytes: number): Buffer {
  requireRegularFile(file, statOf(file)); // before opening: opening a FIFO would block
  const descriptor = openForReading(file);
  try {
    const stats = fstatSync(descriptor);
    requireRegularFile(file, stats);
    const size = stats.size;
    if (size === 0) throw problem.empty(file);
    if (size > maxBytes) throw problem.fileTooLarge(file, size, maxBytes);
    return readExactly(file, descriptor, size);
  } finally {
    closeSync(descriptor);
  }
}

function openForReading(file: string): number {
  try {
    return openSync(file, 'r');
  } catch (error) {
    throw fileSystemProblem(file, error);
  }
}

function statOf(file: string): Stats {
  try {
    return statSync(file);
  } catch (error) {
    throw fileSystemProblem(file, error);
  }
}

function requireRegularFile(file: string, stats: Stats): void {
  if (stats.isDirectory()) throw problem.isFolder(file);
  if (!stats.isFile()) throw problem.notAFile(file);
}

/**
 * Reads `size` bytes, or fewer when the file shrank meanwhile; never more, however it grew. Into
 * shared memory, so that a second thread can read a large CSV roster's rows without a copy
 * (src/batch/split-roster.ts). Every file, as what it holds is known only once read: the price is
 * the buffer filled with zeros first (about 20 ms for 50 MB).
 */
function readExactly(file: string, descriptor: number, size: number): Buffer {
  const buffer = Buffer.from(new SharedArrayBuffer(size));
  let filled = 0;
  while (filled < size) {
    const count = readChunk(file, descriptor, buffer, filled);
    if (count === 0) break;
    filled += count;
  }
  if (filled === 0) throw problem.empty(file);
  return filled === size ? buffer : buffer.subarray(0, filled);
}

function readChunk(file: string, descriptor: number, buffer: Buffer, offset: number): number {
  try {
    return readSync(descriptor, buffer, offset, buffer.length - offset, offset);
  } catch (error) {
    throw fileSystemProblem(file, error);
  }
}

function fileSystemProblem(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  if (code === 'ENOENT' || code === 'ENOTDIR') return problem.notFound(file);
  if (code === 'EISDIR') return problem.isFolder(file);
  return problem.unreadable(file, code, error);
}
