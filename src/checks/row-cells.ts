import { CADRE_COLUMNS, VILLAGE_COLUMNS, type ColumnSpec } from '../normalise/columns.js';
import type { Cell, Roster } from '../types.js';
import type { Subject } from './kind.js';

export type Sheet = 'villages' | 'cadres';

export function sheetOf(subject: Subject): Sheet | null {
  if (subject.kind === 'village') return 'villages';
  return subject.kind === 'cadre' ? 'cadres' : null;
}

export function columnsOf(sheet: Sheet): readonly ColumnSpec<string>[] {
  return sheet === 'villages' ? VILLAGE_COLUMNS : CADRE_COLUMNS;
}

export function headerOf(sheet: Sheet, key: string): string {
  return columnsOf(sheet).find((column) => column.key === key)?.header ?? key;
}

/** The cell of a row by column key; undefined when the sheet has no such column. */
export function cellOf(subject: Subject, key: string): Cell<unknown> | undefined {
  // A team, or a village's facts, has no cells.
  const fields = (subject as { readonly fields?: Readonly<Record<string, Cell<unknown> | undefined>> }).fields;
  return fields?.[key];
}

export function hasColumn(roster: Roster, sheet: Sheet, key: string): boolean {
  const missing: readonly string[] = roster.missing[sheet];
  return !missing.includes(key);
}
