// Commander wiring only: flags → check() → reporters → process.exitCode.
import { Command, CommanderError, Option } from 'commander';
import { check, DEFAULT_JOBS, VERSION } from './index.js';
import { writeOutput } from './output.js';
import { progressBar } from './progress.js';
import { UsageError, ZhucunError } from './errors.js';
import { collect, configOf, today, wantsColor } from './cli-shared.js';
import { REPORTERS, errorsOnly, maskPii, summarise } from './reporters/index.js';
import { writeAnnotatedCopy } from './annotate/command.js';
import { addDiffCommand } from './diff/command.js';
import { addRulesCommand } from './rules-command.js';
import { addTemplateCommand } from './template/command.js';
import { addStatsCommand } from './stats/command.js';
import type { Lang, RunResult } from './types.js';

interface CheckFlags {
  villages?: string;
  format: string[];
  output: string[];
  lang: Lang;
  asOf: string;
  rules: string[];
  showPii?: boolean;
  debug?: boolean;
  maxFileSize: number;
  maxUnzippedSize: number;
  config?: string;
  showWaived?: boolean;
  maxWarnings?: number;
  quiet?: boolean;
  jobs: number;
  annotate?: string;
}

const MIB = 1024 * 1024;

function megabytes(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) {
    throw new UsageError({ zh: `「${value}」不是有效的大小(MB)`, en: `${value} is not a valid size in MB` });
  }
  return number;
}

export function exitCodeOf(result: RunResult, maxWarnings?: number): number {
  const summary = summarise(result);
  if (summary.filesFailed > 0) return 2;
  if (summary.errors > 0) return 1;
  return maxWarnings !== undefined && summary.warnings > maxWarnings ? 1 : 0;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new UsageError({ zh: `「${value}」应为正整数`, en: `${value} must be a whole number, 1 or more` });
  }
  return number;
}

function warningLimit(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new UsageError({ zh: `--max-warnings「${value}」应为非负整数`, en: `--max-warnings ${value} must be a whole number, 0 or more` });
  }
  return number;
}

async function runCheck(paths: string[], flags: CheckFlags): Promise<void> {
  const formats = flags.format.length > 0 ? flags.format : ['stylish'];
  const unknown = formats.find((format) => !REPORTERS.has(format));
  if (unknown) {
    throw new UsageError({
      zh: `未知的输出格式「${unknown}」,可用: ${[...REPORTERS.keys()].join(', ')}`,
      en: `unknown format ${unknown}; available: ${[...REPORTERS.keys()].join(', ')}`,
    });
  }
  if (flags.output.length > formats.length) {
    throw new UsageError({ zh: '--output 多于 --format', en: 'more --output than --format options' });
  }
  if (paths.length === 0) {
    throw new UsageError({ zh: '请指定要检查的名册文件或文件夹', en: 'name the roster files or folders to check' });
  }
  const result = await check({
    inputs: paths,
    villages: flags.villages,
    asOf: flags.asOf,
    rulesDirs: flags.rules,
    config: configOf(flags),
    jobs: flags.jobs,
    progress: flags.quiet ? undefined : progressBar(process.stderr),
    limits: { maxFileBytes: flags.maxFileSize * MIB, maxInflatedBytes: flags.maxUnzippedSize * MIB },
    rollUp: formats.some((format) => REPORTERS.get(format)!.usesRollUp === true),
  });
  const shown = flags.quiet ? errorsOnly(result) : result;
  formats.forEach((format, index) => {
    const output = flags.output[index];
    const color = output === undefined && wantsColor(process.env, process.stdout.isTTY === true);
    const rendered = REPORTERS.get(format)!.render(shown, {
      lang: flags.lang,
      showPii: flags.showPii === true,
      color,
      maxWarnings: flags.maxWarnings,
      showWaived: flags.showWaived === true,
    });
    if (output === undefined) process.stdout.write(rendered);
    else writeOutput(output, rendered);
  });
  process.exitCode = exitCodeOf(result, flags.maxWarnings);
  if (flags.annotate !== undefined) {
    await writeAnnotatedCopy(result, flags.annotate, { lang: flags.lang, showPii: flags.showPii === true });
  }
}

function buildProgram(): Command {
  const program = new Command('zhucun')
    .description('驻村第一书记和工作队名册合规检查 / compliance checker for village work-team rosters')
    .version(VERSION)
    .exitOverride()
    .enablePositionalOptions()
    .showHelpAfterError();
  program
    .command('check', { isDefault: true })
    .description('检查名册 / check rosters')
    .argument('[paths...]', '名册工作簿、文件夹,或与 --villages 配对的驻村干部 CSV / workbooks, folders, or the cadre CSV')
    .option('--villages <file>', '村庄 CSV(与驻村干部 CSV 配对)/ the village CSV of a CSV pair')
    .option('-f, --format <name>', `输出格式 / output format: ${[...REPORTERS.keys()].join(', ')}`, collect, [])
    .option('-o, --output <file>', '写入文件(第 i 个对应第 i 个 --format)/ write the i-th format to a file', collect, [])
    .addOption(new Option('--lang <lang>', '语言 / language').choices(['zh', 'en']).default('zh'))
    .option('--as-of <date>', '截止日期 YYYY-MM-DD / reporting date', today())
    .option('--rules <dir>', '追加规则目录 / add a folder of rules', collect, [])
    .option('--show-pii', '显示完整身份证号和电话 / show ID and phone numbers unmasked')
    .option('--max-file-size <MB>', '最大文件大小 / largest input file, MB', megabytes, 256)
    .option('--max-unzipped-size <MB>', '工作簿解压后最大大小 / largest inflated workbook, MB', megabytes, 256)
    .option('--config <file>', '配置文件(默认查找 zhucun.config.yaml)/ configuration file')
    .option('--show-waived', '列出已豁免的问题 / list waived findings')
    .option('--max-warnings <n>', '警告超过 n 个时退出码为 1 / exit 1 when warnings exceed n', warningLimit)
    .option('--quiet', '只报告错误 / report errors only')
    .option('--jobs <n>', '并行线程数 / worker threads', positiveInteger, DEFAULT_JOBS)
    .option('--annotate <file>', '另存一份标出问题的名册副本(.xlsx)/ write a copy of the roster with every finding marked')
    .option('--debug', '出错时显示堆栈 / show stack traces')
    .action((paths: string[], flags: CheckFlags) => runCheck(paths, flags));
  addRulesCommand(program);
  addTemplateCommand(program);
  addDiffCommand(program);
  addStatsCommand(program, {
    check,
    configOf,
    today,
    defaultJobs: DEFAULT_JOBS,
    progress: () => progressBar(process.stderr),
    color: (isTerminal) => wantsColor(process.env, isTerminal),
  });
  return program;
}

function langOf(argv: readonly string[]): Lang {
  const index = argv.indexOf('--lang');
  return (index >= 0 && argv[index + 1] === 'en') || argv.includes('--lang=en') ? 'en' : 'zh';
}

export async function main(argv: readonly string[]): Promise<void> {
  const lang = langOf(argv);
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    process.exitCode = reportFailure(error, lang, argv.includes('--debug'), argv.includes('--show-pii'));
  }
}

function reportFailure(error: unknown, lang: Lang, debug: boolean, showPii: boolean): number {
  if (error instanceof CommanderError) {
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
  }
  const mask = (text: string) => (showPii ? text : maskPii(text));
  if (error instanceof ZhucunError) {
    process.stderr.write(`zhucun: ${mask(error.text[lang])}\n`);
    if (debug) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  const hint = lang === 'zh' ? '内部错误(加 --debug 查看详情,并请报告此问题)' : 'internal error (run with --debug for details, and please report it)';
  process.stderr.write(`zhucun: ${hint}: ${mask(message)}\n`);
  if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 2;
}
