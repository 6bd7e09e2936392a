import { LoadError } from '../errors.js';
import type { CadreKey, LoadedRoster, RawCell, RawSheet, VillageKey } from '../types.js';
import { CADRE_COLUMNS, VILLAGE_COLUMNS } from './columns.js';
import { findHeader, type HeaderMatch } from './header.js';
import { shorten } from './text.js';

export interface FoundSheet<K extends string> {
  readonly sheet: RawSheet;
  readonly header: HeaderMatch<K>;
}

export interface FoundSheets {
  readonly villages: FoundSheet<VillageKey> | null;
  readonly cadres: FoundSheet<CadreKey>;
}

// A sheet is taken for a kind when it shows enough of that kind's columns, one of them identifying.
const MIN_COLUMNS = 3;
const VILLAGE_ANCHORS: readonly VillageKey[] = ['villageCode', 'categories'];
const CADRE_ANCHORS: readonly CadreKey[] = ['idNumber', 'name'];

/** The village sheet and the cadre sheet, found by their headers, not by their names or order. */
export function findRosterSheets(
  roster: LoadedRoster,
  lookups: { villages: ReadonlyMap<string, VillageKey>; cadres: ReadonlyMap<string, CadreKey> },
): FoundSheets {
  const candidates = roster.sheets.map((sheet) => ({
    sheet,
    village: qualify(findHeader(sheet, lookups.villages), VILLAGE_ANCHORS),
    cadre: qualify(findHeader(sheet, lookups.cadres), CADRE_ANCHORS),
  }));
  const named = roster.villageSheetName;
  const cadres = best(
    candidates
      .filter((c) => c.sheet.name !== named && (!c.village || (c.cadre?.columns.size ?? 0) >= c.village.columns.size))
      .map((c) => ({ sheet: c.sheet, header: c.cadre })),
  );
  if (!cadres) throw noRosterError(roster, candidates.map((c) => c.sheet));
  const villages = best(
    candidates
      .filter((c) => c.sheet !== cadres.sheet && (named === undefined || c.sheet.name === named))
      .map((c) => ({ sheet: c.sheet, header: c.village })),
  );
  return { cadres, villages };
}

function qualify<K extends string>(header: HeaderMatch<K> | null, anchors: readonly K[]): HeaderMatch<K> | null {
  if (!header || header.columns.size < MIN_COLUMNS) return null;
  return anchors.some((key) => header.columns.has(key)) ? header : null;
}

function best<K extends string>(candidates: { sheet: RawSheet; header: HeaderMatch<K> | null }[]): FoundSheet<K> | null {
  let found: FoundSheet<K> | null = null;
  for (const { sheet, header } of candidates) {
    if (header && (!found || header.columns.size > found.header.columns.size)) found = { sheet, header };
  }
  return found;
}

function noRosterError(roster: LoadedRoster, sheets: RawSheet[]): LoadError {
  const found = sheets.map((sheet) => `「${sheet.name}」: ${headersFound(sheet)}`).join('; ');
  const expected = CADRE_COLUMNS.filter((c) => c.required).map((c) => c.header).join('、');
  const villageExpected = VILLAGE_COLUMNS.filter((c) => c.required).map((c) => c.header).join('、');
  return new LoadError('NO_ROSTER', {
    zh: `${roster.path}: 未找到驻村干部名册工作表。找到的工作表及表头: ${found || '(无)'}。驻村干部表应有表头: ${expected};村庄表应有: ${villageExpected}。请按名册格式填写表头后再检查`,
    en: `${roster.path}: no cadre roster sheet found. Sheets and headers found: ${found || '(none)'}. A cadre sheet needs the headers ${expected}; a village sheet ${villageExpected}. Name the columns as the roster format says and check again`,
  });
}

// The header row a person would recognise: the first row with several filled cells, quoted briefly.
function headersFound(sheet: RawSheet): string {
  const row = firstRows(sheet, 30).find((cells) => cells.filter((cell) => cell !== null && cell !== '').length >= 2);
  if (!row) return '(空)';
  return row
    .filter((cell) => cell !== null && cell !== '')
    .slice(0, 12)
    .map((cell) => shorten(String(typeof cell === 'object' ? '' : cell), 20))
    .join('、');
}

function firstRows(sheet: RawSheet, count: number): (readonly RawCell[])[] {
  const rows: (readonly RawCell[])[] = [];
  for (let index = 0; index < Math.min(count, sheet.rows.length); index++) rows.push(sheet.rows.at(index) ?? []);
  return rows;
}
