// One side of a diff, read as check reads it: the roster judged in a run of its own (so that
// cadre-posted-once does not see the other submission) with the shared configuration and
// --as-of, and the roster itself, for the people, teams and villages to compare.
import { LoadError, UsageError, type LoadErrorCode } from '../errors.js';
import { check, type CheckOptions } from '../index.js';
import { rosterInputs } from '../inputs.js';
import { DEFAULT_LIMITS, loadRoster } from '../load/index.js';
import { normaliseRoster } from '../normalise/index.js';
import { BUILT_IN_KEY_COUNTIES } from '../ruleset/index.js';
import { loadKeyCounties } from '../ruleset/key-counties.js';
import type { RunResult } from '../types.js';
import type { DiffSide } from './types.js';

export type SideOptions = Omit<CheckOptions, 'inputs' | 'villages'> & { readonly villages?: string };

export interface ReadSide {
  readonly side: DiffSide;
  readonly run: RunResult;
}

export async function readDiffSide(path: string, options: SideOptions): Promise<ReadSide> {
  const run = await check({ ...options, inputs: [path], ...(options.villages ? { villages: options.villages } : {}) });
  if (run.rosters.length !== 1) {
    throw new UsageError({
      zh: `${path}: 含有 ${run.rosters.length} 份名册;比较时每一方须是一份名册(一个工作簿或一对 CSV 文件)`,
      en: `${path}: holds ${run.rosters.length} rosters; each side of a diff must be one roster (a workbook or a CSV pair)`,
    });
  }
  const [result] = run.rosters;
  if (result.failure) throw new LoadError(result.failure.code as LoadErrorCode, result.failure.message);
  const input = rosterInputs([path], options.villages).find((candidate) => candidate.path === result.path && 'files' in candidate);
  if (!input || !('files' in input)) {
    throw new LoadError('NOT_FOUND', { zh: `${path}: 文件或文件夹不存在,请检查路径`, en: `${path}: no such file or folder; check the path` });
  }
  const loaded = loadRoster(input, { ...DEFAULT_LIMITS, ...options.limits });
  const roster = normaliseRoster(loaded, {
    columns: options.config?.columns ?? {},
    keyCounties: loadKeyCounties(BUILT_IN_KEY_COUNTIES),
  });
  return { side: { roster, result }, run };
}
