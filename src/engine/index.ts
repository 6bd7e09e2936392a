// Roster × rules → findings. Checks report data; the engine stamps rule id, severity, location and entity.
import { compile, matches, type Test } from '../checks/conditions.js';
import type { CheckContext, Hit, Scope, Subject } from '../checks/kind.js';
import type { Rule } from '../ruleset/index.js';
import type { CalendarDate, Finding, LocalizedText, NotChecked, Roster, Source, Team } from '../types.js';
import { whyNotChecked } from './not-checked.js';
import { countKeys, repeatedFindings, requestsOf, RunWideTally, withCount, type Candidate, type FindingRequest } from './run-wide.js';
import { entityOf, findingData, locationOf } from './subjects.js';

export type { FindingRequest } from './run-wide.js';

export interface RosterVerdict {
  readonly findings: Finding[];
  readonly notChecked: NotChecked[];
  readonly notices: LocalizedText[];
}

/** A roster's verdict before the run-wide rules are settled. Plain data: it crosses worker threads. */
export interface PartialVerdict extends RosterVerdict {
  readonly candidates: Candidate[];
}

/** The scopes of the rules that judge cadre rows. */
const CADRE_ROW_SCOPES: readonly Scope[] = ['cadre', 'row'];

const NO_VILLAGE_SHEET: LocalizedText = {
  zh: '名册只有驻村干部表,没有村庄表:覆盖类规则(如脱贫村是否派驻工作队)未检查',
  en: 'the roster has a cadre sheet but no village sheet: the coverage rules (such as every 脱贫村 having a team) were not checked',
};

/** Checks every roster of a run; cross-roster rules (one person, one post) see them all. */
export function checkRun(rosters: readonly Roster[], rules: readonly Rule[], asOf: CalendarDate): RosterVerdict[] {
  const aloneInRun = rosters.length === 1;
  const partials = rosters.map((roster) => checkRoster({ roster, asOf }, rules, { aloneInRun }));
  return settleAcrossRosters(partials, (index, requests) => ({ findings: findingsAt({ roster: rosters[index]!, asOf }, rules, requests), failure: null }));
}

export interface RosterCheckOptions {
  /** The run has this roster only: a run-wide key seen once in it can repeat nowhere else. */
  readonly aloneInRun: boolean;
  /** The cadre rows are judged elsewhere (checkCadreRows, in another thread), not here. */
  readonly cadreRowsElsewhere?: boolean;
}

/** What the rules found in the cadre rows: findings, and the run-wide rules' candidates. Plain data. */
export interface CadreRowsVerdict {
  readonly findings: Finding[];
  readonly candidates: Candidate[];
}

/**
 * Every rule on one roster, in one walk over each sheet's rows (each row is read once, and every
 * rule of its scope judges it): the village rows, then the cadre rows (which forms the teams), then
 * the village rules that count teams, on the villages' facts, and the team rules. The run-wide
 * rules leave candidates for settleAcrossRosters.
 */
export function checkRoster(context: CheckContext, rules: readonly Rule[], options: RosterCheckOptions): PartialVerdict {
  const { roster } = context;
  const findings: Finding[] = [];
  const notChecked: NotChecked[] = [];
  const checked: CompiledRule[] = [];
  for (const rule of rules) {
    const reason = whyNotChecked(rule, roster);
    if (reason) notChecked.push(reason);
    else checked.push(compileRule(rule, context, options));
  }
  for (const { rule } of checked) applyRosterRule(rule, context, findings);
  // The subjects are asked for only when a rule will judge them: the facts and teams are made when first asked.
  const judgeAll = (subjects: () => Iterable<Subject>, scoped: readonly CompiledRule[]) => {
    if (scoped.length > 0) judgeEach(subjects(), scoped, context, findings);
  };
  const scoped = (scopes: readonly Scope[]) => checked.filter(({ rule }) => scopes.includes(rule.scope));
  const countsTeams = ({ rule }: CompiledRule) => rule.scope === 'village' && Boolean(rule.kind.needs?.(rule.options).teams);
  const [villageTeamRules, villageRowRules] = partition(scoped(['village', 'row']), countsTeams);
  judgeAll(() => roster.rows.villages(), villageRowRules);
  if (!options.cadreRowsElsewhere) judgeAll(() => roster.rows.cadres(), scoped(CADRE_ROW_SCOPES));
  judgeAll(() => roster.villages ?? [], villageTeamRules);
  judgeAll(() => roster.teams, scoped(['team']));
  return {
    findings: findings.sort(compareFindings),
    candidates: candidatesOf(checked),
    notChecked,
    notices: roster.villageSheet === null ? [NO_VILLAGE_SHEET] : [],
  };
}

/**
 * What checkRoster with `cadreRowsElsewhere` leaves out: the cadre rows, judged by the rules of their
 * scopes, forming no teams (the other thread forms them). The villages' facts, should a rule ask
 * for them, are read here too.
 */
export function checkCadreRows(context: CheckContext, rules: readonly Rule[], options: RosterCheckOptions): CadreRowsVerdict {
  const scoped = rules.filter((rule) => CADRE_ROW_SCOPES.includes(rule.scope) && !whyNotChecked(rule, context.roster));
  const compiled = scoped.map((rule) => compileRule(rule, context, options));
  const findings: Finding[] = [];
  if (compiled.length > 0) judgeEach(context.roster.rows.cadresWithoutTeams(), compiled, context, findings);
  return { findings: findings.sort(compareFindings), candidates: candidatesOf(compiled) };
}

/** A verdict of checkRoster with `cadreRowsElsewhere`, with what checkCadreRows found: the verdict of checkRoster without. */
export function withCadreRows(partial: PartialVerdict, cadreRows: CadreRowsVerdict): PartialVerdict {
  return {
    ...partial,
    findings: [...partial.findings, ...cadreRows.findings].sort(compareFindings),
    candidates: [...partial.candidates, ...cadreRows.candidates].sort(compareCandidates),
  };
}

function judgeEach(subjects: Iterable<Subject>, rules: readonly CompiledRule[], context: CheckContext, findings: Finding[]): void {
  // Indexed loops: this runs for every rule on every row, and allocates nothing of its own.
  for (const subject of subjects) for (let index = 0; index < rules.length; index++) applyRule(rules[index]!, subject, context, findings);
}

/** By rule, each rule's in the order its tally gives them: one order, whichever thread judged which rows. */
function candidatesOf(rules: readonly CompiledRule[]): Candidate[] {
  return rules.flatMap(({ tally }) => tally?.candidates() ?? []).sort(compareCandidates);
}

function compareCandidates(a: Candidate, b: Candidate): number {
  return compareText(a.ruleId, b.ruleId);
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

/** What reading a roster again gave: the requested findings, or why it could not be read. */
export interface Revisited {
  readonly findings: readonly Finding[];
  /** Said in the roster's notices: the findings asked for are missing. */
  readonly failure: LocalizedText | null;
}

/**
 * A run-wide key that occurs more than once in the whole run becomes a finding on every row it is
 * on, in each roster. A roster that holds such a key once is read again (`revisit`) for that row.
 */
export function settleAcrossRosters(
  partials: readonly PartialVerdict[],
  revisit: (roster: number, requests: readonly FindingRequest[]) => Revisited,
): RosterVerdict[] {
  const counts = countKeys(partials.map((partial) => partial.candidates));
  return partials.map(({ candidates, ...verdict }, index) => {
    const requests = requestsOf(candidates, counts);
    const revisited = requests.length > 0 ? revisit(index, requests) : { findings: [], failure: null };
    const repeated = [...repeatedFindings(candidates, counts), ...revisited.findings];
    const notices = revisited.failure ? [...verdict.notices, revisited.failure] : verdict.notices;
    return repeated.length === 0 ? { ...verdict, notices } : { ...verdict, notices, findings: [...verdict.findings, ...repeated].sort(compareFindings) };
  });
}

/** The findings of the requested rows of a roster, read again, each saying how often the run holds its key. */
export function findingsAt(context: CheckContext, rules: readonly Rule[], requests: readonly FindingRequest[]): Finding[] {
  const rulesById = new Map(rules.map((rule) => [rule.id, rule]));
  return requests.flatMap(({ ruleId, key, row, count }) => {
    const rule = rulesById.get(ruleId);
    const finding = rule ? findingOnRow(rule, context, row, key) : null;
    return finding ? [withCount(finding, count)] : [];
  });
}

interface CompiledRule {
  readonly rule: Rule;
  /** The rule's `where`; null when it has none (it judges every subject of its scope). */
  readonly applies: Test | null;
  /** For a rule judged across rosters: its keys in this roster. */
  readonly tally: RunWideTally | null;
}

function compileRule(rule: Rule, context: CheckContext, { aloneInRun }: RosterCheckOptions): CompiledRule {
  const findingAt = (row: number, key: string) => findingOnRow(rule, context, row, key);
  const tally = rule.kind.acrossRosters ? new RunWideTally(rule.id, aloneInRun, findingAt) : null;
  return { rule, applies: rule.where ? compile(rule.where) : null, tally };
}

/** A run-wide rule's finding for `key` on a row, read again by its number. */
function findingOnRow(rule: Rule, context: CheckContext, row: number, key: string): Finding | null {
  // A run-wide kind judges the rows of one sheet (kind.ts): the rule's scope says which.
  const { rows } = context.roster;
  const subject = rule.scope === 'village' ? rows.village(row) : rows.cadre(row);
  const hit = subject && rule.kind.check(subject, rule.options, context).find((each) => each.key === key);
  return subject && hit ? stamp(rule, subject, hit, context.roster) : null;
}

/** Findings about the roster as a whole (a missing column), located by the check itself. */
function applyRosterRule(rule: Rule, context: CheckContext, findings: Finding[]): void {
  for (const hit of rule.kind.checkRoster?.(rule.options, context) ?? []) {
    if (hit.at) findings.push({ ruleId: rule.id, severity: rule.severity, location: hit.at, data: { ...hit.data }, entity: {} });
  }
}

function applyRule({ rule, applies, tally }: CompiledRule, subject: Subject, context: CheckContext, findings: Finding[]): void {
  if (applies !== null && !applies(subject, context.roster)) return;
  const hits = rule.kind.check(subject, rule.options, context);
  for (let index = 0; index < hits.length; index++) {
    const hit = hits[index]!;
    if (tally && hit.key !== undefined && subject.kind !== 'team') {
      sightKey(tally, hit.key, rule, subject, hit, context.roster);
      continue;
    }
    const finding = stamp(rule, subject, hit, context.roster);
    if (finding) findings.push(finding);
  }
}

// Apart from applyRule, which runs for every rule on every row: a closure there would cost every call an allocation.
function sightKey(tally: RunWideTally, key: string, rule: Rule, subject: Exclude<Subject, Team>, hit: Hit, roster: Roster): void {
  tally.sight(key, subject.source.row, () => stamp(rule, subject, hit, roster));
}

function stamp(rule: Rule, subject: Subject, hit: Hit, roster: Roster): Finding | null {
  const location = locationOf(subject, hit);
  if (!location) return null;
  const downgraded = rule.downgrade && matches(rule.downgrade.when, subject, roster);
  return {
    ruleId: rule.id,
    severity: downgraded ? rule.downgrade!.to : rule.severity,
    location,
    data: findingData(subject, hit),
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
