// What the user named → the rosters to read: a workbook; a folder (each workbook under it, and each
// folder's CSV files as one pair); a shell-style pattern (rosters/**/*.xlsx); or a cadre CSV with
// --villages naming the village CSV.
import { readdirSync, statSync, type Stats } from 'node:fs';
import { extname, join, sep } from 'node:path';
import type { RosterInput } from './load/index.js';

const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.ods', '.et']);
const CSV_EXTENSIONS = new Set(['.csv', '.txt']);

export interface DiscoveredInput extends RosterInput {
  /** Named on the command line, rather than met while walking a folder: a non-roster then fails. */
  readonly explicit: boolean;
}

/** A named path that holds no roster (a failed roster, not a crash), or a file met in a folder that is not a spreadsheet. */
export interface MissingInput {
  readonly path: string;
  readonly reason: 'not-found' | 'empty-folder' | 'not-a-spreadsheet';
}

export function rosterInputs(paths: readonly string[], villagesFile?: string): (DiscoveredInput | MissingInput)[] {
  if (villagesFile !== undefined) {
    return paths.map((path) => ({ path, files: [villagesFile, path], villagesFile, explicit: true }));
  }
  return paths.flatMap((path) => (isPattern(path) ? expandPattern(path) : namedPath(path)));
}

function namedPath(path: string): (DiscoveredInput | MissingInput)[] {
  const stats = statOrNull(path);
  if (!stats) return [{ path, reason: 'not-found' }];
  if (!stats.isDirectory()) return [{ path, files: [path], explicit: true }];
  const found = rostersInFolder(path);
  return found.some((input) => !('reason' in input)) ? found : [{ path, reason: 'empty-folder' }, ...found];
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Every workbook under the folder, and each folder's CSV files as one roster, in path order. */
function rostersInFolder(folder: string): (DiscoveredInput | MissingInput)[] {
  const entries = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && !entry.name.startsWith('~$'))
    .sort(byName);
  const rosters: (DiscoveredInput | MissingInput)[] = [];
  const csvFiles: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    const extension = extname(entry.name).toLowerCase();
    if (entry.isDirectory()) rosters.push(...rostersInFolder(path));
    else if (WORKBOOK_EXTENSIONS.has(extension)) rosters.push({ path, files: [path], explicit: false });
    else if (CSV_EXTENSIONS.has(extension)) csvFiles.push(path);
    else rosters.push({ path, reason: 'not-a-spreadsheet' });
  }
  return csvFiles.length > 0 ? [{ path: folder, files: csvFiles, explicit: false }, ...rosters] : rosters;
}

// Patterns: `*` and `?` within a name, `**` across folders, `[...]` a character class.
function isPattern(path: string): boolean {
  return /[*?[]/.test(path);
}

function patternRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The files matching a pattern, walked from its fixed leading folders; each a roster named explicitly. */
function expandPattern(pattern: string): (DiscoveredInput | MissingInput)[] {
  const normalised = pattern.split(sep).join('/');
  const parts = normalised.split('/');
  const fixed = parts.slice(0, parts.findIndex((part) => isPattern(part)));
  const root = fixed.length === 0 ? '.' : fixed.join('/') || '/';
  const matcher = patternRegExp(normalised.startsWith('./') ? normalised.slice(2) : normalised);
  const matches = walkFiles(root).filter((file) => matcher.test(file.startsWith('./') ? file.slice(2) : file));
  if (matches.length === 0) return [{ path: pattern, reason: 'not-found' }];
  return matches.map((file) => ({ path: file, files: [file], explicit: true }));
}

function walkFiles(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true }).sort(byName);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = folder === '.' ? entry.name : `${folder}/${entry.name}`;
    return entry.isDirectory() ? walkFiles(path) : [path];
  });
}
