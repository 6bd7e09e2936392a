import { compactKey } from '../normalise/text.js';
import type { Roster, Team, Village } from '../types.js';

/** The villages by code and by name, computed once per roster from their facts alone. */
export interface VillageIndex {
  readonly villagesByCode: ReadonlyMap<string, Village>;
  /** How many villages carry each name (compacted), for cadres given by village name alone. */
  readonly villageNameCounts: ReadonlyMap<string, number>;
}

/**
 * Teams and active first secretaries by the village they are in, computed once per roster. Asking
 * for it forms the teams: the engine asks only after its walk over the cadre rows (kind.ts, `needs.teams`).
 */
export interface TeamIndex {
  readonly teamsByVillage: ReadonlyMap<string, readonly Team[]>;
  readonly teamIds: ReadonlySet<string>;
  /** How many active first secretaries each village has. */
  readonly firstSecretaryCounts: ReadonlyMap<string, number>;
}

export const villageIndexOf = cachedPerRoster(indexVillages);
export const teamIndexOf = cachedPerRoster(indexTeams);

function cachedPerRoster<T extends object>(build: (roster: Roster) => T): (roster: Roster) => T {
  const cache = new WeakMap<Roster, T>();
  return (roster) => {
    let index = cache.get(roster);
    if (!index) {
      index = build(roster);
      cache.set(roster, index);
    }
    return index;
  };
}

function indexVillages(roster: Roster): VillageIndex {
  const villagesByCode = new Map<string, Village>();
  const villageNameCounts = new Map<string, number>();
  for (const village of roster.villages ?? []) {
    villagesByCode.set(village.code, village);
    const name = compactKey(village.name);
    villageNameCounts.set(name, (villageNameCounts.get(name) ?? 0) + 1);
  }
  return { villagesByCode, villageNameCounts };
}

function indexTeams(roster: Roster): TeamIndex {
  const teamsByVillage = new Map<string, Team[]>();
  const teamIds = new Set<string>();
  const firstSecretaryCounts = new Map<string, number>();
  for (const team of roster.teams) {
    push(teamsByVillage, team.villageCode, team);
    if (team.id !== null) teamIds.add(team.id);
    for (const member of team.activeMembers) {
      if (member.firstSecretary) firstSecretaryCounts.set(member.villageCode, (firstSecretaryCounts.get(member.villageCode) ?? 0) + 1);
    }
  }
  return { teamsByVillage, teamIds, firstSecretaryCounts };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
