// A loaded roster whose sheets count the rows read from them, by sheet name: for the tests that a
// walk reads each row once, or reads nothing.
import type { LoadedRoster, RawSheet } from '../../src/types.js';

export function withCountedReads(loaded: LoadedRoster): { loaded: LoadedRoster; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const sheets = loaded.sheets.map((sheet): RawSheet => ({
    ...sheet,
    rows: {
      length: sheet.rows.length,
      at: (index) => {
        reads.set(sheet.name, (reads.get(sheet.name) ?? 0) + 1);
        return sheet.rows.at(index);
      },
    },
  }));
  return { loaded: { ...loaded, sheets }, reads };
}
