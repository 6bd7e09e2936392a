import { compactKey } from '../normalise/text.js';
import type { Roster, Team, Village } from '../types.js';

/** Teams and active first secretaries by the village they are in, computed once per roster. */
export interface RosterIndex {
  readonly teamsByVillage: ReadonlyMap<string, readonly Team[]>;
  readonly teamIds: ReadonlySet<string>;
  /** How many active first secretaries each village has. */
  readonly firstSecretaryCounts: ReadonlyMap<string, number>;
  readonly villagesByCode: ReadonlyMap<string, Village>;
  /** How many villages carry each name (compacted), for cadres given by village name alone. */
  readonly villageNameCounts: ReadonlyMap<string, number>;
}

const cache = new WeakMap<Roster, RosterIndex>();

export function indexOf(roster: Roster): RosterIndex {
  let index = cache.get(roster);
  if (!index) {
    index = buildIndex(roster);
    cache.set(roster, index);
  }
  return index;
}

function buildIndex(roster: Roster): RosterIndex {
  const teamsByVillage = new Map<string, Team[]>();
  for (const team of roster.teams) push(teamsByVillage, team.villageCode, team);
  const firstSecretaryCounts = new Map<string, number>();
  for (const team of roster.teams) {
    for (const member of team.activeMembers) {
      if (member.firstSecretary) firstSecretaryCounts.set(member.villageCode, (firstSecretaryCounts.get(member.villageCode) ?? 0) + 1);
    }
  }
  return {
    teamsByVillage,
    teamIds: new Set(roster.teams.flatMap((team) => (team.id === null ? [] : [team.id]))),
    firstSecretaryCounts,
    villagesByCode: new Map((roster.villages ?? []).map((village) => [village.code, village])),
    villageNameCounts: countNames(roster.villages ?? []),
  };
}

function countNames(villages: readonly Village[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const village of villages) {
    const name = compactKey(village.name);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
