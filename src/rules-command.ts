// `zhucun rules`: list the rules, explain one, validate a folder of custom rules.
import { Command, Option } from 'commander';
import { collect, configuredRules } from './cli-shared.js';
import { UsageError } from './errors.js';
import { BUILT_IN_RULES, loadRules, type Rule } from './ruleset/index.js';
import { padEnd } from './reporters/text-width.js';
import type { Lang } from './types.js';

interface RulesFlags {
  lang: Lang;
  rules: string[];
  config?: string;
}

const WORDS = {
  zh: { requirement: '要求', severity: '级别', scope: '范围', basis: '依据', fix: '整改', example: '示例', thresholds: '可配置', valid: (n: number, dir: string) => `${dir}: ${n} 条规则均有效` },
  en: { requirement: 'requirement', severity: 'severity', scope: 'scope', basis: 'basis', fix: 'fix', example: 'example', thresholds: 'configurable', valid: (n: number, dir: string) => `${dir}: all ${n} rule(s) are valid` },
} as const;

function listRules(rules: readonly Rule[], lang: Lang): string {
  const idWidth = Math.max(...rules.map((rule) => rule.id.length));
  return rules
    .map((rule) => `${padEnd(rule.id, idWidth)}  ${padEnd(rule.severity, 7)}  ${padEnd(rule.title[lang], 36)}  ${rule.source.document}`)
    .join('\n');
}

export function explainRule(rule: Rule, lang: Lang): string {
  const words = WORDS[lang];
  const thresholds = Object.entries(rule.thresholds).map(([name, t]) => `${name} (${t.description[lang]})`);
  return [
    `${rule.id} — ${rule.title[lang]}`,
    `  ${words.requirement}: ${rule.title[lang]}`,
    `  ${words.severity}: ${rule.severity}    ${words.scope}: ${rule.scope}    check: ${rule.kind.name} (${rule.kind.description})`,
    `  ${words.basis}: ${rule.source.document}`,
    `    「${rule.source.passage}」`,
    `  ${words.fix}: ${rule.fix[lang]}`,
    ...(rule.example ? [`  ${words.example}: ${rule.example[lang]}`] : []),
    ...(thresholds.length ? [`  ${words.thresholds}: ${thresholds.join('; ')}`] : []),
    `  file: ${rule.file}`,
  ].join('\n');
}

export function addRulesCommand(program: Command): void {
  const langOption = () => new Option('--lang <lang>', '语言 / language').choices(['zh', 'en']).default('zh');
  const rules = program
    .command('rules')
    // `zhucun rules explain ID --lang en`: the option belongs to the subcommand it follows.
    .enablePositionalOptions()
    .description('列出规则 / list the rules (severity after configuration)')
    .addOption(langOption())
    .option('--rules <dir>', '追加规则目录 / add a folder of rules', collect, [])
    .option('--config <file>', '配置文件 / configuration file')
    .action((flags: RulesFlags) => {
      process.stdout.write(`${listRules(configuredRules(flags), flags.lang)}\n`);
    });
  rules
    .command('explain')
    .description('说明一条规则 / explain one rule')
    .argument('<id>')
    .addOption(langOption())
    .option('--rules <dir>', '追加规则目录 / add a folder of rules', collect, [])
    .option('--config <file>', '配置文件 / configuration file')
    .action((id: string, flags: RulesFlags) => {
      const rule = configuredRules(flags).find((r) => r.id === id);
      if (!rule) throw new UsageError({ zh: `没有 id 为「${id}」的规则(zhucun rules 可列出全部)`, en: `no rule with id ${id} (zhucun rules lists them)` });
      process.stdout.write(`${explainRule(rule, flags.lang)}\n`);
    });
  rules
    .command('validate')
    .description('校验自定义规则目录 / validate a folder of custom rules')
    .argument('<dir>')
    .addOption(langOption())
    .action((dir: string, flags: RulesFlags) => {
      // Loaded with the built-in rules, so that a custom rule reusing a built-in id is refused here too.
      const added = loadRules([BUILT_IN_RULES, dir]).length - loadRules([BUILT_IN_RULES]).length;
      process.stdout.write(`${WORDS[flags.lang].valid(added, dir)}\n`);
    });
}
