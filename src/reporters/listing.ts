// The flat listing of findings that several formats share: which findings (with the waived ones,
// marked, on request), and their words and cells in the chosen language.
import type { Finding, Lang, RosterResult, RuleMeta, Severity, Source, WaiverReport } from '../types.js';
import { maskPii } from './pii.js';
import type { ReporterOptions } from './reporter.js';
import { renderMessage, type RenderOptions } from './render.js';

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

