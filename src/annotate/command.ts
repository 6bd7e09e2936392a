// What `zhucun check … --annotate FILE` needs: one readable roster in the run, an output path that
// is not one of the roster's own files, and the annotated copy written there.
import { writeOutput } from '../output.js';
import { extname, resolve } from 'node:path';
import { UsageError, ZhucunError } from '../errors.js';
import type { RunResult } from '../types.js';
import type { AnnotateOptions } from './index.js';

/** Refuses a run --annotate cannot serve, before anything is written; null when it can. */
export function annotateRefusal(result: RunResult, output: string): UsageError | ZhucunError | null {
  if (extname(output).toLowerCase() !== '.xlsx') {
    return new UsageError({
      zh: `--annotate ${output}: 标注副本是 .xlsx 工作簿,请用 .xlsx 结尾的文件名`,
      en: `--annotate ${output}: the annotated copy is an .xlsx workbook; give a file name ending in .xlsx`,
    });
  }
  if (result.rosters.length !== 1) {
    const paths = result.rosters.map((roster) => roster.path).join(', ');
    return new UsageError({
      zh: `--annotate 只能用于一份名册,本次检查了 ${result.rosters.length} 份(${paths});请逐份检查并标注`,
      en: `--annotate works on one roster, and this run checked ${result.rosters.length} (${paths}); check and annotate them one at a time`,
    });
  }
  const [roster] = result.rosters;
  if (roster.failure) {
    return new ZhucunError({
      zh: `${roster.path}: 名册无法读取,未生成标注副本 ${output}: ${roster.failure.message.zh}`,
      en: `${roster.path}: the roster could not be read, so ${output} was not written: ${roster.failure.message.en}`,
    });
  }
  const target = resolve(output);
  if (roster.files.some((file) => resolve(file) === target)) {
    return new UsageError({
      zh: `--annotate ${output}: 不能覆盖被检查的名册本身,请换一个文件名`,
      en: `--annotate ${output}: this is the roster being checked, which is never overwritten; choose another file name`,
    });
  }
  return null;
}

/** Writes the annotated copy of the run's one roster to `output`. */
export async function writeAnnotatedCopy(result: RunResult, output: string, options: AnnotateOptions): Promise<void> {
  const refusal = annotateRefusal(result, output);
  if (refusal) throw refusal;
  const { annotateRoster } = await import('./index.js'); // loaded when a copy is asked for, not at every start
  const bytes = await annotateRoster(result, result.rosters[0], options);
  writeOutput(output, bytes);
}
