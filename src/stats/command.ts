// `zhucun stats DIR...`: check a batch, then print its roll-up (per county, prefecture, province
// and in total) instead of its findings. What it needs from the CLI comes in as `deps`.
import { collect } from '../cli-shared.js';
import { writeOutput } from '../output.js';
import { Command, Option } from 'commander';
import type { Progress } from '../batch/pool.js';
import type { Config } from '../config/index.js';
import { UsageError } from '../errors.js';
import type { CheckOptions } from '../index.js';
import type { Lang, RunResult } from '../types.js';
import { renderStats, STATS_FORMATS, type StatsFormat } from './report/index.js';

export interface StatsDeps {
  /** The library's check(). */
  readonly check: (options: CheckOptions) => Promise<RunResult>;
  /** --config FILE, or the nearest zhucun.config.yaml. */
  readonly configOf: (flags: { config?: string }) => Config | undefined;
  /** The default --as-of: today on this machine's calendar. */
  readonly today: () => string;
  /** The default --jobs. */
  readonly defaultJobs: number;
  /** The progress bar on standard error (undefined: none). */
  readonly progress?: () => Progress | undefined;
  /** Colour for stylish output written to standard output, given whether it is a terminal. */
  readonly color?: (isTerminal: boolean) => boolean;
}

export interface StatsFlags {
  format: StatsFormat;
  output?: string;
  lang: Lang;
  asOf?: string;
  config?: string;
  jobs?: number;
  rules: string[];
  quiet?: boolean;
}

/** 0, or 2 when a roster could not be read: its county is missing from every figure. */
export function statsExitCode(result: RunResult): number {
  return result.rosters.some((roster) => roster.failure !== null) ? 2 : 0;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new UsageError({ zh: `「${value}」应为正整数`, en: `${value} must be a whole number, 1 or more` });
  }
  return number;
}

/** Checks the rosters and renders the roll-up; the caller writes it and sets the exit code. */
export async function runStats(paths: readonly string[], flags: StatsFlags, deps: StatsDeps, color = false): Promise<{ output: string; exitCode: number }> {
  if (paths.length === 0) {
    throw new UsageError({ zh: '请指定要统计的名册文件或文件夹', en: 'name the roster files or folders to count' });
  }
  const result = await deps.check({
    inputs: paths,
    asOf: flags.asOf ?? deps.today(),
    rulesDirs: flags.rules,
    config: deps.configOf(flags),
    jobs: flags.jobs ?? deps.defaultJobs,
    progress: flags.quiet ? undefined : deps.progress?.(),
  });
  const output = renderStats(result, flags.format, { lang: flags.lang, showPii: false, color });
  return { output, exitCode: statsExitCode(result) };
}

export function addStatsCommand(program: Command, deps: StatsDeps): Command {
  return program
    .command('stats')
    .description('汇总统计(按县、市、省和合计)/ roll-up figures per county, prefecture, province and in total')
    .argument('[paths...]', '名册工作簿、文件夹或通配符 / workbooks, folders or patterns')
    .addOption(new Option('-f, --format <name>', '输出格式 / output format').choices(STATS_FORMATS).default('stylish'))
    .option('-o, --output <file>', '写入文件 / write to a file')
    .addOption(new Option('--lang <lang>', '语言 / language').choices(['zh', 'en']).default('zh'))
    .option('--as-of <date>', '截止日期 YYYY-MM-DD(默认今天)/ reporting date (default today)')
    .option('--rules <dir>', '追加规则目录 / add a folder of rules', collect, [])
    .option('--config <file>', '配置文件(默认查找 zhucun.config.yaml)/ configuration file')
    .option('--jobs <n>', `并行线程数(默认 ${deps.defaultJobs})/ worker threads`, positiveInteger)
    .option('--quiet', '不显示进度条 / no progress bar')
    .action(async (paths: string[], flags: StatsFlags) => {
      const toTerminal = flags.output === undefined && process.stdout.isTTY === true;
      const color = flags.output === undefined && flags.format === 'stylish' && (deps.color?.(toTerminal) ?? false);
      const { output, exitCode } = await runStats(paths, flags, deps, color);
      if (flags.output === undefined) process.stdout.write(output);
      else writeOutput(flags.output, output);
      process.exitCode = exitCode;
    });
}
