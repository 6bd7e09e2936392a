// `zhucun diff previous current`: wired into the CLI by addDiffCommand.
import { writeOutput } from '../output.js';
import { Command, Option } from 'commander';
import { collect, configOf, today, wantsColor } from '../cli-shared.js';
import type { Lang } from '../types.js';

export const DIFF_FORMATS = ['stylish', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffFlags {
  format: DiffFormat;
  output?: string;
  lang: Lang;
  asOf: string;
  config?: string;
  rules: string[];
  showPii?: boolean;
  previousVillages?: string;
  currentVillages?: string;
  debug?: boolean;
}

export function addDiffCommand(program: Command): void {
  program
    .command('diff')
    .description('比较两次报送的名册 / compare two submissions of a roster')
    .argument('<previous>', '上次报送的名册(工作簿、CSV 文件夹,或与 --previous-villages 配对的驻村干部 CSV)/ the earlier roster')
    .argument('<current>', '本次报送的名册 / the current roster')
    .addOption(new Option('-f, --format <name>', '输出格式 / output format').choices([...DIFF_FORMATS]).default('stylish'))
    .option('-o, --output <file>', '写入文件 / write to a file')
    .addOption(new Option('--lang <lang>', '语言 / language').choices(['zh', 'en']).default('zh'))
    .option('--as-of <date>', '截止日期 YYYY-MM-DD(两次报送按同一日期判断)/ reporting date, the same for both', today())
    .option('--config <file>', '配置文件(默认查找 zhucun.config.yaml)/ configuration file')
    .option('--rules <dir>', '追加规则目录 / add a folder of rules', collect, [])
    .option('--show-pii', '显示完整身份证号和电话 / show ID and phone numbers unmasked')
    .option('--previous-villages <file>', '上次名册的村庄 CSV / the village CSV of the earlier roster')
    .option('--current-villages <file>', '本次名册的村庄 CSV / the village CSV of the current roster')
    .option('--debug', '出错时显示堆栈 / show stack traces')
    .action(async (previous: string, current: string, flags: DiffFlags) => {
      await runDiff(previous, current, flags);
    });
}

/** Exit status 0 whatever changed; an input that cannot be read throws (exit 2). */
export async function runDiff(previousPath: string, currentPath: string, flags: DiffFlags): Promise<void> {
  const config = configOf(flags);
  const shared = { asOf: flags.asOf, rulesDirs: flags.rules, ...(config ? { config } : {}) };
  // Loaded when the command runs, so that other commands do not pay for it at start.
  const [{ diffRosters }, { readDiffSide }, { renderDiffJson }, { renderDiffMarkdown }, { renderDiffStylish }] = await Promise.all([
    import('./index.js'),
    import('./read.js'),
    import('./reporters/json.js'),
    import('./reporters/markdown.js'),
    import('./reporters/stylish.js'),
  ]);
  const previous = await readDiffSide(previousPath, { ...shared, ...(flags.previousVillages ? { villages: flags.previousVillages } : {}) });
  const current = await readDiffSide(currentPath, { ...shared, ...(flags.currentVillages ? { villages: flags.currentVillages } : {}) });
  const report = diffRosters(previous.side, current.side, { run: current.run });
  const render = { lang: flags.lang, showPii: flags.showPii === true };
  const text =
    flags.format === 'json'
      ? renderDiffJson(report, render)
      : flags.format === 'markdown'
        ? renderDiffMarkdown(report, render)
        : renderDiffStylish(report, { ...render, color: flags.output === undefined && wantsColor(process.env, process.stdout.isTTY === true) });
  if (flags.output === undefined) {
    process.stdout.write(text);
    return;
  }
  writeOutput(flags.output, text);
}


