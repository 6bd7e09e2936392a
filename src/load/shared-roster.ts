// A loaded roster handed to another thread without copying its rows: a CSV roster, whose files
// were read into shared memory (read-file.ts), crosses as its bytes' shared buffer and the line
// offsets its scan found. A workbook's cells are JavaScript values and do not share.
import type { LoadedRoster } from '../types.js';
import { CsvRows, type SharedCsvRows } from './csv-rows.js';

export interface SharedRoster {
  readonly path: string;
  readonly villageSheetName?: string;
  readonly sheets: readonly { readonly file: string; readonly name: string; readonly rows: SharedCsvRows }[];
}

/** The roster as another thread can take it; null unless every sheet is CSV rows in shared memory. */
export function shareRoster(loaded: LoadedRoster): SharedRoster | null {
  const sheets: SharedRoster['sheets'][number][] = [];
  for (const sheet of loaded.sheets) {
    const rows = sheet.rows instanceof CsvRows ? sheet.rows.share() : null;
    if (rows === null) return null;
    sheets.push({ file: sheet.file, name: sheet.name, rows });
  }
  const { path, villageSheetName } = loaded;
  return villageSheetName === undefined ? { path, sheets } : { path, villageSheetName, sheets };
}

/** The roster another thread shared, reading the same bytes. */
export function rosterFromShared(shared: SharedRoster): LoadedRoster {
  const sheets = shared.sheets.map(({ file, name, rows }) => ({ file, name, rows: CsvRows.fromShared(rows), merges: [] }));
  const { path, villageSheetName } = shared;
  return villageSheetName === undefined ? { path, sheets } : { path, villageSheetName, sheets };
}
