import type { Cadre, Roster, Team } from '../types.js';

/** Teams and active first secretaries by the village they are in, computed once per roster. */
export interface RosterIndex {
  readonly teamsByVillage: ReadonlyMap<string, readonly Team[]>;
  readonly teamIds: ReadonlySet<string>;
  readonly firstSecretariesByVillage: ReadonlyMap<string, readonly Cadre[]>;
  readonly villageCodes: ReadonlySet<string>;
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
  const firstSecretariesByVillage = new Map<string, Cadre[]>();
  for (const cadre of roster.cadres) {
    if (cadre.active && cadre.firstSecretary) push(firstSecretariesByVillage, cadre.villageCode, cadre);
  }
  return {
    teamsByVillage,
    teamIds: new Set(roster.teams.flatMap((team) => (team.id === null ? [] : [team.id]))),
    firstSecretariesByVillage,
    villageCodes: new Set((roster.villages ?? []).map((village) => village.code)),
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
