// `zhucun diff previous current`: what changed between two submissions of a county's roster.
import type { Roster, RosterResult, RunResult, Severity } from '../types.js';
import { compareFindings } from './findings.js';
import { cadresOf, comparePeople } from './people.js';
import { byTeamId, compareTeams, compareVillages } from './structure.js';
import type { DiffReport, DiffSide, SideSummary } from './types.js';

export type * from './types.js';
export { COMPARED_FIELDS } from './types.js';

export interface DiffRun {
  /** The run that judged the current side: its tool, reporting date and rules. */
  readonly run: Pick<RunResult, 'tool' | 'asOf' | 'rules'>;
}

export function diffRosters(previous: DiffSide, current: DiffSide, { run }: DiffRun): DiffReport {
  const people = comparePeople(previous.roster, current.roster);
  const useTeamIds = byTeamId(previous.roster, current.roster);
  const findings = compareFindings(
    { roster: previous.roster, findings: previous.result.findings },
    { roster: current.roster, findings: current.result.findings },
    useTeamIds,
  );
  return {
    tool: run.tool,
    asOf: run.asOf,
    rules: run.rules,
    previous: summary(previous.roster, previous.result),
    current: summary(current.roster, current.result),
    joined: people.joined,
    left: people.left,
    moved: people.moved,
    changed: people.changed,
    teams: compareTeams(previous.roster, current.roster),
    villages: compareVillages(previous.roster, current.roster),
    findings,
    unkeyed: people.unkeyed,
  };
}

function summary(roster: Roster, result: RosterResult): SideSummary {
  const count = (severity: Severity) => result.findings.filter((finding) => finding.severity === severity).length;
  return {
    path: result.path,
    files: result.files,
    villages: roster.villages?.length ?? null,
    cadres: cadresOf(roster).length,
    activeCadres: cadresOf(roster).filter((cadre) => cadre.active).length,
    teams: roster.teams.length,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
  };
}
