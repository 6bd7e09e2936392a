// Inline SVG charts: drawn here as markup, so the report needs no script or library to show them.
// Every label is escaped text; colours are presentation attributes (no style attribute, which
// the page's content security policy would refuse).
import type { Severity } from '../../types.js';
import { escapeHtml } from './escape.js';

export const SEVERITY_COLOURS: Readonly<Record<Severity, string>> = { error: '#c62828', warning: '#d98200', info: '#1f6fb2' };
const TEAM_COLOUR = '#2e7d32';
const SECRETARY_COLOUR = '#7b3fa0';
const GRID = '#d0d5dc';
const INK = '#1f2933';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A number for an SVG attribute: at most one decimal, no trailing zero. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${n(x)}" y="${n(y)}"${attributes ? ` ${attributes}` : ''}>${escapeHtml(content)}</text>`;
}

function rect(x: number, y: number, width: number, height: number, fill: string): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(0, width))}" height="${n(height)}" fill="${fill}"/>`;
}

/** About how wide a label is at 12px: CJK characters are square, others about half that. */
function textWidth(label: string): number {
  return Array.from(label).reduce((width, char) => width + (/[\u2e80-\uffff]/.test(char) ? 12 : 7), 0);
}

function legend(items: readonly { label: string; colour: string }[], x: number, y: number): string {
  let at = x;
  return items
    .map(({ label, colour }) => {
      const item = `${rect(at, y - 9, 10, 10, colour)}${text(at + 14, y, label)}`;
      at += 14 + textWidth(label) + 18;
      return item;
    })
    .join('');
}

function svg(id: string, title: string, width: number, height: number, body: string): string {
  return (
    `<svg id="${id}" class="chart" role="img" aria-labelledby="${id}-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg" font-size="12" fill="${INK}">` +
    `<title id="${id}-title">${escapeHtml(title)}</title>${body}</svg>`
  );
}

export interface RuleBar {
  readonly id: string;
  readonly title: string;
  readonly counts: Readonly<Record<Severity, number>>;
}

/** Findings by rule: one stacked bar per rule (errors, warnings, infos), the most first. */
export function findingsByRuleChart(bars: readonly RuleBar[], words: { title: string; severity: Readonly<Record<Severity, string>> }): string {
  const width = 590;
  const labelWidth = 252;
  const barMax = width - labelWidth - 36;
  const top = 30;
  const row = 22;
  const total = (bar: RuleBar) => bar.counts.error + bar.counts.warning + bar.counts.info;
  const max = Math.max(1, ...bars.map(total));
  const rows = bars.map((bar, index) => {
    const y = top + index * row;
    let x = labelWidth;
    const segments = SEVERITIES.map((severity) => {
      const w = (bar.counts[severity] / max) * barMax;
      const segment = bar.counts[severity] > 0 ? rect(x, y + 3, w, row - 8, SEVERITY_COLOURS[severity]) : '';
      x += w;
      return segment;
    }).join('');
    const tip = `${bar.id} ${bar.title}: ${SEVERITIES.filter((s) => bar.counts[s] > 0).map((s) => `${words.severity[s]} ${bar.counts[s]}`).join(', ')}`;
    return (
      `<g class="bar" data-rule="${escapeHtml(bar.id)}"><title>${escapeHtml(tip)}</title>` +
      text(labelWidth - 8, y + row / 2 + 4, bar.id, 'text-anchor="end" font-family="ui-monospace, Menlo, Consolas, monospace"') +
      segments +
      text(x + 6, y + row / 2 + 4, String(total(bar)), 'class="count"') +
      `</g>`
    );
  });
  const axis = `<line x1="${labelWidth}" y1="${top}" x2="${labelWidth}" y2="${top + bars.length * row}" stroke="${GRID}"/>`;
  const key = legend(SEVERITIES.map((s) => ({ label: words.severity[s], colour: SEVERITY_COLOURS[s] })), labelWidth, 16);
  return svg('chart-rules', words.title, width, top + bars.length * row + 8, key + axis + rows.join(''));
}

export interface CoverageBar {
  readonly label: string;
  readonly tuopin: number;
  readonly withTeam: number;
  readonly withFirstSecretary: number;
}

/** Share of each county's 脱贫村 with a team and with a first secretary, 0–100%. */
export function coverageChart(bars: readonly CoverageBar[], words: { title: string; withTeam: string; withFirstSecretary: string }): string {
  const width = 590;
  const labelWidth = 180;
  const barMax = width - labelWidth - 96;
  const top = 44;
  const group = 30;
  const height = top + bars.length * group + 6;
  const ticks = [0, 25, 50, 75, 100]
    .map((tick) => {
      const x = labelWidth + (tick / 100) * barMax;
      return `<line x1="${n(x)}" y1="${top - 6}" x2="${n(x)}" y2="${height - 4}" stroke="${GRID}"/>${text(x, top - 10, `${tick}%`, 'text-anchor="middle" fill="#5b6673"')}`;
    })
    .join('');
  const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;
  const rows = bars.map((bar, index) => {
    const y = top + index * group;
    const team = (bar.withTeam / bar.tuopin) * barMax;
    const secretary = (bar.withFirstSecretary / bar.tuopin) * barMax;
    const tip = `${bar.label}: ${words.withTeam} ${bar.withTeam}/${bar.tuopin}, ${words.withFirstSecretary} ${bar.withFirstSecretary}/${bar.tuopin}`;
    return (
      `<g class="coverage"><title>${escapeHtml(tip)}</title>` +
      text(labelWidth - 8, y + group / 2 + 2, bar.label, 'text-anchor="end"') +
      rect(labelWidth, y + 3, team, 10, TEAM_COLOUR) +
      text(labelWidth + team + 5, y + 12, `${percent(bar.withTeam, bar.tuopin)} (${bar.withTeam}/${bar.tuopin})`, 'font-size="11"') +
      rect(labelWidth, y + 15, secretary, 10, SECRETARY_COLOUR) +
      text(labelWidth + secretary + 5, y + 24, `${percent(bar.withFirstSecretary, bar.tuopin)} (${bar.withFirstSecretary}/${bar.tuopin})`, 'font-size="11"') +
      `</g>`
    );
  });
  const key = legend(
    [
      { label: words.withTeam, colour: TEAM_COLOUR },
      { label: words.withFirstSecretary, colour: SECRETARY_COLOUR },
    ],
    labelWidth,
    14,
  );
  return svg('chart-coverage', words.title, width, height, key + ticks + rows.join(''));
}
