// Markdown for a pull-request comment or a job summary ($GITHUB_STEP_SUMMARY): the verdict, the
// counts, the rules cited, the first findings, the rosters that could not be read, and the command
// that reproduces the run. Every cell is text a clerk typed: it is escaped, never markup.
import type { Finding, RosterResult, RuleMeta, RunResult, Severity } from '../types.js';
import { findingCells, SEVERITY_WORDS, waiverNote } from './listing.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { localize, ruleIndex } from './render.js';
import { startsLikeFormula } from './spreadsheet-safe.js';
import { summarise, type Summary } from './summary.js';

/** How many findings the comment lists; the counts cover them all. */
export const MAX_LISTED = 50;

const WORDS = {
  zh: {
    failed: '未通过',
    passed: '通过',
    passedWithWarnings: '通过(有警告)',
    counts: (s: Summary) =>
      `错误 **${s.errors}** · 警告 **${s.warnings}** · 提示 **${s.infos}** · 名册 **${s.files}** 份` +
      (s.filesFailed ? `(**${s.filesFailed}** 份无法读取)` : '') +
      (s.waived ? ` · 已豁免 **${s.waived}**` : ''),
    byRule: '按规则统计',
    ruleHeader: ['规则', '名称', '级别', '数量'],
    findings: '问题',
    shown: (shown: number, all: number) => `仅列出前 ${shown} 个,共 ${all} 个。`,
    findingHeader: ['名册', '工作表', '行', '列', '级别', '规则', '问题'],
    failedRosters: '无法读取的名册',
    waived: '已豁免的问题(不计入结果)',
    waivedHeader: ['名册', '工作表', '行', '列', '级别', '规则', '问题', '豁免'],
    reproduce: '在本地复现',
    none: '未发现问题。',
  },
  en: {
    failed: 'failed',
    passed: 'passed',
    passedWithWarnings: 'passed with warnings',
    counts: (s: Summary) =>
      `**${s.errors}** errors · **${s.warnings}** warnings · **${s.infos}** infos · **${s.files}** roster(s)` +
      (s.filesFailed ? ` (**${s.filesFailed}** could not be read)` : '') +
      (s.waived ? ` · **${s.waived}** waived` : ''),
    byRule: 'By rule',
    ruleHeader: ['rule', 'title', 'severity', 'count'],
    findings: 'Findings',
    shown: (shown: number, all: number) => `The first ${shown} of ${all}.`,
    findingHeader: ['roster', 'sheet', 'row', 'column', 'severity', 'rule', 'message'],
    failedRosters: 'Rosters that could not be read',
    waived: 'Waived findings (not counted)',
    waivedHeader: ['roster', 'sheet', 'row', 'column', 'severity', 'rule', 'message', 'waiver'],
    reproduce: 'How to reproduce locally',
    none: 'No problems found.',
  },
} as const;

// Inline markup in a table cell: escapes, code, emphasis, links and images, HTML and entities,
// strikethrough, the cell separator, GitHub mentions and references, emoji, autolinks and math.
const MARKUP = /[\\`*_[\]<>&~|#!@:$]/g;

/** A table cell's text: one line, markup escaped, and no leading = + - @ (a formula when pasted into a sheet). */
export function markdownCell(text: string): string {
  const escaped = text.replace(/\s+/g, ' ').trim().replace(MARKUP, (char) => `\\${char}`);
  return startsLikeFormula(escaped) ? `\\${escaped}` : escaped;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- |').join('')}`, ...rows.map(line)];
}

export const markdown: Reporter = {
  name: 'markdown',
  render(result, options) {
    const summary = summarise(result);
    const words = WORDS[options.lang];
    const sections = [
      [`## ${verdict(summary, options)}`, '', words.counts(summary)],
      ruleSection(result, options),
      findingSection(result, options),
      failedSection(result.rosters, options),
      options.showWaived ? waivedSection(result, options) : [],
      reproduceSection(result, options),
    ];
    return `${sections.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')).join('\n\n')}\n`;
  },
};

/** The verdict the exit status gives: errors, unreadable rosters or too many warnings fail. */
function verdict(summary: Summary, options: ReporterOptions): string {
  const words = WORDS[options.lang];
  const tooManyWarnings = options.maxWarnings !== undefined && summary.warnings > options.maxWarnings;
  if (summary.errors > 0 || summary.filesFailed > 0 || tooManyWarnings) return `❌ zhucun: ${words.failed}`;
  return summary.warnings > 0 ? `⚠️ zhucun: ${words.passedWithWarnings}` : `✅ zhucun: ${words.passed}`;
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** By code unit, not locale: the same bytes on every machine. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Counts by rule and severity (a rule's findings can be downgraded), errors first, then the most frequent. */
function ruleSection(result: RunResult, options: ReporterOptions): string[] {
  const counts = new Map<string, { id: string; severity: Severity; count: number }>();
  for (const finding of result.rosters.flatMap((roster) => roster.findings)) {
    const key = `${finding.ruleId}\u0000${finding.severity}`;
    const entry = counts.get(key) ?? { id: finding.ruleId, severity: finding.severity, count: 0 };
    counts.set(key, { ...entry, count: entry.count + 1 });
  }
  if (counts.size === 0) return [];
  const rules = ruleIndex(result.rules);
  const rows = [...counts.values()]
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || b.count - a.count || compareIds(a.id, b.id))
    .map((entry) => [entry.id, rules.get(entry.id)?.title[options.lang] ?? '', SEVERITY_WORDS[options.lang][entry.severity], String(entry.count)]);
  const words = WORDS[options.lang];
  return [`### ${words.byRule}`, '', ...table(words.ruleHeader, rows)];
}

/** A finding's cells in the order of the tables here. */
function findingRow(roster: string, finding: Finding, rules: ReadonlyMap<string, RuleMeta>, options: ReporterOptions): string[] {
  const cells = findingCells(roster, finding, rules, options);
  return [cells.roster, cells.sheet, cells.row, cells.column, cells.severity, cells.rule, cells.message];
}

function findingSection(result: RunResult, options: ReporterOptions): string[] {
  const words = WORDS[options.lang];
  const rules = ruleIndex(result.rules);
  const rows = result.rosters.flatMap((roster) => roster.findings.map((finding) => findingRow(roster.path, finding, rules, options)));
  if (rows.length === 0) return result.rosters.some((roster) => roster.failure === null) ? [words.none] : [];
  const shown = rows.slice(0, MAX_LISTED);
  return [
    `### ${words.findings}`,
    '',
    ...table(words.findingHeader, shown),
    ...(rows.length > shown.length ? ['', words.shown(shown.length, rows.length)] : []),
  ];
}

function failedSection(rosters: readonly RosterResult[], options: ReporterOptions): string[] {
  const failed = rosters.filter((roster) => roster.failure !== null);
  if (failed.length === 0) return [];
  const items = failed.map((roster) => `- ${markdownCell(roster.path)}: ${markdownCell(localize(roster.failure!.message, options))}`);
  return [`### ${WORDS[options.lang].failedRosters}`, '', ...items];
}

/** Shown only with --show-waived (the roster's `waived` is listed then). */
function waivedSection(result: RunResult, options: ReporterOptions): string[] {
  const rules = ruleIndex(result.rules);
  const rows = result.rosters.flatMap((roster) =>
    roster.waived.map((finding) => [...findingRow(roster.path, finding, rules, options), waiverNote(result.waivers, finding, options)]),
  );
  if (rows.length === 0) return [];
  const words = WORDS[options.lang];
  return [`### ${words.waived}`, '', ...table(words.waivedHeader, rows)];
}

/** A path as one shell word: bare when plainly safe, else single-quoted; never read as an option. */
function shellWord(path: string): string {
  const word = path.startsWith('-') ? `./${path}` : path;
  return /^[\w@%+=:,./\u00a0-\uFFFF-]+$/u.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function reproduceSection(result: RunResult, options: ReporterOptions): string[] {
  const paths = result.rosters.map((roster) => shellWord(roster.path));
  const command = `npx zhucun check ${paths.join(' ')} --as-of ${shellWord(result.asOf)}`;
  const longest = Math.max(0, ...(command.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`### ${WORDS[options.lang].reproduce}`, '', `${fence}sh`, command, fence];
}
