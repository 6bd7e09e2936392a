// count: how many of something a village or a team has, against a minimum and a maximum.
import type { Roster, Team, Village } from '../types.js';
import { boundedRequirementsSchema } from './bounds-schema.js';
import { type CheckKind, type Hit, type Subject, NO_HITS } from './kind.js';
import { teamIndexOf } from './roster-index.js';

const VILLAGE_MEASURES = {
  /** Teams stationed in the village. */
  teams: (village: Village, roster: Roster) => countsOf(village, roster).teams,
  /** Teams stationed in the village, plus its covering team (覆盖工作队) when that team exists. */
  teamsOrCovering: (village: Village, roster: Roster) => countsOf(village, roster).teamsOrCovering,
  /** Active first secretaries posted to the village (a 第一书记兼队长 is one). */
  firstSecretaries: (village: Village, roster: Roster) => countsOf(village, roster).firstSecretaries,
};

type VillageCounts = { readonly [measure in keyof typeof VILLAGE_MEASURES]: number };

// The count rules judge a village one after another: its figures are looked up for the first.
let last: { readonly roster: Roster; readonly village: Village; readonly counts: VillageCounts } | null = null;

function countsOf(village: Village, roster: Roster): VillageCounts {
  if (last?.village !== village || last.roster !== roster) {
    const index = teamIndexOf(roster);
    const teams = index.teamsByVillage.get(village.code)?.length ?? 0;
    const covered = village.coveringTeam !== '' && index.teamIds.has(village.coveringTeam) ? 1 : 0;
    const firstSecretaries = index.firstSecretaryCounts.get(village.code) ?? 0;
    last = { roster, village, counts: { teams, teamsOrCovering: teams + covered, firstSecretaries } };
  }
  return last.counts;
}

const TEAM_MEASURES = {
  activeMembers: (team: Team) => team.activeMembers.length,
  /** 队长 or 第一书记兼队长. */
  leaders: (team: Team) => team.activeMembers.filter((member) => member.leader).length,
  firstSecretaries: (team: Team) => team.activeMembers.filter((member) => member.firstSecretary).length,
};

type Measure = keyof typeof VILLAGE_MEASURES | keyof typeof TEAM_MEASURES;

interface Requirement {
  readonly of: Measure;
  readonly min?: number;
  readonly max?: number;
}

export interface CountOptions {
  readonly require: readonly Requirement[];
}

const MEASURES = [...new Set([...Object.keys(VILLAGE_MEASURES), ...Object.keys(TEAM_MEASURES)])];

function measure(subject: Subject, of: Measure, roster: Roster): number {
  if (subject.kind === 'village' && Object.hasOwn(VILLAGE_MEASURES, of)) {
    return VILLAGE_MEASURES[of as keyof typeof VILLAGE_MEASURES](subject, roster);
  }
  if (subject.kind === 'team' && Object.hasOwn(TEAM_MEASURES, of)) return TEAM_MEASURES[of as keyof typeof TEAM_MEASURES](subject);
  throw new Error(`count: measure ${of} does not apply to a ${subject.kind}`);
}

export const count: CheckKind<CountOptions> = {
  name: 'count',
  description: 'How many teams, first secretaries, members or leaders a village or team has, against a minimum and a maximum.',
  scopes: ['village', 'team'],
  optionsSchema: boundedRequirementsSchema({ of: { enum: MEASURES } }, ['min', 'max']),
  dataKeys: ['count', 'min', 'max', ...MEASURES],
  checkOptions(options, scope) {
    const measures = Object.keys(scope === 'village' ? VILLAGE_MEASURES : TEAM_MEASURES);
    const wrong = options.require.find((r) => !measures.includes(r.of));
    return wrong ? `a ${scope} has no measure ${wrong.of}; it has: ${measures.join(', ')}` : null;
  },
  needs: () => ({ villageSheet: true, teams: true }),
  check(subject, options, { roster }): readonly Hit[] {
    for (const requirement of options.require) {
      const value = measure(subject, requirement.of, roster);
      if (outside(value, requirement)) {
        const counts = Object.fromEntries(options.require.map((r) => [r.of, measure(subject, r.of, roster)]));
        return [{ data: { ...counts, count: value, min: requirement.min ?? '', max: requirement.max ?? '' } }];
      }
    }
    return NO_HITS;
  },
};

function outside(value: number, { min, max }: Requirement): boolean {
  return (min !== undefined && value < min) || (max !== undefined && value > max);
}
