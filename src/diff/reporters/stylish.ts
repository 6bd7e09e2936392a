// The diff for a terminal: people, teams, villages, then findings new, fixed and still open.
import { Chalk, type ChalkInstance } from 'chalk';
import { SEVERITY_WORDS } from '../../reporters/listing.js';
import { renderMessage, ruleIndex, type RenderOptions } from '../../reporters/render.js';
import { padEnd } from '../../reporters/text-width.js';
import type { Finding, RuleMeta, Severity } from '../../types.js';
import type { DiffReport, PersonChange } from '../types.js';
import { DIFF_WORDS, fieldsText, idText, rowsText, villageEventsText, villageText, type DiffWords } from './words.js';

export interface DiffStylishOptions extends RenderOptions {
  readonly color: boolean;
}

export function renderDiffStylish(report: DiffReport, options: DiffStylishOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const words = DIFF_WORDS[options.lang];
  const rules = ruleIndex(report.rules);
  const lines: string[] = [
    chalk.bold(words.title(report.previous.path, report.current.path)),
    chalk.dim(words.asOf(report.asOf)),
    '',
    chalk.bold(words.people),
    ...personGroup(words.joined, report.joined, chalk.green, (p) => personLine(p, words, options), words),
    ...personGroup(words.left, report.left, chalk.red, (p) => personLine(p, words, options), words),
    ...personGroup(words.moved, report.moved, chalk.yellow, (p) => `${personLine(p, words, options, false)}  ${villageText(p.from)} → ${villageText(p.to)}`, words),
    ...personGroup(words.changed, report.changed, chalk.cyan, (p) => `${personLine(p, words, options)}  ${fieldsText(p.fields, words, options)}`, words),
  ];
  if (report.unkeyed.previous + report.unkeyed.current > 0) lines.push(chalk.dim(`  ${words.unkeyed(report.unkeyed.previous, report.unkeyed.current)}`));
  lines.push('', chalk.bold(`${words.teams} (${words.teamCount(report.teams.length)})`));
  if (report.teams.length === 0) lines.push(`  ${chalk.dim(words.none)}`);
  for (const team of report.teams) {
    const change = team.change === 'formed' ? chalk.green : team.change === 'dissolved' ? chalk.red : chalk.yellow;
    lines.push(`  ${padEnd(words.team(team), 10)} ${padEnd(villageText(team), 28)} ${change(padEnd(words.teamChange[team.change], 8))} ${words.size(team.before, team.after)}`);
  }
  lines.push('', chalk.bold(`${words.villages} (${words.villageCount(report.villages.length)})`));
  if (report.villages.length === 0) lines.push(`  ${chalk.dim(words.none)}`);
  for (const village of report.villages) lines.push(`  ${padEnd(villageText(village), 30)} ${villageEventsText(village, words)}`);
  lines.push('', chalk.bold(words.findings));
  lines.push(...findingGroup(words.new, report.findings.new, chalk.red, rules, options, chalk));
  lines.push(...findingGroup(words.fixed, report.findings.fixed, chalk.green, rules, options, chalk));
  lines.push(...findingGroup(words.open, report.findings.open.map((pair) => pair.current), chalk.yellow, rules, options, chalk));
  lines.push('', chalk.bold(words.total(report)));
  return `${lines.join('\n')}\n`;
}

function personGroup<T extends PersonChange>(title: string, people: readonly T[], color: ChalkInstance, line: (p: T) => string, words: DiffWords): string[] {
  return [`  ${color(title)} ${words.persons(people.length)}`, ...people.map((p) => `    ${line(p)}`)];
}

function personLine(person: PersonChange, words: DiffWords, options: RenderOptions, withVillage = true): string {
  const line = `${padEnd(rowsText(person, words), 24)} ${padEnd(person.name, 8)} ${padEnd(idText(person.idNumber, options), 20)}`;
  return withVillage ? `${line} ${villageText(person)}` : line;
}

function severityColor(chalk: ChalkInstance, severity: Severity): ChalkInstance {
  return severity === 'error' ? chalk.red : severity === 'warning' ? chalk.yellow : chalk.blue;
}

function findingGroup(
  title: string,
  findings: readonly Finding[],
  color: ChalkInstance,
  rules: ReadonlyMap<string, RuleMeta>,
  options: RenderOptions,
  chalk: ChalkInstance,
): string[] {
  const lines = [`  ${color(title)} ${findings.length}`];
  const row = options.lang === 'zh' ? (n: number) => `第${n}行` : (n: number) => `row ${n}`;
  for (const finding of findings) {
    const where = `${finding.location.sheet} ${row(finding.location.row)}${finding.location.column ? ` ${finding.location.column}` : ''}`;
    const severity = severityColor(chalk, finding.severity)(padEnd(SEVERITY_WORDS[options.lang][finding.severity], 8));
    lines.push(`    ${padEnd(where, 30)} ${severity} ${renderMessage(rules.get(finding.ruleId), finding, options)}  ${chalk.dim(finding.ruleId)}`);
  }
  return lines;
}
