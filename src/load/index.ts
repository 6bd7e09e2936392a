// The load stage: the files of one roster → every sheet in them, as raw cells. Formats are told
// apart by content, never by file name. Everything read is untrusted: sizes are bounded before
// anything is unpacked or laid out, and every failure is a LoadError that names the file.
import type { LoadedRoster, RawSheet } from '../types.js';
import { DEFAULT_LIMITS, type LoadLimits } from './limits.js';
import { loadFile } from './load-file.js';
import { problem } from './messages.js';

export { DEFAULT_LIMITS, type LoadLimits } from './limits.js';
export { sniffFormat } from './sniff.js';
export { shareRoster, rosterFromShared, type SharedRoster } from './shared-roster.js';

export interface RosterInput {
  /** What the user named: a workbook, a folder, or the cadre CSV given with --villages. */
  path: string;
  /** The files to read: one workbook, or CSV files. */
  files: string[];
  /** The village CSV named by --villages (read too when `files` lacks it). */
  villagesFile?: string;
}

export function loadRoster(input: RosterInput, limits: LoadLimits = DEFAULT_LIMITS): LoadedRoster {
  const files = filesToRead(input);
  if (files.length === 0) throw problem.noFiles(input.path);
  const loaded = files.map((file) => ({ file, sheets: loadFile(file, limits) }));
  const sheets: RawSheet[] = loaded.flatMap(({ sheets }) => sheets);
  const villageSheetName = loaded.find(({ file }) => file === input.villagesFile)?.sheets[0]?.name;
  return villageSheetName === undefined ? { path: input.path, sheets } : { path: input.path, sheets, villageSheetName };
}

function filesToRead({ files, villagesFile }: RosterInput): string[] {
  const all = villagesFile === undefined || files.includes(villagesFile) ? files : [villagesFile, ...files];
  return [...new Set(all)];
}
