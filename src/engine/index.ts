// Roster × rules → findings. Checks report data; the engine stamps rule id, severity, location and entity.
import { compile, matches } from '../checks/conditions.js';
import type { CheckContext, Hit, Subject } from '../checks/kind.js';
import type { Rule } from '../ruleset/index.js';
import type { CalendarDate, Finding, LocalizedText, NotChecked, Roster, Source } from '../types.js';
import { whyNotChecked } from './not-checked.js';
import { entityOf, locationOf, subjectData, subjectsOf } from './subjects.js';

export interface RosterVerdict {
  readonly findings: Finding[];
  readonly notChecked: NotChecked[];
  readonly notices: LocalizedText[];
}

/** A finding of a rule judged across rosters, held until the whole run is known. */
export interface Candidate {
  readonly key: string;
  readonly finding: Finding;
}

/** A roster's verdict before the run-wide rules are settled. Plain data: it crosses worker threads. */
export interface PartialVerdict extends RosterVerdict {
  readonly candidates: Candidate[];
}

const NO_VILLAGE_SHEET: LocalizedText = {
  zh: '名册只有驻村干部表,没有村庄表:覆盖类规则(如脱贫村是否派驻工作队)未检查',
  en: 'the roster has a cadre sheet but no village sheet: the coverage rules (such as every 脱贫村 having a team) were not checked',
};

/** Checks every roster of a run; cross-roster rules (one person, one post) see them all. */
export function checkRun(rosters: readonly Roster[], rules: readonly Rule[], asOf: CalendarDate): RosterVerdict[] {
  return settleAcrossRosters(rosters.map((roster) => checkRoster({ roster, asOf }, rules)));
}

/** Every rule on one roster; the run-wide rules leave candidates for settleAcrossRosters. */
export function checkRoster(context: CheckContext, rules: readonly Rule[]): PartialVerdict {
  const { roster } = context;
  const findings: Finding[] = [];
  const candidates: Candidate[] = [];
  const notChecked: NotChecked[] = [];
  for (const rule of rules) {
    const reason = whyNotChecked(rule, roster);
    if (reason) notChecked.push(reason);
    else applyRule(rule, context, findings, candidates);
  }
  return {
    findings: findings.sort(compareFindings),
    candidates,
    notChecked,
    notices: roster.villages === null ? [NO_VILLAGE_SHEET] : [],
  };
}

/** A candidate whose key occurs more than once in the whole run becomes a finding, in its own roster. */
export function settleAcrossRosters(partials: readonly PartialVerdict[]): RosterVerdict[] {
  const counts = new Map<string, number>();
  for (const partial of partials) for (const { key } of partial.candidates) counts.set(key, (counts.get(key) ?? 0) + 1);
  return partials.map(({ candidates, ...verdict }) => {
    const repeated = candidates
      .filter(({ key }) => counts.get(key)! > 1)
      .map(({ key, finding }) => ({ ...finding, data: { ...finding.data, count: counts.get(key)! } }));
    return repeated.length === 0 ? verdict : { ...verdict, findings: [...verdict.findings, ...repeated].sort(compareFindings) };
  });
}

function applyRule(rule: Rule, context: CheckContext, findings: Finding[], candidates: Candidate[]): void {
  for (const hit of rule.kind.checkRoster?.(rule.options, context) ?? []) {
    if (hit.at) findings.push({ ruleId: rule.id, severity: rule.severity, location: hit.at, data: { ...hit.data }, entity: {} });
  }
  const applies = compile(rule.where);
  for (const subject of subjectsOf(context.roster, rule.scope)) {
    if (!applies(subject, context.roster)) continue;
    for (const hit of rule.kind.check(subject, rule.options, context)) {
      const finding = stamp(rule, subject, hit, context.roster);
      if (!finding) continue;
      if (rule.kind.acrossRosters && hit.key !== undefined) candidates.push({ key: `${rule.id}\u0000${hit.key}`, finding });
      else findings.push(finding);
    }
  }
}

function stamp(rule: Rule, subject: Subject, hit: Hit, roster: Roster): Finding | null {
  const location = locationOf(subject, hit);
  if (!location) return null;
  const downgraded = rule.downgrade && matches(rule.downgrade.when, subject, roster);
  return {
    ruleId: rule.id,
    severity: downgraded ? rule.downgrade!.to : rule.severity,
    location,
    data: { ...subjectData(subject, hit), ...hit.data },
    entity: entityOf(subject),
  };
}

function compareSources(a: Source, b: Source): number {
  return compareText(a.file, b.file) || compareText(a.sheet, b.sheet) || a.row - b.row;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareSources(a.location, b.location) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.location.column ?? '', b.location.column ?? '')
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
