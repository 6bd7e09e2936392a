import type { MergedRange, RawCell, RawSheet } from '../types.js';
import type { ColumnAliases, ColumnSpec } from './columns.js';
import { cellText, compactKey } from './text.js';

/** Where a sheet's header is and which column holds which key. */
export interface HeaderMatch<K extends string> {
  /** 0-based index of the first data row. */
  readonly dataStart: number;
  /** 0-based index of the header's first row. */
  readonly headerRow: number;
  readonly columns: ReadonlyMap<K, { index: number; text: string }>;
  /** Every header text found, for the message when no roster sheet is recognised. */
  readonly texts: readonly string[];
}

// Title rows above the header are a handful at most; a header further down is not one.
const HEADER_SEARCH_ROWS = 30;

export function aliasLookup<K extends string>(specs: readonly ColumnSpec<K>[], extra: ColumnAliases = {}): Map<string, K> {
  const lookup = new Map<string, K>();
  for (const spec of specs) {
    const extraAliases = Object.hasOwn(extra, spec.key) ? extra[spec.key] : [];
    for (const name of [spec.header, ...spec.aliases, ...extraAliases]) {
      const key = compactKey(name);
      if (!lookup.has(key)) lookup.set(key, spec.key);
    }
  }
  return lookup;
}

/** The best header of a sheet for one kind of row: single or two-row, found in its first rows. */
export function findHeader<K extends string>(sheet: RawSheet, lookup: ReadonlyMap<string, K>): HeaderMatch<K> | null {
  let best: HeaderMatch<K> | null = null;
  const lastCandidate = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let row = 0; row < lastCandidate; row++) {
    for (const candidate of [matchSingleRow(sheet, row, lookup), matchTwoRows(sheet, row, lookup)]) {
      if (candidate && (!best || score(candidate) > score(best))) best = candidate;
    }
  }
  return best;
}

/** More recognised columns win; on a tie a single-row header beats a title row read as a group row. */
function score(match: HeaderMatch<string>): number {
  return match.columns.size * 2 + (match.dataStart - match.headerRow === 1 ? 1 : 0);
}

function matchSingleRow<K extends string>(sheet: RawSheet, row: number, lookup: ReadonlyMap<string, K>): HeaderMatch<K> | null {
  const cells = sheet.rows.at(row) ?? [];
  const columns = new Map<K, { index: number; text: string }>();
  const texts: string[] = [];
  cells.forEach((cell, index) => {
    const text = cellText(cell);
    if (text === '') return;
    texts.push(text);
    claim(columns, lookup.get(compactKey(text)), index, text);
  });
  return columns.size === 0 ? null : { headerRow: row, dataStart: row + 1, columns, texts };
}

/**
 * A two-row header: a group cell merged across columns over its sub-headers (派出单位 over 名称 / 层级).
 * A sub-header is tried as group + sub-header with their shared characters written once
 * (所驻村 + 村代码 = 所驻村代码), then both plainly, then alone.
 */
function matchTwoRows<K extends string>(sheet: RawSheet, row: number, lookup: ReadonlyMap<string, K>): HeaderMatch<K> | null {
  const top = sheet.rows.at(row) ?? [];
  const bottom = sheet.rows.at(row + 1) ?? [];
  if (!bottom.some((cell) => cellText(cell) !== '')) return null;
  const columns = new Map<K, { index: number; text: string }>();
  const texts: string[] = [];
  const width = Math.max(top.length, bottom.length);
  for (let index = 0; index < width; index++) {
    const group = cellText(groupCell(sheet, row, index) ?? null);
    const sub = cellText(bottom[index] ?? null);
    if (sub === '') {
      if (group === '') continue;
      texts.push(group);
      claim(columns, lookup.get(compactKey(group)), index, group);
      continue;
    }
    const text = group === '' ? sub : `${group}/${sub}`;
    texts.push(text);
    const names = group === '' ? [sub] : [joinShared(group, sub), group + sub, sub];
    claim(columns, firstKnown(names, lookup), index, text);
  }
  return columns.size === 0 ? null : { headerRow: row, dataStart: row + 2, columns, texts };
}

function claim<K extends string>(columns: Map<K, { index: number; text: string }>, key: K | undefined, index: number, text: string): void {
  if (key !== undefined && !columns.has(key)) columns.set(key, { index, text });
}

function firstKnown<K extends string>(names: string[], lookup: ReadonlyMap<string, K>): K | undefined {
  for (const name of names) {
    const key = lookup.get(compactKey(name));
    if (key !== undefined) return key;
  }
  return undefined;
}

/** The value shown at (row, column): a merged range's value lives in its top-left cell only. */
function groupCell(sheet: RawSheet, row: number, column: number): RawCell | undefined {
  const range = sheet.merges.find((merge) => contains(merge, row, column));
  if (range && range.firstRow === row) return sheet.rows.at(row)?.[range.firstColumn];
  return range ? null : sheet.rows.at(row)?.[column];
}

function contains(range: MergedRange, row: number, column: number): boolean {
  return row >= range.firstRow && row <= range.lastRow && column >= range.firstColumn && column <= range.lastColumn;
}

/** 所驻村 + 村代码 → 所驻村代码: the longest end of the group that begins the sub-header is written once. */
export function joinShared(group: string, sub: string): string {
  const a = compactKey(group);
  const b = compactKey(sub);
  for (let overlap = Math.min(a.length, b.length); overlap > 0; overlap--) {
    if (a.endsWith(b.slice(0, overlap))) return a + b.slice(overlap);
  }
  return a + b;
}
