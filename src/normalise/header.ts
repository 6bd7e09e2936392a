import type { MergedRange, RawSheet } from '../types.js';
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
  const area = headerArea(sheet);
  let best: HeaderMatch<K> | null = null;
  for (let row = 0; row < area.candidateRows; row++) {
    for (const candidate of [matchSingleRow(area, row, lookup), matchTwoRows(area, row, lookup)]) {
      if (candidate && (!best || score(candidate) > score(best))) best = candidate;
    }
  }
  return best;
}

/** More recognised columns win; on a tie a single-row header beats a title row read as a group row. */
function score(match: HeaderMatch<string>): number {
  return match.columns.size * 2 + (match.dataStart - match.headerRow === 1 ? 1 : 0);
}

/**
 * The rows a header may be in, as text and as compact keys, read once per sheet: each sheet is
 * searched for a village header and a cadre header, each row as a header alone and as the top of two.
 */
interface HeaderArea {
  readonly candidateRows: number;
  /** The cells' texts by row (one row more than the candidates: the second row of a two-row header). */
  readonly texts: readonly (readonly string[])[];
  /** The same, compacted (compactKey): what is looked up. */
  readonly keys: readonly (readonly string[])[];
  /** Where the text shown at (row, column) is: a merged range's text is in its top-left cell only; null when none. */
  groupColumn(row: number, column: number): number | null;
}

const areas = new WeakMap<RawSheet, HeaderArea>();

function headerArea(sheet: RawSheet): HeaderArea {
  let area = areas.get(sheet);
  if (!area) areas.set(sheet, (area = readHeaderArea(sheet)));
  return area;
}

function readHeaderArea(sheet: RawSheet): HeaderArea {
  const candidateRows = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  const texts: string[][] = [];
  for (let row = 0; row <= candidateRows && row < sheet.rows.length; row++) texts.push((sheet.rows.at(row) ?? []).map(cellText));
  return {
    candidateRows,
    texts,
    keys: texts.map((row) => row.map(compactKey)),
    groupColumn(row, column) {
      const range = sheet.merges.find((merge) => contains(merge, row, column));
      if (range && range.firstRow !== row) return null;
      return range ? range.firstColumn : column;
    },
  };
}

/** The column key a header word names; a word longer than every alias names none (most cells of data rows). */
function keyNamed<K extends string>(lookup: ReadonlyMap<string, K>, word: string): K | undefined {
  return word.length > longestWord(lookup) ? undefined : lookup.get(word);
}

const longestWords = new WeakMap<ReadonlyMap<string, string>, number>();

function longestWord(lookup: ReadonlyMap<string, string>): number {
  let longest = longestWords.get(lookup);
  if (longest === undefined) longestWords.set(lookup, (longest = Math.max(0, ...[...lookup.keys()].map((word) => word.length))));
  return longest;
}

function matchSingleRow<K extends string>(area: HeaderArea, row: number, lookup: ReadonlyMap<string, K>): HeaderMatch<K> | null {
  const columns = new Map<K, { index: number; text: string }>();
  const texts: string[] = [];
  const keys = area.keys[row]!;
  area.texts[row]!.forEach((text, index) => {
    if (text === '') return;
    texts.push(text);
    claim(columns, keyNamed(lookup, keys[index]!), index, text);
  });
  return columns.size === 0 ? null : { headerRow: row, dataStart: row + 1, columns, texts };
}

/**
 * A two-row header: a group cell merged across columns over its sub-headers (派出单位 over 名称 / 层级).
 * A sub-header is tried as group + sub-header with their shared characters written once
 * (所驻村 + 村代码 = 所驻村代码), then both plainly, then alone.
 */
function matchTwoRows<K extends string>(area: HeaderArea, row: number, lookup: ReadonlyMap<string, K>): HeaderMatch<K> | null {
  const top = area.texts[row]!;
  const bottom = area.texts[row + 1] ?? [];
  if (!bottom.some((text) => text !== '')) return null;
  const columns = new Map<K, { index: number; text: string }>();
  const texts: string[] = [];
  const width = Math.max(top.length, bottom.length);
  for (let index = 0; index < width; index++) {
    const at = area.groupColumn(row, index);
    const group = at === null ? '' : (top[at] ?? '');
    const groupKey = at === null ? '' : (area.keys[row]![at] ?? '');
    const sub = bottom[index] ?? '';
    if (sub === '') {
      if (group === '') continue;
      texts.push(group);
      claim(columns, keyNamed(lookup, groupKey), index, group);
      continue;
    }
    const text = group === '' ? sub : `${group}/${sub}`;
    texts.push(text);
    claim(columns, subHeaderKey(groupKey, area.keys[row + 1]![index]!, lookup), index, text);
  }
  return columns.size === 0 ? null : { headerRow: row, dataStart: row + 2, columns, texts };
}

function subHeaderKey<K extends string>(group: string, sub: string, lookup: ReadonlyMap<string, K>): K | undefined {
  // Joined, the words are at least as long as the longer of the two: too long to be a header, they are not tried.
  const joinable = group !== '' && Math.max(group.length, sub.length) <= longestWord(lookup);
  return (joinable ? (keyNamed(lookup, joinShared(group, sub)) ?? keyNamed(lookup, group + sub)) : undefined) ?? keyNamed(lookup, sub);
}

function claim<K extends string>(columns: Map<K, { index: number; text: string }>, key: K | undefined, index: number, text: string): void {
  if (key !== undefined && !columns.has(key)) columns.set(key, { index, text });
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
