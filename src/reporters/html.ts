// The HTML audit report: one self-contained file to open offline on a government intranet. The
// roll-up tables, a chart of findings by rule and one of coverage by county, and every finding,
// filterable by county, rule and severity. Styles, script, data and charts are inline; a content
// security policy forbids every fetch, and lets only this file's own style and script run. Every
// value is escaped text; personal data is masked as in every format (render.ts).
import { createHash } from 'node:crypto';
import { statsData, type StatsData } from '../stats/report/data.js';
import { statsTables, type Table } from '../stats/report/tables.js';
import type { Finding, RunResult, Severity } from '../types.js';
import { coverageChart, findingsByRuleChart, type CoverageBar, type RuleBar } from './html/charts.js';
import { escapeHtml, jsonForScript } from './html/escape.js';
import { SCRIPT } from './html/script.js';
import { STYLE } from './html/style.js';
import { fill, HTML_WORDS, type HtmlWords } from './html/words.js';
import { basisText, findingCells, fixText, SEVERITY_WORDS, waiverNote } from './listing.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { localize, renderMessage, ruleIndex } from './render.js';
import { summarise } from './summary.js';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** How many findings the list shows at first, and adds per click: the page stays quick at national scale. */
export const PAGE_SIZE = 1000;

/** Counties in the coverage chart; beyond this, the ones with the lowest coverage. */
export const MAX_COVERAGE_BARS = 40;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Nothing may be fetched, framed, posted or based elsewhere; only this style and this script run. */
const CSP = [
  "default-src 'none'",
  `style-src ${hash(STYLE)}`,
  `script-src ${hash(SCRIPT)}`,
  "img-src 'none'",
  "connect-src 'none'",
  "font-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const esc = escapeHtml;

export const html: Reporter = {
  name: 'html',
  usesRollUp: true,
  render(result, options) {
    const words = HTML_WORDS[options.lang];
    const data = statsData(result, options);
    const model = findingModel(result, data, options);
    const summary = summarise(result);
    const title = `${words.title}${options.lang === 'zh' ? `(${words.asOf(result.asOf)})` : ` (${words.asOf(result.asOf)})`}`;
    const sections = [
      header(result, title, words, summary.filesFailed),
      cards(summary, data, words),
      contents(words, model.rules.length > 0),
      chartSection(model, data, options, words),
      rollupSection(statsTables(data, options.lang), words),
      findingSection(model, options, words),
      rulesSection(result, model, options, words),
      failedSection(result, options, words),
      options.showWaived ? waivedSection(result, data, options, words) : '',
      `<footer>${esc(words.generated(`${result.tool.name} ${result.tool.version}`))}</footer>`,
    ];
    return [
      '<!DOCTYPE html>',
      `<html lang="${words.htmlLang}">`,
      '<head>',
      '<meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">`,
      '<meta name="referrer" content="no-referrer">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<meta name="generator" content="${esc(`${result.tool.name} ${result.tool.version}`)}">`,
      `<title>${esc(title)}</title>`,
      `<style>${STYLE}</style>`,
      '</head>',
      '<body>',
      ...sections.filter(Boolean),
      `<script type="application/json" id="zhucun-data">${jsonForScript(model.json)}</script>`,
      `<script>${SCRIPT}</script>`,
      '</body>',
      '</html>',
      '',
    ].join('\n');
  },
};

// ---------------------------------------------------------------------------------------------
// The findings as the page's script lists them

interface RuleEntry {
  readonly id: string;
  readonly title: string;
  readonly document: string;
  readonly passage: string;
  readonly fix: string;
}

interface FindingModel {
  /** County labels by index (the roll-up's county order); -1 in a finding: no county known. */
  readonly counties: readonly { readonly code: string; readonly name: string; readonly count: number }[];
  readonly unknownCounty: number;
  readonly rules: readonly (RuleEntry & { readonly count: number; readonly bySeverity: Record<Severity, number> })[];
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly json: unknown;
}

/** A finding's county as the roll-up counts it: its village's county, else its roster's first county. */
function countyOf(finding: Finding, fallback: string | undefined, index: ReadonlyMap<string, number>): number {
  const code = finding.entity.villageCode?.slice(0, 6);
  if (code && index.has(code)) return index.get(code)!;
  if (fallback !== undefined && index.has(fallback)) return index.get(fallback)!;
  return -1;
}

function findingModel(result: RunResult, data: StatsData, options: ReporterOptions): FindingModel {
  const words = HTML_WORDS[options.lang];
  const metas = ruleIndex(result.rules);
  const countyIndex = new Map(data.counties.map((row, index) => [row.code ?? '', index]));
  const counties = data.counties.map((row) => ({ code: row.code ?? '', name: row.name, count: 0 }));
  const ruleOrder = new Map<string, number>();
  const rules: (RuleEntry & { count: number; bySeverity: Record<Severity, number> })[] = [];
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let unknownCounty = 0;
  const rows: unknown[][] = [];
  result.rosters.forEach((roster, rosterIndex) => {
    const fallback = roster.stats?.[0]?.countyCode;
    for (const finding of roster.findings) {
      const county = countyOf(finding, fallback, countyIndex);
      if (county < 0) unknownCounty += 1;
      else counties[county].count += 1;
      let ruleAt = ruleOrder.get(finding.ruleId);
      if (ruleAt === undefined) {
        const meta = metas.get(finding.ruleId);
        ruleAt = rules.length;
        ruleOrder.set(finding.ruleId, ruleAt);
        rules.push({
          id: finding.ruleId,
          title: meta?.title[options.lang] ?? '',
          document: meta?.source.document ?? '',
          passage: meta?.source.passage ?? '',
          fix: meta?.fix[options.lang] ?? '',
          count: 0,
          bySeverity: { error: 0, warning: 0, info: 0 },
        });
      }
      rules[ruleAt].count += 1;
      rules[ruleAt].bySeverity[finding.severity] += 1;
      bySeverity[finding.severity] += 1;
      rows.push([
        county,
        rosterIndex,
        finding.location.sheet,
        finding.location.row,
        finding.location.column ?? '',
        SEVERITIES.indexOf(finding.severity),
        ruleAt,
        renderMessage(metas.get(finding.ruleId), finding, options),
      ]);
    }
  });
  const json = {
    page: PAGE_SIZE,
    words: {
      shown: words.shown,
      listed: words.listed,
      more: words.more,
      basis: words.basis,
      fix: options.lang === 'zh' ? `${words.fix}:` : `${words.fix}: `,
      quote: options.lang === 'zh' ? ':「{passage}」' : ': “{passage}”',
      unknownCounty: words.unknownCounty,
    },
    severities: SEVERITIES.map((severity) => [severity, SEVERITY_WORDS[options.lang][severity]]),
    counties: counties.map((county) => county.name),
    rosters: result.rosters.map((roster) => roster.path),
    rules: rules.map(({ id, title, document, passage, fix }) => ({ id, title, document, passage, fix })),
    findings: rows,
  };
  return { counties, unknownCounty, rules, bySeverity, json };
}

// ---------------------------------------------------------------------------------------------
// Sections

function header(result: RunResult, title: string, words: HtmlWords, failed: number): string {
  const skipped = result.skipped?.length ?? 0;
  const meta = [words.rosters(result.rosters.length, failed), ...(skipped ? [words.skipped(skipped)] : [])].join(' · ');
  return `<header><h1>${esc(title)}</h1><p class="meta">${esc(meta)}</p></header>`;
}

function card(id: string, className: string, count: number, label: string): string {
  return `<div class="card ${className}"><span class="n" id="${id}">${count}</span><span class="w">${esc(label)}</span></div>`;
}

function cards(summary: ReturnType<typeof summarise>, data: StatsData, words: HtmlWords): string {
  const c = words.cards;
  return [
    '<section class="cards" id="summary">',
    card('count-total', 'total', summary.errors + summary.warnings + summary.infos, c.total),
    card('count-error', 'error', summary.errors, c.error),
    card('count-warning', 'warning', summary.warnings, c.warning),
    card('count-info', 'info', summary.infos, c.info),
    ...(summary.filesFailed ? [card('count-failed', 'failed', summary.filesFailed, c.failed)] : []),
    card('count-counties', 'figure', data.total.counties, c.counties),
    card('count-villages', 'figure', data.total.villages, c.villages),
    card('count-teams', 'figure', data.total.teams, c.teams),
    card('count-cadres', 'figure', data.total.activeCadres, c.cadres),
    '</section>',
  ].join('\n');
}

function contents(words: HtmlWords, rulesCited: boolean): string {
  const links = [
    ['charts', words.charts],
    ['rollup', words.rollup],
    ['findings', words.findings],
    ...(rulesCited ? [['rules', words.rules]] : []),
  ];
  return `<nav aria-label="${esc(words.contents)}"><ul>${links.map(([id, label]) => `<li><a href="#${id}">${esc(label)}</a></li>`).join('')}</ul></nav>`;
}

function chartSection(model: FindingModel, data: StatsData, options: ReporterOptions, words: HtmlWords): string {
  const bars: RuleBar[] = [...model.rules]
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((rule) => ({ id: rule.id, title: rule.title, counts: rule.bySeverity }));
  const rulesFigure = bars.length
    ? findingsByRuleChart(bars, { title: words.byRuleChart, severity: SEVERITY_WORDS[options.lang] })
    : `<p class="note">${esc(words.noFindings)}</p>`;
  const withTuopin = data.counties.filter((row) => row.tuopin.villages > 0);
  const lowest = (row: StatsData['counties'][number]) => Math.min(row.tuopin.shareWithTeam ?? 1, row.tuopin.shareWithFirstSecretary ?? 1);
  const chosen =
    withTuopin.length <= MAX_COVERAGE_BARS
      ? withTuopin
      : [...withTuopin].sort((a, b) => lowest(a) - lowest(b) || ((a.code ?? '') < (b.code ?? '') ? -1 : 1)).slice(0, MAX_COVERAGE_BARS);
  const coverageBars: CoverageBar[] = chosen.map((row) => ({
    label: row.name,
    tuopin: row.tuopin.villages,
    withTeam: row.tuopin.withTeam,
    withFirstSecretary: row.tuopin.withFirstSecretary,
  }));
  const note = words.coverageNote(chosen.length, withTuopin.length);
  const coverageFigure = coverageBars.length
    ? coverageChart(coverageBars, { title: words.coverageChart, withTeam: words.withTeam, withFirstSecretary: words.withFirstSecretary })
    : `<p class="note">${esc(words.noTuopin)}</p>`;
  return [
    `<section id="charts"><h2>${esc(words.charts)}</h2><div class="charts">`,
    `<figure><figcaption>${esc(words.byRuleChart)}</figcaption>${rulesFigure}<p class="note">${esc(words.byRuleNote)}</p></figure>`,
    `<figure><figcaption>${esc(words.coverageChart)}</figcaption>${coverageFigure}${note ? `<p class="note">${esc(note)}</p>` : ''}</figure>`,
    '</div></section>',
  ].join('\n');
}

function tableHtml(table: Table): string {
  const cellHtml = (tag: 'th' | 'td', text: string, column: number) => `<${tag}${table.numeric[column] ? ' class="num"' : ''}>${esc(text)}</${tag}>`;
  const rowHtml = (row: readonly string[], tag: 'th' | 'td' = 'td', className = '') =>
    `<tr${className ? ` class="${className}"` : ''}>${row.map((text, column) => cellHtml(tag, text, column)).join('')}</tr>`;
  const body = table.totalRow ? table.rows.slice(0, -1) : table.rows;
  const total = table.totalRow ? table.rows[table.rows.length - 1] : undefined;
  return [
    `<h3 id="table-${table.id}">${esc(table.title)}</h3>`,
    `<div class="scroll"><table class="rollup" id="rollup-${table.id}">`,
    `<thead>${rowHtml(table.header, 'th')}</thead>`,
    `<tbody>${body.map((row) => rowHtml(row)).join('\n')}</tbody>`,
    total ? `<tfoot>${rowHtml(total, 'td', 'total')}</tfoot>` : '',
    '</table></div>',
  ].join('\n');
}

function rollupSection(tables: readonly Table[], words: HtmlWords): string {
  return `<section id="rollup"><h2>${esc(words.rollup)}</h2>\n${tables.map(tableHtml).join('\n')}\n</section>`;
}

function option(value: string, label: string): string {
  return `<option value="${esc(value)}">${esc(label)}</option>`;
}

function findingSection(model: FindingModel, options: ReporterOptions, words: HtmlWords): string {
  const all = `<option value="" selected>${esc(words.all)}</option>`;
  const countyOptions = [
    all,
    ...model.counties.flatMap((county, index) => (county.count > 0 ? [option(String(index), `${county.name}(${county.code})(${county.count})`)] : [])),
    ...(model.unknownCounty > 0 ? [option('-1', `${words.unknownCounty}(${model.unknownCounty})`)] : []),
  ];
  const ruleOptions = [
    all,
    ...model.rules
      .map((rule, index) => ({ rule, index }))
      .sort((a, b) => (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0))
      .map(({ rule, index }) => option(String(index), `${rule.id} ${rule.title}(${rule.count})`)),
  ];
  const severityOptions = [all, ...SEVERITIES.filter((s) => model.bySeverity[s] > 0).map((s) => option(s, `${SEVERITY_WORDS[options.lang][s]}(${model.bySeverity[s]})`))];
  const total = model.bySeverity.error + model.bySeverity.warning + model.bySeverity.info;
  const select = (id: string, label: string, options: readonly string[]) => `<label>${esc(label)} <select id="${id}">${options.join('')}</select></label>`;
  return [
    `<section id="findings"><h2>${esc(words.findings)}</h2>`,
    '<form class="filters" id="filters">',
    select('filter-county', words.filterCounty, countyOptions),
    select('filter-rule', words.filterRule, ruleOptions),
    select('filter-severity', words.filterSeverity, severityOptions),
    `<button type="reset">${esc(words.reset)}</button>`,
    '</form>',
    `<p id="shown" aria-live="polite" data-shown="${total}" data-listed="0">${esc(fill(words.shown, { shown: total, all: total }))}</p>`,
    `<noscript><p class="note">${esc(words.noscript)}</p></noscript>`,
    '<div class="scroll"><table id="findings-table">',
    `<thead><tr>${words.columns.map((column, index) => `<th${index === 3 ? ' class="num"' : ''}>${esc(column)}</th>`).join('')}</tr></thead>`,
    '<tbody id="findings-body"></tbody>',
    '</table></div>',
    '<button type="button" id="more" hidden></button>',
    '</section>',
  ].join('\n');
}

function rulesSection(result: RunResult, model: FindingModel, options: ReporterOptions, words: HtmlWords): string {
  const metas = ruleIndex(result.rules);
  const items = [...model.rules]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((entry) => {
      const rule = metas.get(entry.id);
      if (!rule) return [];
      return [
        `<dt id="rule-${esc(rule.id)}"><code>${esc(rule.id)}</code> ${esc(rule.title[options.lang])}</dt>`,
        `<dd>${esc(basisText(rule, options.lang))}</dd>`,
        `<dd>${esc(fixText(rule, options.lang))}</dd>`,
      ];
    });
  if (items.length === 0) return '';
  return `<section id="rules"><h2>${esc(words.rules)}</h2><dl class="rules">\n${items.join('\n')}\n</dl></section>`;
}

function failedSection(result: RunResult, options: ReporterOptions, words: HtmlWords): string {
  const failed = result.rosters.filter((roster) => roster.failure !== null);
  if (failed.length === 0) return '';
  const items = failed.map((roster) => {
    const message = localize(roster.failure!.message, options);
    return `<li>${esc(message.startsWith(roster.path) ? message : `${roster.path}: ${message}`)}</li>`;
  });
  return `<section id="failed" class="failed"><h2>${esc(words.failed)}</h2><ul>${items.join('')}</ul></section>`;
}

function waivedSection(result: RunResult, data: StatsData, options: ReporterOptions, words: HtmlWords): string {
  const metas = ruleIndex(result.rules);
  const countyIndex = new Map(data.counties.map((row, index) => [row.code ?? '', index]));
  const rows = result.rosters.flatMap((roster) =>
    roster.waived.map((finding) => {
      const county = countyOf(finding, roster.stats?.[0]?.countyCode, countyIndex);
      const listed = findingCells(roster.path, finding, metas, options);
      const cells = [
        county < 0 ? words.unknownCounty : data.counties[county].name,
        listed.roster,
        listed.sheet,
        listed.row,
        listed.column,
        listed.severity,
        listed.rule,
        listed.message,
        waiverNote(result.waivers, finding, options),
      ];
      return `<tr>${cells.map((text) => `<td>${esc(text)}</td>`).join('')}</tr>`;
    }),
  );
  if (rows.length === 0) return '';
  const header = [...words.columns.slice(0, 8), words.waiverColumn];
  return [
    `<section id="waived"><h2>${esc(words.waived)}</h2><div class="scroll"><table id="waived-table">`,
    `<thead><tr>${header.map((column) => `<th>${esc(column)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table></div></section>`,
  ].join('\n');
}
