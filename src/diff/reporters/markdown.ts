// The diff as Markdown, for a report to the county office or a pull-request comment: counts, then
// a table per kind of change. Every cell is text a clerk typed: escaped, never markup.
import { markdownCell, MAX_LISTED } from '../../reporters/markdown.js';
import { findingCells } from '../../reporters/listing.js';
import { ruleIndex, type RenderOptions } from '../../reporters/render.js';
import type { Finding, Lang, RuleMeta } from '../../types.js';
import type { DiffReport, PersonChange } from '../types.js';
import { DIFF_WORDS, fieldsText, idText, rowsText, villageEventsText, villageText } from './words.js';

const HEADERS: Readonly<Record<Lang, Record<string, readonly string[]>>> = {
  zh: {
    person: ['行', '姓名', '身份证号', '村'],
    moved: ['行', '姓名', '身份证号', '原村', '现村'],
    changed: ['行', '姓名', '身份证号', '村', '变更'],
    team: ['工作队', '村', '变化', '在岗人数'],
    village: ['村', '变化'],
    finding: ['工作表', '行', '列', '级别', '规则', '问题'],
  },
  en: {
    person: ['row', 'name', 'ID number', 'village'],
    moved: ['row', 'name', 'ID number', 'from', 'to'],
    changed: ['row', 'name', 'ID number', 'village', 'changes'],
    team: ['team', 'village', 'change', 'active members'],
    village: ['village', 'changes'],
    finding: ['sheet', 'row', 'column', 'severity', 'rule', 'message'],
  },
};

function table(header: readonly string[], rows: readonly (readonly string[])[], lang: Lang): string[] {
  if (rows.length === 0) return [DIFF_WORDS[lang].none];
  const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  const shown = rows.slice(0, MAX_LISTED);
  const more = rows.length > shown.length ? ['', lang === 'zh' ? `仅列出前 ${shown.length} 个,共 ${rows.length} 个。` : `The first ${shown.length} of ${rows.length}.`] : [];
  return [line(header), `|${header.map(() => ' --- |').join('')}`, ...shown.map(line), ...more];
}

export function renderDiffMarkdown(report: DiffReport, options: RenderOptions): string {
  const words = DIFF_WORDS[options.lang];
  const headers = HEADERS[options.lang];
  const rules = ruleIndex(report.rules);
  const person = (p: PersonChange) => [rowsText(p, words), p.name, idText(p.idNumber, options), villageText(p)];
  const sections: string[][] = [
    [`## ${words.title(report.previous.path, report.current.path)}`, '', `${words.asOf(report.asOf)} · ${words.total(report)}`],
    [`### ${words.people}: ${words.joined} ${report.joined.length}`, '', ...table(headers.person, report.joined.map(person), options.lang)],
    [`### ${words.people}: ${words.left} ${report.left.length}`, '', ...table(headers.person, report.left.map(person), options.lang)],
    [
      `### ${words.people}: ${words.moved} ${report.moved.length}`,
      '',
      ...table(headers.moved, report.moved.map((p) => [rowsText(p, words), p.name, idText(p.idNumber, options), villageText(p.from), villageText(p.to)]), options.lang),
    ],
    [
      `### ${words.people}: ${words.changed} ${report.changed.length}`,
      '',
      ...table(headers.changed, report.changed.map((p) => [...person(p), fieldsText(p.fields, words, options)]), options.lang),
    ],
    [
      `### ${words.teams}`,
      '',
      ...table(
        headers.team,
        report.teams.map((t) => [words.team(t), villageText(t), words.teamChange[t.change], `${t.before} → ${t.after}`]),
        options.lang,
      ),
    ],
    [`### ${words.villages}`, '', ...table(headers.village, report.villages.map((v) => [villageText(v), villageEventsText(v, words)]), options.lang)],
    findingSection(`${words.findings}: ${words.new}`, report.findings.new, rules, options),
    findingSection(`${words.findings}: ${words.fixed}`, report.findings.fixed, rules, options),
    findingSection(`${words.findings}: ${words.open}`, report.findings.open.map((pair) => pair.current), rules, options),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function findingSection(title: string, findings: readonly Finding[], rules: ReadonlyMap<string, RuleMeta>, options: RenderOptions): string[] {
  const rows = findings.map((f) => {
    const cells = findingCells('', f, rules, options);
    return [cells.sheet, cells.row, cells.column, cells.severity, cells.rule, cells.message];
  });
  return [`### ${title} ${findings.length}`, '', ...table(HEADERS[options.lang].finding, rows, options.lang)];
}
