// What the user named → the rosters to read: a workbook; a folder (each workbook in it, and its
// CSV files as one pair); or a cadre CSV with --villages naming the village CSV.
import { readdirSync, statSync, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import type { RosterInput } from './load/index.js';

const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.ods', '.et']);
const CSV_EXTENSIONS = new Set(['.csv', '.txt']);

/** A named path that holds no roster; reported as a failed roster, not a crash. */
export interface MissingInput {
  readonly path: string;
  readonly reason: 'not-found' | 'empty-folder';
}

export function rosterInputs(paths: readonly string[], villagesFile?: string): (RosterInput | MissingInput)[] {
  if (villagesFile !== undefined) {
    return paths.map((path) => ({ path, files: [villagesFile, path], villagesFile }));
  }
  return paths.flatMap((path) => {
    const stats = statOrNull(path);
    if (!stats) return [{ path, reason: 'not-found' } satisfies MissingInput];
    if (!stats.isDirectory()) return [{ path, files: [path] }];
    const found = rostersInFolder(path);
    return found.length > 0 ? found : [{ path, reason: 'empty-folder' } satisfies MissingInput];
  });
}

export function isMissingInput(input: RosterInput | MissingInput): input is MissingInput {
  return 'reason' in input;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Every workbook under the folder, and each folder's CSV files as one roster, in path order. */
function rostersInFolder(folder: string): RosterInput[] {
  const entries = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && !entry.name.startsWith('~$'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rosters: RosterInput[] = [];
  const csvFiles: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    const extension = extname(entry.name).toLowerCase();
    if (entry.isDirectory()) rosters.push(...rostersInFolder(path));
    else if (WORKBOOK_EXTENSIONS.has(extension)) rosters.push({ path, files: [path] });
    else if (CSV_EXTENSIONS.has(extension)) csvFiles.push(path);
  }
  return csvFiles.length > 0 ? [{ path: folder, files: csvFiles }, ...rosters] : rosters;
}
