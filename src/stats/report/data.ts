// The roll-up as plain data: what `zhucun stats --format json` prints, and what every other stats
// format (and the HTML audit report) lays out. One shape for every level: county, prefecture,
// province and the total, so that a reader can treat them alike.
import { CATEGORIES, type Category, type RuleMeta, type RunResult, type Severity } from '../../types.js';
import { localize, type RenderOptions } from '../../reporters/render.js';
import { rankByErrors, rollup, share, type RollupRow } from '../rollup.js';

/** Bumped when a field is removed or changes meaning; fields may be added. */
export const STATS_VERSION = 1;

export type Level = 'county' | 'prefecture' | 'province' | 'total';
export const LEVELS: readonly Level[] = ['county', 'prefecture', 'province', 'total'];

export interface TeamSize {
  readonly teams: number;
  /** Active members over those teams. */
  readonly members: number;
  /** members / teams, to two decimals; null without teams. */
  readonly average: number | null;
}

export interface StatsRow {
  readonly level: Level;
  /** The county's code (county rows); null above the county. */
  readonly code: string | null;
  /** County, prefecture or province name; '' for the total. */
  readonly name: string;
  readonly province: string;
  /** The prefecture (市); '' for provinces and the total. */
  readonly city: string;
  /** County rows: a national key-assistance county; null above the county. */
  readonly keyCounty: boolean | null;
  /** Counties in the row (1 for a county), and how many of them are key-assistance counties. */
  readonly counties: number;
  readonly keyCounties: number;
  readonly villages: number;
  /** Every category, 0 when none; a village of two categories counts in both. */
  readonly villagesByCategory: Readonly<Record<Category, number>>;
  readonly teams: number;
  readonly activeCadres: number;
  readonly firstSecretaries: number;
  readonly tuopin: {
    readonly villages: number;
    readonly withTeam: number;
    readonly withFirstSecretary: number;
    /** withTeam / villages, to four decimals; null without 脱贫村. */
    readonly shareWithTeam: number | null;
    readonly shareWithFirstSecretary: number | null;
  };
  readonly teamSize: {
    readonly all: TeamSize;
    readonly keyCounties: TeamSize;
    readonly otherCounties: TeamSize;
  };
  readonly findings: {
    readonly total: number;
    readonly bySeverity: Readonly<Record<Severity, number>>;
    /** Every rule of the run (0 when it found nothing), by rule id. */
    readonly byRule: Readonly<Record<string, number>>;
  };
  /** Errors per hundred villages, to two decimals; null without villages. */
  readonly errorsPerHundredVillages: number | null;
}

export interface RankedCounty {
  readonly rank: number;
  readonly code: string;
  readonly name: string;
  readonly province: string;
  readonly city: string;
  readonly villages: number;
  readonly errors: number;
  readonly errorsPerHundredVillages: number | null;
}

export interface StatsData {
  readonly statsVersion: typeof STATS_VERSION;
  readonly tool: RunResult['tool'];
  readonly asOf: string;
  readonly rosters: {
    /** Rosters given or found (skipped files not counted). */
    readonly total: number;
    readonly read: number;
    readonly failed: readonly { readonly path: string; readonly code: string; readonly message: string }[];
    /** Files met while walking folders that are not rosters. */
    readonly skipped: number;
  };
  /** The rules of the run, by id: title in the chosen language, configured severity. */
  readonly rules: readonly { readonly id: string; readonly title: string; readonly severity: Severity }[];
  readonly total: StatsRow;
  readonly provinces: readonly StatsRow[];
  readonly prefectures: readonly StatsRow[];
  readonly counties: readonly StatsRow[];
  /** Counties by errors per hundred villages, most first (ties by county code). */
  readonly ranking: readonly RankedCounty[];
  /** Findings of rosters with no county figures (no village and no cadre read): in no row. */
  readonly unattributedFindings: number;
}

const round = (value: number | null, digits: number): number | null => {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

function teamSize(teams: number, members: number): TeamSize {
  return { teams, members, average: round(share(members, teams), 2) };
}

/** By code unit, not locale: the same order on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ruleIds(rules: readonly RuleMeta[], rows: readonly RollupRow[]): string[] {
  const ids = new Set(rules.map((rule) => rule.id));
  for (const row of rows) for (const id of Object.keys(row.findingsByRule)) ids.add(id);
  return [...ids].sort(compare);
}

interface Membership {
  readonly counties: number;
  readonly keyCounties: number;
}

function statsRow(level: Level, row: RollupRow, members: Membership, keyCounty: boolean | null, ids: readonly string[]): StatsRow {
  const villagesByCategory = Object.fromEntries(CATEGORIES.map((category) => [category, row.villagesByCategory[category] ?? 0])) as Record<Category, number>;
  const byRule = Object.fromEntries(ids.map((id) => [id, row.findingsByRule[id] ?? 0]));
  const { error, warning, info } = row.findingsBySeverity;
  return {
    level,
    code: level === 'county' ? row.key : null,
    name: row.name,
    province: row.province,
    city: level === 'county' || level === 'prefecture' ? row.city : '',
    keyCounty,
    counties: members.counties,
    keyCounties: members.keyCounties,
    villages: row.villages,
    villagesByCategory,
    teams: row.teams,
    activeCadres: row.activeCadres,
    firstSecretaries: row.firstSecretaries,
    tuopin: {
      villages: row.tuopinVillages,
      withTeam: row.tuopinWithTeam,
      withFirstSecretary: row.tuopinWithFirstSecretary,
      shareWithTeam: round(share(row.tuopinWithTeam, row.tuopinVillages), 4),
      shareWithFirstSecretary: round(share(row.tuopinWithFirstSecretary, row.tuopinVillages), 4),
    },
    teamSize: {
      all: teamSize(row.teams, row.teamMembers),
      keyCounties: teamSize(row.keyTeams, row.keyTeamMembers),
      otherCounties: teamSize(row.otherTeams, row.otherTeamMembers),
    },
    findings: { total: error + warning + info, bySeverity: { error, warning, info }, byRule },
    errorsPerHundredVillages: round(share(100 * error, row.villages), 2),
  };
}

/** The roll-up of a run, with the rows' words (rule titles, failure messages) in the chosen language. */
export function statsData(result: RunResult, options: RenderOptions): StatsData {
  const rolled = rollup(result.rosters);
  const keyCounty = new Map<string, boolean>();
  for (const roster of result.rosters) {
    for (const stats of roster.stats ?? []) keyCounty.set(stats.countyCode, (keyCounty.get(stats.countyCode) ?? false) || stats.keyCounty);
  }
  const ids = ruleIds(result.rules, [rolled.total]);
  const membership = (within: (row: RollupRow) => boolean): Membership => {
    const counties = rolled.counties.filter(within);
    return { counties: counties.length, keyCounties: counties.filter((row) => keyCounty.get(row.key) === true).length };
  };
  const counties = rolled.counties.map((row) => {
    const key = keyCounty.get(row.key) === true;
    return statsRow('county', row, { counties: 1, keyCounties: key ? 1 : 0 }, key, ids);
  });
  const prefectures = rolled.prefectures.map((row) =>
    statsRow('prefecture', row, membership((county) => county.province === row.province && county.city === row.city), null, ids),
  );
  const provinces = rolled.provinces.map((row) => statsRow('province', row, membership((county) => county.province === row.province), null, ids));
  const total = statsRow('total', rolled.total, membership(() => true), null, ids);
  const allFindings = result.rosters.reduce((sum, roster) => sum + roster.findings.length, 0);
  const failed = result.rosters.filter((roster) => roster.failure !== null);
  const rulesById = new Map(result.rules.map((rule) => [rule.id, rule]));
  return {
    statsVersion: STATS_VERSION,
    tool: result.tool,
    asOf: result.asOf,
    rosters: {
      total: result.rosters.length,
      read: result.rosters.length - failed.length,
      failed: failed.map((roster) => ({ path: roster.path, code: roster.failure!.code, message: localize(roster.failure!.message, options) })),
      skipped: result.skipped?.length ?? 0,
    },
    rules: ids.flatMap((id) => {
      const rule = rulesById.get(id);
      return rule ? [{ id, title: rule.title[options.lang], severity: rule.severity }] : [];
    }),
    total,
    provinces,
    prefectures,
    counties,
    ranking: rankByErrors(rolled.counties).map(({ row }, index) => ({
      rank: index + 1,
      code: row.key,
      name: row.name,
      province: row.province,
      city: row.city,
      villages: row.villages,
      errors: row.findingsBySeverity.error,
      errorsPerHundredVillages: round(share(100 * row.findingsBySeverity.error, row.villages), 2),
    })),
    unattributedFindings: allFindings - total.findings.total,
  };
}
