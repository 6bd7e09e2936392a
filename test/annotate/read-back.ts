// What an annotated copy holds, read back without exceljs: SheetJS for values, merged cells,
// widths, comments and hyperlinks; the package's XML (test/template/xlsx-parts.ts) for fills and
// for what SheetJS does not read (a hyperlink's relationship, which cell has which style).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { check } from '../../src/index.js';
import { annotateRoster, type AnnotateOptions } from '../../src/annotate/index.js';
import type { Finding, RunResult, Severity } from '../../src/types.js';
import { cellStyles, elements, relsPathOf, sheetParts, styleTable, xlsxParts, decodeXml, type Parts } from '../template/xlsx-parts.js';

export const AS_OF = '2026-11-27';

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export interface Annotated {
  readonly result: RunResult;
  readonly bytes: Uint8Array;
  readonly book: XLSX.WorkBook;
  readonly parts: Parts;
}

export async function annotate(inputs: string[], options: Partial<AnnotateOptions> = {}, villages?: string): Promise<Annotated> {
  const result = await check({ inputs, asOf: AS_OF, ...(villages ? { villages } : {}) });
  const bytes = await annotateRoster(result, result.rosters[0], { lang: 'zh', showPii: false, ...options });
  return { result, bytes, book: readBook(bytes), parts: xlsxParts(bytes) };
}

export function readBook(bytes: Uint8Array | Buffer): XLSX.WorkBook {
  return XLSX.read(bytes, { type: 'buffer', dense: true, cellStyles: true, cellNF: true });
}

/** Every filled cell of a sheet as `ref → [type, value]`. */
export function cellValues(sheet: XLSX.WorkSheet): Map<string, [string, unknown]> {
  const values = new Map<string, [string, unknown]>();
  const data = (sheet as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
  data.forEach((row, r) =>
    (row ?? []).forEach((cell, c) => {
      if (cell && cell.t !== 'z' && cell.v !== undefined && cell.v !== '') values.set(XLSX.utils.encode_cell({ r, c }), [cell.t, cell.v]);
    }),
  );
  return values;
}

export function cellAt(sheet: XLSX.WorkSheet, ref: string): XLSX.CellObject | undefined {
  const { r, c } = XLSX.utils.decode_cell(ref);
  return (sheet as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data']?.[r]?.[c];
}

/** The fill colour (ARGB) of each cell that has one, from the sheet's XML and styles.xml. */
export function fillsOf(parts: Parts, sheet: string): Map<string, string> {
  const path = sheetParts(parts).get(sheet);
  if (!path) throw new Error(`no sheet ${sheet}`);
  const table = styleTable(parts);
  const fills = new Map<string, string>();
  for (const [ref, style] of cellStyles(parts.get(path) ?? '')) {
    const fill = table[style]?.fill;
    if (fill) fills.set(ref, fill.toUpperCase());
  }
  return fills;
}

/** The comments of a sheet, by cell, from its comments part. */
export function commentsOf(parts: Parts, sheet: string): Map<string, string> {
  const path = sheetParts(parts).get(sheet)!;
  const rels = elements(parts.get(relsPathOf(path)) ?? '', 'Relationship');
  const target = rels.find((rel) => rel.attrs.Type.endsWith('/comments'))?.attrs.Target;
  const comments = new Map<string, string>();
  if (!target) return comments;
  const commentsPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\.\//, '')}`;
  for (const comment of elements(parts.get(commentsPath) ?? '', 'comment')) {
    const text = [...comment.inner.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decodeXml(m[1])).join('');
    comments.set(comment.attrs.ref, text);
  }
  return comments;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The cells the findings should mark (their ref, else column A of their row), with the most severe finding's severity. */
export function expectedMarks(findings: readonly Finding[], sheet: string): Map<string, Severity> {
  const marks = new Map<string, Severity>();
  for (const finding of findings.filter((f) => f.location.sheet === sheet)) {
    const ref = finding.location.ref ?? `A${finding.location.row}`;
    const known = marks.get(ref);
    if (!known || RANK[finding.severity] < RANK[known]) marks.set(ref, finding.severity);
  }
  return marks;
}
