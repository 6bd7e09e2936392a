// CSV for Excel and WPS: one row per finding, UTF-8 with a BOM (without it Excel in a Chinese
// locale reads the file as GBK), CRLF, RFC 4180 quoting, and no field a spreadsheet would run
// as a formula. A roster that could not be read is a row too, so that it cannot pass unseen.
//
// This file also holds the flat listing of findings (which ones, marked waived or not, as text
// cells) that the markdown, JUnit, GitHub and SARIF formats list the same way.
import type { Finding, Lang, RosterResult, RuleMeta, Severity, Source, WaiverReport } from '../types.js';
import { maskPii } from './pii.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { localize, renderMessage, ruleIndex, type RenderOptions } from './render.js';
import { spreadsheetSafe } from './spreadsheet-safe.js';

/** A finding a report lists, and whether a live waiver took it out of the verdict. */
export interface Listed {
  readonly finding: Finding;
  readonly waived: boolean;
}

/** A roster's findings in report order, then (with showWaived) the waived ones, marked. */
export function listFindings(roster: RosterResult, options: ReporterOptions): Listed[] {
  const waived = options.showWaived ? roster.waived : [];
  return [
    ...roster.findings.map((finding) => ({ finding, waived: false })),
    ...waived.map((finding) => ({ finding, waived: true })),
  ];
}

export const SEVERITY_WORDS: Readonly<Record<Lang, Readonly<Record<Severity, string>>>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

export const WAIVED_WORDS: Readonly<Record<Lang, string>> = { zh: '已豁免', en: 'waived' };

/** Where a finding is, for a person: `驻村干部 第14行「身份证号」`, `驻村干部 row 14, 身份证号`. */
export function placeText(location: Source, lang: Lang): string {
  const { sheet, row, column } = location;
  if (lang === 'zh') return `${sheet} 第${row}行${column === undefined ? '' : `「${column}」`}`;
  return `${sheet} row ${row}${column === undefined ? '' : `, ${column}`}`;
}

const RULE_WORDS = {
  zh: { basis: '依据', fix: '整改' },
  en: { basis: 'basis', fix: 'fix' },
} as const;

/** What a rule is based on: `依据: <document>: <passage>`. */
export function basisText(rule: RuleMeta, lang: Lang): string {
  return `${RULE_WORDS[lang].basis}: ${rule.source.document}: ${rule.source.passage}`;
}

/** How to fix what a rule finds: `整改: <fix>`. */
export function fixText(rule: RuleMeta, lang: Lang): string {
  return `${RULE_WORDS[lang].fix}: ${rule.fix[lang]}`;
}

const WAIVER_TEXT: Readonly<Record<Lang, (waiver: WaiverReport) => string>> = {
  zh: (w) => `${w.reason}(${w.document},${w.approvedBy} 批准,${w.expires} 到期)`,
  en: (w) => `${w.reason} (${w.document}, approved by ${w.approvedBy}, expires ${w.expires})`,
};

/**
 * Why a waived finding does not count: the live waivers of its rule. (A waived finding does not
 * say which waiver took it; a waiver names one rule, so these are the candidates.)
 */
export function waiverNote(waivers: readonly WaiverReport[], finding: Finding, options: RenderOptions): string {
  const live = waivers.filter((waiver) => waiver.state === 'live' && waiver.rule === finding.ruleId);
  const text = live.map(WAIVER_TEXT[options.lang]).join(options.lang === 'zh' ? ';' : '; ') || WAIVED_WORDS[options.lang];
  return options.showPii ? text : maskPii(text);
}

/** A finding as the text of a table's cells, personal data masked unless showPii. */
export interface FindingCells {
  readonly roster: string;
  readonly sheet: string;
  readonly row: string;
  readonly column: string;
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
}

export function findingCells(roster: string, finding: Finding, rules: ReadonlyMap<string, RuleMeta>, options: RenderOptions): FindingCells {
  return {
    roster,
    sheet: finding.location.sheet,
    row: String(finding.location.row),
    column: finding.location.column ?? '',
    rule: finding.ruleId,
    severity: SEVERITY_WORDS[options.lang][finding.severity],
    message: renderMessage(rules.get(finding.ruleId), finding, options),
  };
}

const HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  zh: ['名册', '工作表', '行', '列', '规则', '级别', '问题'],
  en: ['roster', 'sheet', 'row', 'column', 'rule', 'severity', 'message'],
};
const WAIVER_HEADER: Readonly<Record<Lang, string>> = { zh: '豁免', en: 'waiver' };

const BOM = '\uFEFF';
const CRLF = '\r\n';

export const csv: Reporter = {
  name: 'csv',
  render(result, options) {
    const rules = ruleIndex(result.rules);
    const header = [...HEADERS[options.lang], ...(options.showWaived ? [WAIVER_HEADER[options.lang]] : [])];
    const rows = result.rosters.flatMap((roster) =>
      roster.failure
        ? [failureRow(roster, roster.failure, options)]
        : listFindings(roster, options).map((entry) => findingRow(roster.path, entry, rules, result.waivers, options)),
    );
    return BOM + [header, ...rows].map((row) => row.map(csvField).join(',') + CRLF).join('');
  },
};

function findingRow(
  roster: string,
  { finding, waived }: Listed,
  rules: ReadonlyMap<string, RuleMeta>,
  waivers: readonly WaiverReport[],
  options: ReporterOptions,
): string[] {
  const cells = findingCells(roster, finding, rules, options);
  const row = [cells.roster, cells.sheet, cells.row, cells.column, cells.rule, cells.severity, cells.message];
  if (!options.showWaived) return row;
  return [...row, waived ? waiverNote(waivers, finding, options) : ''];
}

/** A roster that could not be read: its failure code in the rule column, as an error. */
function failureRow(roster: RosterResult, failure: NonNullable<RosterResult['failure']>, options: ReporterOptions): string[] {
  const row = [roster.path, '', '', '', failure.code, SEVERITY_WORDS[options.lang].error, localize(failure.message, options)];
  return options.showWaived ? [...row, ''] : row;
}

/** RFC 4180: quoted when it holds a quote, a comma or a line break; quotes doubled. */
function csvField(value: string): string {
  const safe = spreadsheetSafe(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
