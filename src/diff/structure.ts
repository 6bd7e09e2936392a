// Teams whose active strength changed, and villages that gained or lost a team or a first
// secretary (or were added to or dropped from the village sheet).
import type { Roster } from '../types.js';
import { cadresOf, villageName } from './people.js';
import type { TeamChange, VillageChange, VillageEvent } from './types.js';

/** Teams are matched by id when both rosters give team ids, else as each village's active cadres. */
export function byTeamId(previous: Roster, current: Roster): boolean {
  return !previous.missing.cadres.includes('teamId') && !current.missing.cadres.includes('teamId');
}

interface Strength {
  readonly teamId: string | null;
  readonly villageCode: string;
  readonly size: number;
}

function strengths(roster: Roster, useIds: boolean): Map<string, Strength> {
  const found = new Map<string, Strength>();
  for (const team of roster.teams) {
    const teamId = useIds ? team.id : null;
    const key = teamId !== null ? `team ${teamId}` : `village ${team.villageCode}`;
    const known = found.get(key);
    found.set(key, { teamId, villageCode: known?.villageCode ?? team.villageCode, size: (known?.size ?? 0) + team.activeMembers.length });
  }
  return found;
}

export function compareTeams(previous: Roster, current: Roster): TeamChange[] {
  const useIds = byTeamId(previous, current);
  const before = strengths(previous, useIds);
  const after = strengths(current, useIds);
  const changes: TeamChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const is = after.get(key);
    const size = { before: was?.size ?? 0, after: is?.size ?? 0 };
    if (size.before === size.after) continue;
    const shown = is ?? was!;
    const roster = is ? current : previous;
    changes.push({
      teamId: shown.teamId,
      villageCode: shown.villageCode,
      village: villageName(roster, shown.villageCode) ?? villageName(previous, shown.villageCode) ?? '',
      ...size,
      change: size.before === 0 ? 'formed' : size.after === 0 ? 'dissolved' : 'resized',
    });
  }
  return changes.sort((a, b) => compare(a.villageCode, b.villageCode) || compare(a.teamId ?? '', b.teamId ?? ''));
}

interface VillageState {
  readonly teams: number;
  readonly firstSecretaries: number;
  readonly listed: boolean | null;
}

function villageStates(roster: Roster): { state(code: string): VillageState; codes: Set<string> } {
  const teams = new Map<string, number>();
  for (const team of roster.teams) teams.set(team.villageCode, (teams.get(team.villageCode) ?? 0) + 1);
  const firstSecretaries = new Map<string, number>();
  for (const cadre of cadresOf(roster)) {
    if (cadre.active && cadre.firstSecretary && cadre.villageCode !== '') {
      firstSecretaries.set(cadre.villageCode, (firstSecretaries.get(cadre.villageCode) ?? 0) + 1);
    }
  }
  const listed = roster.villages ? new Set(roster.villages.map((village) => village.code)) : null;
  return {
    codes: new Set([...(listed ?? []), ...teams.keys(), ...firstSecretaries.keys()]),
    state: (code) => ({
      teams: teams.get(code) ?? 0,
      firstSecretaries: firstSecretaries.get(code) ?? 0,
      listed: listed ? listed.has(code) : null,
    }),
  };
}

export function compareVillages(previous: Roster, current: Roster): VillageChange[] {
  const before = villageStates(previous);
  const after = villageStates(current);
  const changes: VillageChange[] = [];
  for (const code of [...new Set([...before.codes, ...after.codes])].filter((c) => c !== '').sort(compare)) {
    const was = before.state(code);
    const is = after.state(code);
    const events: VillageEvent[] = [];
    if (was.listed === false && is.listed === true) events.push('added');
    if (was.listed === true && is.listed === false) events.push('removed');
    if (is.teams > was.teams) events.push('gained-team');
    if (is.teams < was.teams) events.push('lost-team');
    if (is.firstSecretaries > was.firstSecretaries) events.push('gained-first-secretary');
    if (is.firstSecretaries < was.firstSecretaries) events.push('lost-first-secretary');
    if (events.length === 0) continue;
    changes.push({
      villageCode: code,
      village: villageName(current, code) ?? villageName(previous, code) ?? nameFromCadres(current, code) ?? nameFromCadres(previous, code) ?? '',
      teams: { before: was.teams, after: is.teams },
      firstSecretaries: { before: was.firstSecretaries, after: is.firstSecretaries },
      listed: { before: was.listed, after: is.listed },
      events,
    });
  }
  return changes;
}

function nameFromCadres(roster: Roster, code: string): string | null {
  return cadresOf(roster).find((cadre) => cadre.villageCode === code && cadre.fields.village?.raw)?.fields.village?.raw ?? null;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

