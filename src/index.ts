// The library API: check(options) → RunResult. It joins the stages; no console, no process.
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { processAll, type Progress } from './batch/pool.js';
import { prepareRun, rosterRevisitor, type RosterOutcome, type RunSettings, type Task } from './batch/process-roster.js';
import { applyWaivers, EMPTY_CONFIG, type Config } from './config/index.js';
import { settleAcrossRosters } from './engine/index.js';
import { UsageError } from './errors.js';
import { rosterInputs } from './inputs.js';
import { DEFAULT_LIMITS, type LoadLimits } from './load/index.js';
import { parseIsoDate } from './normalise/dates.js';
import type { Rule } from './ruleset/index.js';
import type { RosterResult, RuleMeta, RunResult } from './types.js';

export type * from './types.js';
export { ZhucunError, UsageError, RuleFileError, LoadError } from './errors.js';
export { findConfig, loadConfig, type Config } from './config/index.js';

export interface CheckOptions {
  /** Workbooks, folders, patterns, or with `villages` the cadre CSV(s). */
  readonly inputs: readonly string[];
  /** The village CSV of a CSV pair. */
  readonly villages?: string;
  /** The reporting date, YYYY-MM-DD. */
  readonly asOf: string;
  /** Folders of extra rules, added to the built-in ones. */
  readonly rulesDirs?: readonly string[];
  readonly limits?: Partial<LoadLimits>;
  /** zhucun.config.yaml, loaded: rule settings, column aliases, extra rule folders, waivers. */
  readonly config?: Config;
  /** Worker threads; default 1 (the CLI defaults to the number of CPUs). */
  readonly jobs?: number;
  readonly progress?: Progress;
  /** Each roster's county figures (RosterResult.stats), which the roll-up and the HTML report use; default true. */
  readonly rollUp?: boolean;
}

export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

export const DEFAULT_JOBS = availableParallelism();

export async function check(options: CheckOptions): Promise<RunResult> {
  if (!parseIsoDate(options.asOf)) {
    throw new UsageError({
      zh: `--as-of「${options.asOf}」不是有效日期,请写作 YYYY-MM-DD`,
      en: `--as-of ${options.asOf} is not a valid date; write it as YYYY-MM-DD`,
    });
  }
  const config = options.config ?? EMPTY_CONFIG;
  const tasks = rosterInputs(options.inputs, options.villages);
  const settings: RunSettings = {
    asOf: options.asOf,
    aloneInRun: tasks.length === 1,
    rulesDirs: [...config.rulesDirs, ...(options.rulesDirs ?? [])],
    config,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    rollUp: options.rollUp ?? true,
  };
  // Loaded here first, so that a bad rule or setting stops the run before any roster is read.
  const prepared = prepareRun(settings);
  const outcomes = await processAll(tasks, settings, prepared, options.jobs ?? 1, options.progress);
  const rostersRead = tasks.map((task, index) => ({ task, outcome: outcomes[index]! })).filter(({ outcome }) => !outcome.skipped);
  const rosters = rosterResults(rostersRead, rosterRevisitor(settings, prepared));
  const waived = applyWaivers(rosters, config.waivers, options.asOf);
  return {
    tool: { name: 'zhucun', version: VERSION },
    asOf: options.asOf,
    rules: prepared.rules.map(ruleMeta),
    rosters: waived.rosters,
    waivers: waived.waivers,
    skipped: outcomes.filter((outcome) => outcome.skipped).map((outcome) => ({ path: outcome.path, reason: outcome.failure!.message })),
  };
}

/** The run-wide rules settled over every roster read, then each roster's result in input order. */
function rosterResults(
  rosters: readonly { readonly task: Task; readonly outcome: RosterOutcome }[],
  revisit: ReturnType<typeof rosterRevisitor>,
): RosterResult[] {
  // A roster with a verdict was read, so it is a discovered input, not a missing one.
  const read = rosters.flatMap(({ task, outcome }) => ('files' in task && outcome.partial !== null ? [{ task, partial: outcome.partial, outcome }] : []));
  const settled = settleAcrossRosters(
    read.map(({ partial }) => partial),
    (index, requests) => revisit(read[index]!.task, requests),
  );
  const verdicts = new Map(read.map(({ outcome }, i) => [outcome, settled[i]]));
  return rosters.map(({ outcome }) => {
    const verdict = verdicts.get(outcome) ?? { findings: [], notChecked: [], notices: [] };
    return { path: outcome.path, files: outcome.files, failure: outcome.failure, waived: [], stats: outcome.stats, ...verdict };
  });
}

function ruleMeta(rule: Rule): RuleMeta {
  const { id, severity, title, message, fix, source, file } = rule;
  return { id, severity, title, message, fix, source, file };
}
