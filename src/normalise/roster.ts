import type {
  Cadre,
  CadreFields,
  CadreKey,
  Category,
  KeyCountyList,
  LoadedRoster,
  Roster,
  Team,
  Village,
  VillageFields,
  VillageKey,
} from '../types.js';
import { CADRE_COLUMNS, VILLAGE_COLUMNS, type ColumnAliases, type ColumnSpec } from './columns.js';
import { aliasLookup, type HeaderMatch } from './header.js';
import { readDataRows, type DataRow } from './rows.js';
import { meant } from './values.js';
import { findRosterSheets, type FoundSheet } from './sheets.js';
import { compactKey } from './text.js';

export interface NormaliseOptions {
  /** Extra header aliases per column key (a province's template). */
  readonly columns?: ColumnAliases;
  readonly keyCounties: KeyCountyList;
}

const ACTIVE_STATUS = '在岗';
const FIRST_SECRETARY_ROLES = new Set(['第一书记', '第一书记兼队长']);
const LEADER_ROLES = new Set(['队长', '第一书记兼队长']);

/** Rows → a typed roster: villages, cadres and teams, every value with its source cell. */
export function normaliseRoster(loaded: LoadedRoster, options: NormaliseOptions): Roster {
  const lookups = {
    villages: aliasLookup(VILLAGE_COLUMNS, options.columns),
    cadres: aliasLookup(CADRE_COLUMNS, options.columns),
  };
  const found = findRosterSheets(loaded, lookups);
  const villages = found.villages ? readVillages(found.villages, options.keyCounties) : null;
  const cadres = readCadres(found.cadres, villages);
  return {
    path: loaded.path,
    villages,
    cadres,
    teams: formTeams(cadres, villages),
    villageSheet: found.villages?.sheet.name ?? null,
    cadreSheet: found.cadres.sheet.name,
    missing: {
      villages: found.villages ? missingKeys(VILLAGE_COLUMNS, found.villages.header) : [],
      cadres: missingKeys(CADRE_COLUMNS, found.cadres.header),
    },
    headers: {
      villages: found.villages ? headerTexts(found.villages.header) : {},
      cadres: headerTexts(found.cadres.header),
    },
    headerRows: {
      villages: found.villages ? found.villages.header.headerRow + 1 : null,
      cadres: found.cadres.header.headerRow + 1,
    },
    keyCountySource: options.keyCounties.file,
  };
}

function specMap<K extends string>(specs: readonly ColumnSpec<K>[]): Map<K, ColumnSpec<K>> {
  return new Map(specs.map((spec) => [spec.key, spec]));
}

function missingKeys<K extends string>(specs: readonly ColumnSpec<K>[], header: HeaderMatch<K>): K[] {
  return specs.filter((spec) => !header.columns.has(spec.key)).map((spec) => spec.key);
}

function headerTexts<K extends string>(header: HeaderMatch<K>): Partial<Record<K, string>> {
  const texts = Object.create(null) as Partial<Record<K, string>>;
  for (const [key, column] of header.columns) texts[key] = column.text;
  return texts;
}

function readVillages(found: FoundSheet<VillageKey>, keyCounties: KeyCountyList): Village[] {
  return readDataRows(found.sheet, found.header, specMap(VILLAGE_COLUMNS)).map((row) => toVillage(row, keyCounties));
}

function toVillage(row: DataRow<VillageKey>, keyCounties: KeyCountyList): Village {
  const fields = row.fields as VillageFields;
  const code = fields.villageCode?.value ?? fields.villageCode?.raw ?? '';
  return {
    kind: 'village',
    source: row.source,
    fields,
    code,
    name: fields.village?.raw ?? '',
    categories: fields.categories?.value ?? ([] as Category[]),
    keyCounty: isKeyCounty(fields, code, keyCounties),
    lightTask: fields.lightTask?.value === true,
  };
}

/** The roster's own 是否国家乡村振兴重点帮扶县, when filled, takes precedence over the reference list. */
function isKeyCounty(fields: VillageFields, villageCode: string, keyCounties: KeyCountyList): boolean {
  const own = fields.keyCounty;
  if (own && own.raw !== '' && own.value !== null) return own.value;
  const countyCode = fields.countyCode?.value ?? villageCode.slice(0, 6);
  return keyCounties.codes.has(countyCode);
}

function readCadres(found: FoundSheet<CadreKey>, villages: readonly Village[] | null): Cadre[] {
  const byName = villagesByName(villages ?? []);
  return readDataRows(found.sheet, found.header, specMap(CADRE_COLUMNS)).map((row) => toCadre(row, byName));
}

function villagesByName(villages: readonly Village[]): Map<string, string | null> {
  const codes = new Map<string, string | null>();
  for (const village of villages) {
    const name = compactKey(village.name);
    // Two villages of one name cannot be told apart by name: the code must be given.
    codes.set(name, codes.has(name) ? null : village.code);
  }
  return codes;
}

function toCadre(row: DataRow<CadreKey>, villagesByName: Map<string, string | null>): Cadre {
  const fields = row.fields as CadreFields;
  const role = meant(fields.role);
  const status = meant(fields.status);
  return {
    kind: 'cadre',
    source: row.source,
    fields,
    idNumber: fields.idNumber?.value ?? '',
    villageCode: cadreVillageCode(fields, villagesByName),
    // Blank, or a misspelling with no likely meaning: the roster format's default is 在岗.
    active: status === null || status === ACTIVE_STATUS,
    firstSecretary: role !== null && FIRST_SECRETARY_ROLES.has(role),
    leader: role !== null && LEADER_ROLES.has(role),
  };
}

function cadreVillageCode(fields: CadreFields, villagesByName: Map<string, string | null>): string {
  const code = fields.villageCode;
  if (code && code.raw !== '') return code.value ?? code.raw;
  const name = fields.village?.raw;
  return (name && villagesByName.get(compactKey(name))) || '';
}

/** Active cadres sharing a team id, or with no team ids the active cadres of one village. */
function formTeams(cadres: readonly Cadre[], villages: readonly Village[] | null): Team[] {
  const members = new Map<string, { id: string | null; cadres: Cadre[] }>();
  for (const cadre of cadres) {
    if (!cadre.active || cadre.villageCode === '') continue;
    const id = cadre.fields.teamId?.raw || null;
    const key = id === null ? `village ${cadre.villageCode}` : `team ${id}`;
    const team = members.get(key);
    if (team) team.cadres.push(cadre);
    else members.set(key, { id, cadres: [cadre] });
  }
  const villagesByCode = new Map((villages ?? []).map((village) => [village.code, village]));
  return [...members.values()].map(({ id, cadres: activeMembers }) => {
    const villageCode = stationOf(activeMembers);
    return { kind: 'team', id, villageCode, village: villagesByCode.get(villageCode) ?? null, activeMembers };
  });
}

/** A team is stationed in the village of its members; where they disagree, of most of them. */
function stationOf(members: readonly Cadre[]): string {
  const counts = new Map<string, number>();
  for (const member of members) counts.set(member.villageCode, (counts.get(member.villageCode) ?? 0) + 1);
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}
