// The roll-up as Markdown (a job summary, a report to paste): the overview and the tables, every
// cell escaped as text (a county name is typed by a clerk), figures right-aligned.
import { markdownCell } from '../../reporters/markdown.js';
import type { Lang } from '../../types.js';
import type { StatsData } from './data.js';
import { failureText, headline, STATS_WORDS, statsTables, type Table } from './tables.js';

function tableLines(table: Table): string[] {
  const cell = (text: string, bold: boolean) => {
    const escaped = markdownCell(text);
    return escaped === '' ? ' ' : bold ? `**${escaped}**` : escaped;
  };
  const line = (cells: readonly string[], bold = false) => `| ${cells.map((text) => cell(text, bold)).join(' | ')} |`;
  const delimiter = `|${table.numeric.map((numeric) => (numeric ? ' ---: |' : ' --- |')).join('')}`;
  const last = table.rows.length - 1;
  return [`### ${markdownCell(table.title)}`, '', line(table.header), delimiter, ...table.rows.map((row, index) => line(row, table.totalRow && index === last))];
}

export function renderMarkdown(data: StatsData, lang: Lang): string {
  const w = STATS_WORDS[lang];
  const sections: string[][] = [
    [`## ${markdownCell(headline(data, lang))}`, '', `${markdownCell(w.rosters(data))}  `, markdownCell(w.overview(data.total))],
    ...statsTables(data, lang).map((table) => (table.id === 'rules' && data.total.findings.total === 0 ? [`### ${markdownCell(table.title)}`, '', markdownCell(w.noFindings)] : tableLines(table))),
  ];
  if (data.unattributedFindings > 0) sections.push([markdownCell(w.unattributed(data.unattributedFindings))]);
  if (data.rosters.failed.length > 0) {
    sections.push([`### ${markdownCell(w.failed)}`, '', ...data.rosters.failed.map((failed) => `- ${markdownCell(failureText(failed))}`)]);
  }
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
