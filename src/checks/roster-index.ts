import type { Roster, Team } from '../types.js';

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

const cache = new WeakMap<Roster, TeamIndex>();

export function teamIndexOf(roster: Roster): TeamIndex {
  let index = cache.get(roster);
  if (!index) {
    index = indexTeams(roster);
    cache.set(roster, index);
  }
  return index;
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
