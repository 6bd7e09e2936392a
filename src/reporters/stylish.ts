// The terminal report for a county clerk: findings grouped by roster and sheet, then what each
// cited rule is based on and how to fix it, then the counts.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding, Lang, RosterResult, RuleMeta, Severity, WaiverReport } from '../types.js';
import { basisText, fixText, SEVERITY_WORDS, WAIVED_WORDS } from './listing.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { localize, renderMessage, ruleIndex } from './render.js';
import { summarise, type Summary } from './summary.js';
import { padEnd } from './text-width.js';

const WORDS = {
  zh: {
    row: (row: number) => `第${row}行`,
    notChecked: '未检查',
    notice: '注意',
    rulesHeading: '规则依据与整改办法',
    failed: '无法读取',
    clean: '未发现问题',
    waiverHeading: '豁免',
    skipped: '已跳过(不是名册)',
    waiverLive: (n: number) => `豁免 ${n} 个问题`,
    waiverUnused: '未匹配任何问题(请检查规则 id、村代码或身份证号,或删除该豁免)',
    waiverExpired: (date: string) => `已于 ${date} 过期,不再豁免`,
    total: (s: Summary) =>
      `共 ${s.errors + s.warnings + s.infos} 个问题(错误 ${s.errors},警告 ${s.warnings},提示 ${s.infos}),检查名册 ${s.files} 份${s.filesFailed ? `,其中 ${s.filesFailed} 份无法读取` : ''}${s.waived ? `;另有 ${s.waived} 个已豁免` : ''}`,
  },
  en: {
    row: (row: number) => `row ${row}`,
    notChecked: 'not checked',
    notice: 'note',
    rulesHeading: 'What the rules are based on and how to fix',
    failed: 'could not be read',
    clean: 'no problems found',
    waiverHeading: 'Waivers',
    skipped: 'skipped (not rosters)',
    waiverLive: (n: number) => `waives ${n} finding(s)`,
    waiverUnused: 'matched nothing (check the rule id, village codes or ID numbers, or remove the waiver)',
    waiverExpired: (date: string) => `expired on ${date}; it waives nothing`,
    total: (s: Summary) =>
      `${s.errors + s.warnings + s.infos} problems (${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos) in ${s.files} roster(s)${s.filesFailed ? `, ${s.filesFailed} could not be read` : ''}${s.waived ? `; ${s.waived} more waived` : ''}`,
  },
} as const;

function severityColor(chalk: ChalkInstance, severity: Severity): ChalkInstance {
  return severity === 'error' ? chalk.red : severity === 'warning' ? chalk.yellow : chalk.blue;
}

export const stylish: Reporter = {
  name: 'stylish',
  render(result, options) {
    const chalk = new Chalk({ level: options.color ? 1 : 0 });
    const rules = ruleIndex(result.rules);
    const lines: string[] = [];
    for (const roster of result.rosters) lines.push(...rosterLines(roster, rules, options, chalk), '');
    const cited = [...new Set(result.rosters.flatMap((roster) => roster.findings.map((finding) => finding.ruleId)))].sort();
    if (cited.length > 0) lines.push(...ruleLines(cited, rules, options.lang, chalk), '');
    if (result.waivers.length > 0) lines.push(...waiverLines(result.waivers, options.lang, chalk), '');
    if (result.skipped.length > 0) {
      lines.push(chalk.dim(`${WORDS[options.lang].skipped}: ${result.skipped.map((skip) => skip.path).join(', ')}`), '');
    }
    const summary = summarise(result);
    const words = WORDS[options.lang];
    const color = summary.errors || summary.filesFailed ? chalk.red.bold : summary.warnings ? chalk.yellow.bold : chalk.green.bold;
    lines.push(color(`${summary.errors || summary.filesFailed ? '✖' : '✔'} ${words.total(summary)}`));
    return `${lines.join('\n')}\n`;
  },
};

function rosterLines(roster: RosterResult, rules: Map<string, RuleMeta>, options: ReporterOptions, chalk: ChalkInstance): string[] {
  const words = WORDS[options.lang];
  const lines = [chalk.underline(roster.path)];
  if (roster.failure) return [...lines, chalk.red(`  ✖ ${words.failed}: ${localize(roster.failure.message, options)}`)];
  for (const notice of roster.notices) lines.push(chalk.yellow(`  ${words.notice}: ${localize(notice, options)}`));
  const sheets = [...new Set(roster.findings.map((finding) => finding.location.sheet))];
  for (const sheet of sheets) {
    lines.push(`  ${chalk.bold(sheet)}`);
    for (const finding of roster.findings.filter((f) => f.location.sheet === sheet)) {
      lines.push(findingLine(finding, rules, options, chalk));
    }
  }
  if (roster.findings.length === 0) lines.push(chalk.green(`  ${words.clean}`));
  if (options.showWaived) {
    for (const finding of roster.waived) {
      lines.push(chalk.dim(`${findingLine(finding, rules, options, chalk)}  (${WAIVED_WORDS[options.lang]})`));
    }
  }
  if (roster.notChecked.length > 0) {
    const items = roster.notChecked.map((n) => `${n.ruleId} (${localize(n.reason, options)})`);
    lines.push(chalk.dim(`  ${words.notChecked}: ${items.join(options.lang === 'zh' ? ';' : '; ')}`));
  }
  return lines;
}

function findingLine(finding: Finding, rules: Map<string, RuleMeta>, options: ReporterOptions, chalk: ChalkInstance): string {
  const words = WORDS[options.lang];
  const where = [words.row(finding.location.row), finding.location.column ?? ''].filter(Boolean).join(' ');
  const severity = severityColor(chalk, finding.severity)(padEnd(SEVERITY_WORDS[options.lang][finding.severity], 8));
  const message = renderMessage(rules.get(finding.ruleId), finding, options);
  return `    ${padEnd(where, 22)} ${severity} ${message}  ${chalk.dim(finding.ruleId)}`;
}

function waiverLines(waivers: readonly WaiverReport[], lang: Lang, chalk: ChalkInstance): string[] {
  const words = WORDS[lang];
  return [
    chalk.bold(words.waiverHeading),
    ...waivers.map((waiver) => {
      const what = `${waiver.rule} ${waiver.document} (${waiver.at})`;
      if (waiver.state === 'expired') return chalk.yellow(`  ⚠ ${what}: ${words.waiverExpired(waiver.expires)}`);
      if (waiver.matched === 0) return chalk.yellow(`  ⚠ ${what}: ${words.waiverUnused}`);
      return `  ${what}: ${words.waiverLive(waiver.matched)}`;
    }),
  ];
}

function ruleLines(ids: string[], rules: Map<string, RuleMeta>, lang: Lang, chalk: ChalkInstance): string[] {
  const words = WORDS[lang];
  const lines = [chalk.bold(words.rulesHeading)];
  for (const id of ids) {
    const rule = rules.get(id);
    if (!rule) continue;
    lines.push(`  ${chalk.dim(id)}  ${rule.title[lang]}`);
    lines.push(`    ${basisText(rule, lang)}`, `    ${fixText(rule, lang)}`);
  }
  return lines;
}
