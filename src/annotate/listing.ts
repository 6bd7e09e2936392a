// The first sheet of the annotated copy, 问题清单: the counts by rule at the top, then every
// finding (sheet, row, column, severity, rule, message) with a link to its cell. Every text that
// comes from the roster goes through the spreadsheet guard (a leading = + - @ is never a formula).
import type { Workbook, Worksheet, Cell } from 'exceljs';
import { placeText, SEVERITY_WORDS } from '../reporters/listing.js';
import { localize, renderMessage, type RenderOptions } from '../reporters/render.js';
import { spreadsheetSafe } from '../reporters/spreadsheet-safe.js';
import type { RosterResult, RuleMeta, RunResult, Severity } from '../types.js';
import { SEVERITY_FILL, type Placed } from './marks.js';

export const LISTING_SHEET = '问题清单';

/** A link the listing needs: exceljs writes internal links badly, so package.ts writes them. */
export interface InternalLink {
  /** The listing cell, e.g. "G9". */
  readonly ref: string;
  /** `'驻村干部'!D14`. */
  readonly location: string;
  readonly display: string;
}

const WORDS = {
  zh: {
    title: (path: string) => `问题清单: ${path}`,
    run: (asOf: string, version: string) => `截止日期 ${asOf} · zhucun ${version}`,
    counts: (e: number, w: number, i: number) => `错误 ${e} · 警告 ${w} · 提示 ${i}`,
    legend: '单元格底色:',
    byRule: '按规则统计',
    ruleHeader: ['规则', '级别', '数量', '名称'],
    findings: '全部问题(点击「位置」跳到该单元格,批注中有规则依据)',
    findingHeader: ['工作表', '行', '列', '级别', '规则', '问题', '位置'],
    none: '未发现问题',
    notice: '注意',
    notChecked: '未检查',
    converted: '本副本由原文件转换为 .xlsx(原文件未改动)',
  },
  en: {
    title: (path: string) => `Findings: ${path}`,
    run: (asOf: string, version: string) => `as of ${asOf} · zhucun ${version}`,
    counts: (e: number, w: number, i: number) => `${e} errors · ${w} warnings · ${i} infos`,
    legend: 'Cell colours:',
    byRule: 'By rule',
    ruleHeader: ['rule', 'severity', 'count', 'title'],
    findings: 'Every finding (click the location to go to the cell; its comment cites the rule’s basis)',
    findingHeader: ['sheet', 'row', 'column', 'severity', 'rule', 'message', 'location'],
    none: 'No problems found',
    notice: 'note',
    notChecked: 'not checked',
    converted: 'This copy was converted to .xlsx from the original (which is unchanged)',
  },
} as const;

const WIDTHS = [30, 8, 16, 30, 30, 80, 16];
const HEADER_FILL = 'FFD9E1F2';
const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export interface ListingInput {
  readonly result: RunResult;
  readonly roster: RosterResult;
  readonly placed: readonly Placed[];
  readonly rules: ReadonlyMap<string, RuleMeta>;
  readonly converted: boolean;
}

export function addListing(workbook: Workbook, input: ListingInput, options: RenderOptions): { worksheet: Worksheet; links: InternalLink[] } {
  const words = WORDS[options.lang];
  const worksheet = workbook.addWorksheet(uniqueName(workbook, LISTING_SHEET));
  WIDTHS.forEach((width, index) => (worksheet.getColumn(index + 1).width = width));
  const { roster, result } = input;
  const count = (severity: Severity) => roster.findings.filter((f) => f.severity === severity).length;
  let row = 1;
  const put = (column: number, value: string | number, style: Partial<Cell['style']> = {}) => {
    const cell = worksheet.getCell(row, column);
    cell.value = typeof value === 'string' ? spreadsheetSafe(value) : value;
    if (Object.keys(style).length > 0) cell.style = { ...cell.style, ...style };
    return cell;
  };
  put(1, words.title(roster.path), { font: { bold: true, size: 14 } });
  row++;
  put(1, `${words.run(result.asOf, result.tool.version)} · ${words.counts(count('error'), count('warning'), count('info'))}`);
  row++;
  put(1, words.legend);
  SEVERITY_ORDER.forEach((severity, index) => put(index + 2, SEVERITY_WORDS[options.lang][severity], { fill: solid(SEVERITY_FILL[severity]) }));
  if (input.converted) {
    row++;
    put(1, words.converted, { font: { italic: true } });
  }
  for (const notice of roster.notices) {
    row++;
    put(1, `${words.notice}: ${localize(notice, options)}`);
  }
  if (roster.notChecked.length > 0) {
    row++;
    const items = roster.notChecked.map((n) => `${n.ruleId} (${localize(n.reason, options)})`);
    put(1, `${words.notChecked}: ${items.join(options.lang === 'zh' ? ';' : '; ')}`);
  }
  row += 2;
  put(1, words.byRule, { font: { bold: true, size: 12 } });
  row++;
  words.ruleHeader.forEach((text, index) => put(index + 1, text, headerStyle()));
  for (const entry of countsByRule(input)) {
    row++;
    put(1, entry.id);
    put(2, SEVERITY_WORDS[options.lang][entry.severity], { fill: solid(SEVERITY_FILL[entry.severity]) });
    put(3, entry.count);
    put(4, input.rules.get(entry.id)?.title[options.lang] ?? '');
  }
  row += 2;
  put(1, words.findings, { font: { bold: true, size: 12 } });
  row++;
  const headerRow = row;
  words.findingHeader.forEach((text, index) => put(index + 1, text, headerStyle()));
  const links: InternalLink[] = [];
  for (const { finding, worksheet: target, ref } of input.placed) {
    row++;
    const { location } = finding;
    put(1, location.sheet);
    put(2, location.row);
    put(3, location.column ?? '');
    put(4, SEVERITY_WORDS[options.lang][finding.severity], { fill: solid(SEVERITY_FILL[finding.severity]) });
    put(5, finding.ruleId);
    put(6, renderMessage(input.rules.get(finding.ruleId), finding, options), { alignment: { wrapText: true, vertical: 'top' } });
    if (target) {
      const display = `${target.name}!${ref}`;
      put(7, display, { font: { color: { argb: 'FF0563C1' }, underline: true } });
      links.push({ ref: `G${row}`, location: `${quoteSheet(target.name)}!${ref}`, display });
    } else {
      put(7, placeText(location, options.lang));
    }
  }
  if (input.placed.length === 0) {
    row++;
    put(1, words.none, { font: { color: { argb: 'FF548235' } } });
  } else {
    worksheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row, column: words.findingHeader.length } };
  }
  return { worksheet, links };
}

function countsByRule(input: ListingInput): { id: string; severity: Severity; count: number }[] {
  const counts = new Map<string, { id: string; severity: Severity; count: number }>();
  for (const finding of input.roster.findings) {
    const key = `${finding.ruleId}\u0000${finding.severity}`;
    const entry = counts.get(key) ?? { id: finding.ruleId, severity: finding.severity, count: 0 };
    counts.set(key, { ...entry, count: entry.count + 1 });
  }
  return [...counts.values()].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function solid(argb: string): Cell['style']['fill'] {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function headerStyle(): Partial<Cell['style']> {
  return { font: { bold: true }, fill: solid(HEADER_FILL) };
}

/** A sheet name in a reference: quoted, with quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function uniqueName(workbook: Workbook, name: string): string {
  const taken = new Set(workbook.worksheets.map((ws) => ws.name.toLowerCase()));
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}(${n})`;
  return candidate;
}
