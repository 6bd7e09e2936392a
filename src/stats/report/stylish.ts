// The roll-up for a terminal: the overview, then each table with its columns aligned (CJK
// characters take two columns), figures right-aligned and the total row last.
import { Chalk } from 'chalk';
import { displayWidth } from '../../reporters/text-width.js';
import type { Lang } from '../../types.js';
import type { StatsData } from './data.js';
import { failureText, headline, STATS_WORDS, statsTables, type Table } from './tables.js';

// A county name is typed by a clerk: no control character (an escape sequence, a line break) reaches the terminal.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function plain(text: string): string {
  return text.replace(CONTROL, ' ');
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

function tableLines(table: Table, chalk: InstanceType<typeof Chalk>): string[] {
  const rows = [table.header, ...table.rows].map((row) => row.map(plain));
  const widths = table.header.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column] ?? ''))));
  const line = (row: readonly string[]) => `  ${row.map((cell, column) => pad(cell, widths[column], table.numeric[column])).join('  ')}`.trimEnd();
  const rule = `  ${widths.map((width) => '─'.repeat(width)).join('  ')}`;
  const body = rows.slice(1).map(line);
  if (table.totalRow && body.length > 0) body.splice(body.length - 1, 0, rule);
  return [chalk.bold(plain(table.title)), chalk.dim(line(rows[0])), rule, ...body];
}

export function renderStylish(data: StatsData, lang: Lang, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const w = STATS_WORDS[lang];
  const sections: string[][] = [
    [chalk.bold(headline(data, lang)), w.rosters(data), w.overview(data.total)],
    ...statsTables(data, lang).map((table) => (table.id === 'rules' && data.total.findings.total === 0 ? [chalk.bold(table.title), `  ${w.noFindings}`] : tableLines(table, chalk))),
  ];
  if (data.unattributedFindings > 0) sections.push([w.unattributed(data.unattributedFindings)]);
  if (data.rosters.failed.length > 0) {
    sections.push([chalk.bold.red(w.failed), ...data.rosters.failed.map((failed) => chalk.red(`  ✖ ${plain(failureText(failed))}`))]);
  }
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
