// The roll-up of a batch: per county, prefecture, province and in total, with findings by rule and
// counties ranked by errors per hundred villages.
import type { Finding, RosterResult, Severity } from '../types.js';
import type { CountyStats } from './county-stats.js';

/** A county's own counts (its identity left out), summed over any group of counties. */
type CountyCounts = Omit<CountyStats, 'countyCode' | 'province' | 'city' | 'county' | 'keyCounty' | 'villagesByCategory'>;

export interface Figures extends CountyCounts {
  readonly villagesByCategory: Readonly<Record<string, number>>;
  /** Teams and members in national key-assistance counties, and elsewhere. */
  readonly keyTeams: number;
  readonly keyTeamMembers: number;
  readonly otherTeams: number;
  readonly otherTeamMembers: number;
  readonly findingsByRule: Readonly<Record<string, number>>;
  readonly findingsBySeverity: Readonly<Record<Severity, number>>;
}

export interface RollupRow extends Figures {
  /** County code, city name, or province name; '' for the total. */
  readonly key: string;
  readonly name: string;
  readonly province: string;
  readonly city: string;
}

export interface Rollup {
  readonly counties: readonly RollupRow[];
  readonly prefectures: readonly RollupRow[];
  readonly provinces: readonly RollupRow[];
  readonly total: RollupRow;
}

type Counts = {
  -readonly [K in keyof Figures]: Figures[K] extends number ? number : K extends 'findingsBySeverity' ? Record<Severity, number> : Record<string, number>;
};

function emptyFigures(): Counts {
  return {
    villages: 0,
    villagesByCategory: {},
    tuopinVillages: 0,
    tuopinWithTeam: 0,
    tuopinWithFirstSecretary: 0,
    teams: 0,
    activeCadres: 0,
    firstSecretaries: 0,
    teamMembers: 0,
    keyTeams: 0,
    keyTeamMembers: 0,
    otherTeams: 0,
    otherTeamMembers: 0,
    findingsByRule: {},
    findingsBySeverity: { error: 0, warning: 0, info: 0 },
  };
}

function addCounty(into: Counts, stats: CountyStats): void {
  const counts: (keyof CountyCounts)[] = ['villages', 'tuopinVillages', 'tuopinWithTeam', 'tuopinWithFirstSecretary', 'teams', 'activeCadres', 'firstSecretaries', 'teamMembers'];
  for (const key of counts) into[key] += stats[key];
  for (const [category, n] of Object.entries(stats.villagesByCategory)) into.villagesByCategory[category] = (into.villagesByCategory[category] ?? 0) + n;
  if (stats.keyCounty) {
    into.keyTeams += stats.teams;
    into.keyTeamMembers += stats.teamMembers;
  } else {
    into.otherTeams += stats.teams;
    into.otherTeamMembers += stats.teamMembers;
  }
}

function addFigures(into: Counts, from: Figures): void {
  for (const [key, value] of Object.entries(from) as [keyof Figures, Figures[keyof Figures]][]) {
    if (typeof value === 'string') continue; // the row's labels, not figures
    if (typeof value === 'number') (into[key] as number) += value;
    else for (const [k, n] of Object.entries(value)) (into[key] as Record<string, number>)[k] = ((into[key] as Record<string, number>)[k] ?? 0) + n;
  }
}

function addFinding(into: Counts, finding: Finding): void {
  into.findingsByRule[finding.ruleId] = (into.findingsByRule[finding.ruleId] ?? 0) + 1;
  into.findingsBySeverity[finding.severity] += 1;
}

/** Every roster's county figures, and each finding attributed to its village's county. */
export function rollup(rosters: readonly RosterResult[]): Rollup {
  const counties = new Map<string, { stats: CountyStats; figures: Counts }>();
  for (const roster of rosters) {
    for (const stats of roster.stats ?? []) {
      const entry = counties.get(stats.countyCode) ?? { stats, figures: emptyFigures() };
      addCounty(entry.figures, stats);
      counties.set(stats.countyCode, entry);
    }
    const fallback = roster.stats?.[0]?.countyCode;
    for (const finding of roster.findings) {
      const code = finding.entity.villageCode?.slice(0, 6);
      const entry = (code && counties.get(code)) || (fallback && counties.get(fallback));
      if (entry) addFinding(entry.figures, finding);
    }
  }
  const countyRows = [...counties.values()]
    .map(({ stats, figures }) => ({ ...figures, key: stats.countyCode, name: stats.county || stats.countyCode, province: stats.province, city: stats.city }))
    .sort(compareRows);
  const prefectures = groupRows(countyRows, (row) => `${row.province}\u0000${row.city}`, (row) => ({ name: row.city, province: row.province, city: row.city }));
  const provinces = groupRows(countyRows, (row) => row.province, (row) => ({ name: row.province, province: row.province, city: '' }));
  const total = groupRows(countyRows, () => '', () => ({ name: '', province: '', city: '' }))[0] ?? { ...emptyFigures(), key: '', name: '', province: '', city: '' };
  return { counties: countyRows, prefectures, provinces, total };
}

/** Rows grouped (by prefecture, province), in the order of their first county's division code. */
function groupRows(rows: readonly RollupRow[], keyOf: (row: RollupRow) => string, label: (row: RollupRow) => Omit<RollupRow, keyof Figures | 'key'>): RollupRow[] {
  const groups = new Map<string, RollupRow & Counts>();
  for (const row of rows) {
    const key = keyOf(row);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ...emptyFigures(), key, ...label(row) }));
    addFigures(group, row);
  }
  return [...groups.values()];
}

function compareRows(a: RollupRow, b: RollupRow): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Counties with the most errors per hundred villages first. */
export function rankByErrors(rows: readonly RollupRow[]): { row: RollupRow; errorsPerHundred: number }[] {
  return rows
    .map((row) => ({ row, errorsPerHundred: row.villages === 0 ? 0 : (100 * row.findingsBySeverity.error) / row.villages }))
    .sort((a, b) => b.errorsPerHundred - a.errorsPerHundred || compareRows(a.row, b.row));
}
