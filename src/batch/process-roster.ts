// One roster, start to end of its own work: load → normalise → county figures → its rules.
// What comes out is plain data (it crosses worker threads) and the roster's rows are released.
import { applyRuleSettings, type Config } from '../config/index.js';
import { checkCadreRows, checkRoster, findingsAt, type CadreRowsVerdict, type FindingRequest, type PartialVerdict, type Revisited } from '../engine/index.js';
import { LoadError } from '../errors.js';
import type { DiscoveredInput, MissingInput } from '../inputs.js';
import { loadRoster, rosterFromShared, type LoadLimits, type SharedRoster } from '../load/index.js';
import { parseIsoDate } from '../normalise/dates.js';
import { normaliseRoster } from '../normalise/index.js';
import { loadRuleSet, type Rule } from '../ruleset/index.js';
import { countyStats, type CountyStats } from '../stats/county-stats.js';
import { templateNotice, templateVersionOf } from '../template/version.js';
import type { CalendarDate, KeyCountyList, LoadedRoster, LoadFailure, LocalizedText, Roster } from '../types.js';

/** Everything a worker needs to judge rosters as the main thread would. Plain data. */
export interface RunSettings {
  readonly asOf: string;
  /** The run has one roster: its run-wide rules can settle within it. */
  readonly aloneInRun: boolean;
  readonly rulesDirs: readonly string[];
  /** The configuration as loaded (a worker gets it without its parsed document). */
  readonly config: Config;
  readonly limits: LoadLimits;
  /** Each roster's county figures (RosterResult.stats) are wanted. */
  readonly rollUp: boolean;
}

export type Task = DiscoveredInput | MissingInput;

export interface RosterOutcome {
  readonly path: string;
  readonly files: readonly string[];
  readonly failure: LoadFailure | null;
  /** A file met while walking a folder that is not a roster: listed, not failed. */
  readonly skipped: boolean;
  readonly partial: PartialVerdict | null;
  readonly stats: readonly CountyStats[] | null;
}

// Found while walking a folder, these mean "not a roster" rather than "a broken roster".
const NOT_A_ROSTER = new Set(['NOT_A_SPREADSHEET', 'NO_ROSTER', 'EMPTY']);

/** The run's configuration, rules and reporting date, loaded and validated once per thread. */
export interface PreparedRun {
  readonly config: Config;
  readonly keyCounties: KeyCountyList;
  readonly rules: readonly Rule[];
  readonly asOf: CalendarDate;
}

export function prepareRun(settings: RunSettings): PreparedRun {
  const { config } = settings;
  const ruleSet = loadRuleSet(settings.rulesDirs);
  // check() refuses a date that does not parse before any thread is started.
  return { config, keyCounties: ruleSet.keyCounties, rules: applyRuleSettings(ruleSet.rules, config), asOf: parseIsoDate(settings.asOf)! };
}

export function rosterProcessor(settings: RunSettings, prepared: PreparedRun = prepareRun(settings)): (task: Task) => RosterOutcome {
  return (task) =>
    outcomeOf(task, () => {
      // The loaded sheets live as long as the roster (its rows are read from them as the rules ask), then go.
      const read = readTask(task, settings, prepared);
      return checkedOutcome(task, read, checkedHere(read.roster, settings, prepared), settings);
    });
}

/** Every rule on a roster, in this thread. */
export function checkedHere(roster: Roster, settings: RunSettings, { rules, asOf }: PreparedRun): PartialVerdict {
  return checkRoster({ roster, asOf }, rules, { aloneInRun: settings.aloneInRun });
}

/** A roster as read for judging: its loaded sheets, the roster they normalise to, and its template version. */
export interface ReadTask {
  readonly loaded: LoadedRoster;
  readonly roster: Roster;
  readonly template: number | null;
}

/** The task's roster, read; a LoadError when it cannot be. */
export function readTask(task: Task, settings: RunSettings, { config, keyCounties }: PreparedRun): ReadTask {
  if ('reason' in task) throw missingInputError(task);
  return readRoster(task, settings.limits, config, keyCounties);
}

/** The outcome of judging a task: what `judge` returns, or the LoadError it meets as the task's failure. */
function outcomeOf(task: Task, judge: () => RosterOutcome): RosterOutcome {
  try {
    return judge();
  } catch (error) {
    return failedOutcome(task, error);
  }
}

/** A LoadError as the task's failure; any other error is a fault, thrown again. */
export function failedOutcome(task: Task, error: unknown): RosterOutcome {
  if (!(error instanceof LoadError)) throw error;
  const skipped = 'reason' in task ? task.reason === 'not-a-spreadsheet' : !task.explicit && NOT_A_ROSTER.has(error.code);
  return { path: task.path, files: filesOf(task), failure: { code: error.code, message: error.text }, skipped, partial: null, stats: null };
}

export function checkedOutcome(task: Task, { roster, template }: ReadTask, verdict: PartialVerdict, settings: RunSettings): RosterOutcome {
  const partial = withTemplateNotice(verdict, template);
  return { path: task.path, files: filesOf(task), failure: null, skipped: false, partial, stats: settings.rollUp ? countyStats(roster) : null };
}

function filesOf(task: Task): readonly string[] {
  return 'files' in task ? task.files : [];
}

/** Judges the cadre rows of a roster another thread shared, by the cadre and row rules (src/batch/split-roster.ts). */
export function cadreRowsJudge(settings: RunSettings, prepared: PreparedRun): (shared: SharedRoster) => CadreRowsVerdict {
  const { config, keyCounties, rules, asOf } = prepared;
  return (shared) => {
    const roster = normaliseRoster(rosterFromShared(shared), { columns: config.columns, keyCounties });
    return checkCadreRows({ roster, asOf }, rules, { aloneInRun: settings.aloneInRun });
  };
}

/**
 * Reads a roster again for the findings of rows whose run-wide key the run repeats (src/engine/run-wide.ts):
 * few rosters, few rows. A roster that no longer reads (changed since) says so in its notices.
 */
export function rosterRevisitor(settings: RunSettings, prepared: PreparedRun): (task: DiscoveredInput, requests: readonly FindingRequest[]) => Revisited {
  const { config, keyCounties, rules, asOf } = prepared;
  return (task, requests) => {
    try {
      return { findings: findingsAt({ roster: readRoster(task, settings.limits, config, keyCounties).roster, asOf }, rules, requests), failure: null };
    } catch (error) {
      if (!(error instanceof LoadError)) throw error;
      return { findings: [], failure: revisitFailure(requests.length, error) };
    }
  };
}

function revisitFailure(rows: number, error: LoadError): LocalizedText {
  return {
    zh: `为列出跨名册重复的人员或村(共 ${rows} 行)再次读取本名册时失败:${error.text.zh}。这些行的「一人一岗」「一村一行」问题未列出,请再检查一次`,
    en: `reading this roster again for the ${rows === 1 ? 'row' : `${rows} rows`} whose person or village another roster also lists failed: ${error.text.en}. The cross-roster findings of ${rows === 1 ? 'that row' : 'those rows'} are not listed; check again`,
  };
}

function readRoster(task: DiscoveredInput, limits: LoadLimits, config: Config, keyCounties: KeyCountyList): ReadTask {
  const loaded = loadRoster(task, limits);
  return { loaded, roster: normaliseRoster(loaded, { columns: config.columns, keyCounties }), template: templateVersionOf(loaded.sheets) };
}

/** A roster filled in an older or newer zhucun template says so. */
function withTemplateNotice(partial: PartialVerdict, template: number | null): PartialVerdict {
  const notice = templateNotice(template);
  return notice ? { ...partial, notices: [...partial.notices, notice] } : partial;
}

function missingInputError(input: MissingInput): LoadError {
  switch (input.reason) {
    case 'not-found':
      return new LoadError('NOT_FOUND', {
        zh: `${input.path}: 文件或文件夹不存在,请检查路径`,
        en: `${input.path}: no such file or folder; check the path`,
      });
    case 'empty-folder':
      return new LoadError('NO_ROSTER', {
        zh: `${input.path}: 文件夹中没有名册(.xlsx/.xls/.ods 工作簿或一对 CSV 文件)`,
        en: `${input.path}: the folder holds no roster (an .xlsx/.xls/.ods workbook or a pair of CSV files)`,
      });
    case 'not-a-spreadsheet':
      return new LoadError('NOT_A_SPREADSHEET', { zh: `${input.path}: 不是表格文件`, en: `${input.path}: not a spreadsheet file` });
  }
}
