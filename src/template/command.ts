// `zhucun template`: writes the blank roster workbook. Wired into the CLI by addTemplateCommand.
import { existsSync } from 'node:fs';
import { writeOutput } from '../output.js';
import { extname } from 'node:path';
import { Command, Option } from 'commander';
import { collect, configuredRules } from '../cli-shared.js';
import { UsageError } from '../errors.js';
import type { Lang } from '../types.js';

interface TemplateFlags {
  output: string;
  lang: Lang;
  force?: boolean;
  rules: string[];
  config?: string;
}

export const DEFAULT_TEMPLATE_FILE = 'roster-template.xlsx';

export function addTemplateCommand(program: Command): void {
  program
    .command('template')
    .description('生成名册模板(带下拉列表和填表说明)/ write a blank roster template with drop-down lists and instructions')
    .option('-o, --output <file>', `模板文件 / the file to write (.xlsx)`, DEFAULT_TEMPLATE_FILE)
    .addOption(new Option('--lang <lang>', '填表说明的语言 / language of the instructions').choices(['zh', 'en']).default('zh'))
    .option('--force', '覆盖已有文件 / overwrite an existing file')
    .option('--rules <dir>', '填表说明中列出的追加规则目录 / add a folder of rules to the instructions', collect, [])
    .option('--config <file>', '配置文件(默认查找 zhucun.config.yaml)/ configuration file')
    .action(async (flags: TemplateFlags) => {
      await runTemplate(flags);
    });
}

export async function runTemplate(flags: TemplateFlags): Promise<void> {
  if (extname(flags.output).toLowerCase() !== '.xlsx') {
    throw new UsageError({
      zh: `${flags.output}: 模板是 .xlsx 工作簿,请用 .xlsx 结尾的文件名`,
      en: `${flags.output}: the template is an .xlsx workbook; give a file name ending in .xlsx`,
    });
  }
  if (!flags.force && existsSync(flags.output)) {
    throw new UsageError({
      zh: `${flags.output}: 文件已存在;换一个文件名,或加 --force 覆盖`,
      en: `${flags.output}: the file exists; choose another name, or add --force to overwrite it`,
    });
  }
  const rules = configuredRules(flags);
  const { writeTemplate } = await import('./index.js'); // loaded when the command runs, not at every start
  const bytes = await writeTemplate({ lang: flags.lang, rules });
  writeOutput(flags.output, bytes);
  process.stdout.write(
    flags.lang === 'zh'
      ? `已生成名册模板 ${flags.output}(填好后用 zhucun check ${flags.output} 检查)\n`
      : `wrote the roster template ${flags.output} (check it when filled in: zhucun check ${flags.output})\n`,
  );
}
