// The library API: check(options) → RunResult. It joins the stages; no console, no process.
import { readFileSync } from 'node:fs';
import { applyRuleSettings, applyWaivers, EMPTY_CONFIG, type Config } from './config/index.js';
import { checkRun } from './engine/index.js';
import { LoadError, UsageError, ZhucunError } from './errors.js';
import { isMissingInput, rosterInputs, type MissingInput } from './inputs.js';
import { DEFAULT_LIMITS, loadRoster, type LoadLimits, type RosterInput } from './load/index.js';
import { normaliseRoster, type ColumnAliases } from './normalise/index.js';
import { parseIsoDate } from './normalise/dates.js';
import { loadRuleSet, type Rule } from './ruleset/index.js';
import type { KeyCountyList, LoadFailure, Roster, RosterResult, RuleMeta, RunResult } from './types.js';

export type * from './types.js';
export { ZhucunError, UsageError, RuleFileError, LoadError } from './errors.js';
export { findConfig, loadConfig, type Config } from './config/index.js';

export interface CheckOptions {
  /** Workbooks, folders, or with `villages` the cadre CSV(s). */
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
}

export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

export function check(options: CheckOptions): RunResult {
  const asOf = parseIsoDate(options.asOf);
  if (!asOf) {
    throw new UsageError({
      zh: `--as-of「${options.asOf}」不是有效日期,请写作 YYYY-MM-DD`,
      en: `--as-of ${options.asOf} is not a valid date; write it as YYYY-MM-DD`,
    });
  }
  const config = options.config ?? EMPTY_CONFIG;
  const ruleSet = loadRuleSet([...config.rulesDirs, ...(options.rulesDirs ?? [])]);
  const rules = applyRuleSettings(ruleSet.rules, config);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const read = rosterInputs(options.inputs, options.villages).map((input) =>
    readRoster(input, ruleSet.keyCounties, limits, config.columns),
  );
  const rosters = read.filter((r): r is Roster & { files: readonly string[] } => !('failure' in r));
  const checked = checkRun(rosters, rules, asOf);
  const verdicts = new Map(rosters.map((roster, index) => [roster, checked[index]]));
  const results = read.map((r): RosterResult =>
    'failure' in r ? r : { path: r.path, files: r.files, failure: null, waived: [], ...verdicts.get(r)! },
  );
  const waived = applyWaivers(results, config.waivers, options.asOf);
  return {
    tool: { name: 'zhucun', version: VERSION },
    asOf: options.asOf,
    rules: rules.map(ruleMeta),
    rosters: waived.rosters,
    waivers: waived.waivers,
  };
}

function ruleMeta(rule: Rule): RuleMeta {
  const { id, severity, title, message, fix, source, file } = rule;
  return { id, severity, title, message, fix, source, file };
}

function readRoster(
  input: RosterInput | MissingInput,
  keyCounties: KeyCountyList,
  limits: LoadLimits,
  columns: ColumnAliases,
): (Roster & { files: readonly string[] }) | RosterResult {
  try {
    if (isMissingInput(input)) throw missingInputError(input);
    return { ...normaliseRoster(loadRoster(input, limits), { columns, keyCounties }), files: input.files };
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    const files = isMissingInput(input) ? [] : input.files;
    return { path: input.path, files, failure: failureOf(error), notChecked: [], findings: [], waived: [], notices: [] };
  }
}

function failureOf(error: LoadError): LoadFailure {
  return { code: error.code, message: error.text };
}

function missingInputError(input: MissingInput): ZhucunError {
  return input.reason === 'not-found'
    ? new LoadError('NOT_FOUND', {
        zh: `${input.path}: 文件或文件夹不存在,请检查路径`,
        en: `${input.path}: no such file or folder; check the path`,
      })
    : new LoadError('NO_ROSTER', {
        zh: `${input.path}: 文件夹中没有名册(.xlsx/.xls/.ods 工作簿或一对 CSV 文件)`,
        en: `${input.path}: the folder holds no roster (an .xlsx/.xls/.ods workbook or a pair of CSV files)`,
      });
}
