// The figures the policy talks in, per county: villages by category, teams, active cadres, first
// secretaries, coverage of 脱贫村, team sizes. Computed from the roster, before its rows are released.
import { CATEGORIES, type Category, type Roster, type Village } from '../types.js';

export interface CountyStats {
  readonly countyCode: string;
  readonly province: string;
  readonly city: string;
  readonly county: string;
  readonly keyCounty: boolean;
  readonly villages: number;
  readonly villagesByCategory: Readonly<Record<Category, number>>;
  readonly tuopinVillages: number;
  readonly tuopinWithTeam: number;
  readonly tuopinWithFirstSecretary: number;
  readonly teams: number;
  readonly activeCadres: number;
  readonly firstSecretaries: number;
  /** Sum of active members over the teams, for average team size. */
  readonly teamMembers: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends Readonly<Record<Category, number>> ? Record<Category, number> : T[K] };

function emptyStats(countyCode: string): Mutable<CountyStats> {
  return {
    countyCode,
    province: '',
    city: '',
    county: '',
    keyCounty: false,
    villages: 0,
    villagesByCategory: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>,
    tuopinVillages: 0,
    tuopinWithTeam: 0,
    tuopinWithFirstSecretary: 0,
    teams: 0,
    activeCadres: 0,
    firstSecretaries: 0,
    teamMembers: 0,
  };
}

export function countyStats(roster: Roster): CountyStats[] {
  const byCounty = new Map<string, Mutable<CountyStats>>();
  const get = (code: string) => {
    let stats = byCounty.get(code);
    if (!stats) byCounty.set(code, (stats = emptyStats(code)));
    return stats;
  };
  for (const village of roster.villages ?? []) countVillage(get(village.countyCode), village);
  const countyOfCode = (villageCode: string) => roster.villagesByCode.get(villageCode)?.countyCode ?? villageCode.slice(0, 6);
  const teamVillages = new Set(roster.teams.map((team) => team.villageCode));
  const firstSecretaryVillages = new Set<string>();
  // The teams' members are the active cadres posted to a village: the ones the figures count.
  for (const team of roster.teams) {
    for (const member of team.activeMembers) {
      const stats = get(countyOfCode(member.villageCode));
      stats.activeCadres += 1;
      if (member.firstSecretary) {
        stats.firstSecretaries += 1;
        firstSecretaryVillages.add(member.villageCode);
      }
    }
  }
  for (const team of roster.teams) {
    const stats = get(countyOfCode(team.villageCode));
    stats.teams += 1;
    stats.teamMembers += team.activeMembers.length;
  }
  for (const village of roster.villages ?? []) {
    if (!village.categories.includes('脱贫村')) continue;
    const stats = get(village.countyCode);
    if (teamVillages.has(village.code)) stats.tuopinWithTeam += 1;
    if (firstSecretaryVillages.has(village.code)) stats.tuopinWithFirstSecretary += 1;
  }
  return [...byCounty.values()].sort((a, b) => (a.countyCode < b.countyCode ? -1 : a.countyCode > b.countyCode ? 1 : 0));
}

function countVillage(stats: Mutable<CountyStats>, village: Village): void {
  stats.province ||= village.province;
  stats.city ||= village.city;
  stats.county ||= village.county;
  stats.keyCounty ||= village.keyCounty;
  stats.villages += 1;
  for (const category of village.categories) stats.villagesByCategory[category] += 1;
  if (village.categories.includes('脱贫村')) stats.tuopinVillages += 1;
}
