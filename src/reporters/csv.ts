// CSV for Excel and WPS: one row per finding, UTF-8 with a BOM (without it Excel in a Chinese
// locale reads the file as GBK), CRLF, RFC 4180 quoting, and no field a spreadsheet would run
// as a formula. A roster that could not be read is a row too, so that it cannot pass unseen.
import type { Lang, RosterResult, RuleMeta, WaiverReport } from '../types.js';
import { findingCells, listFindings, SEVERITY_WORDS, waiverNote, type Listed } from './listing.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { localize, ruleIndex } from './render.js';
import { spreadsheetSafe } from './spreadsheet-safe.js';

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
