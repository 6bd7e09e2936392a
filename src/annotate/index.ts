// `zhucun check roster.xlsx --annotate marked.xlsx`: a copy of the roster with every finding
// marked on its cell (fill by severity, a comment with the rule, the message and its basis) and a
// first sheet 问题清单 listing them with links. exceljs writes it (SheetJS's community build writes
// no cell styles) and is imported here only, when an annotated copy is asked for.
import type { Worksheet } from 'exceljs';
import { ZhucunError } from '../errors.js';
import { ruleIndex, type RenderOptions } from '../reporters/render.js';
import { displayWidth } from '../reporters/text-width.js';
import type { RosterResult, RunResult } from '../types.js';
import { addListing } from './listing.js';
import { markCells, placeFindings, type Marked } from './marks.js';
import { openRoster, type OpenedRoster } from './open.js';
import { editPackage, type Anchor } from './package.js';

export { SEVERITY_FILL } from './marks.js';
export { LISTING_SHEET } from './listing.js';

export type AnnotateOptions = RenderOptions;

/** The annotated copy of one roster of a run, as the bytes of an .xlsx file. The roster's files are only read. */
export async function annotateRoster(result: RunResult, roster: RosterResult, options: AnnotateOptions): Promise<Uint8Array> {
  if (roster.failure) {
    throw new ZhucunError({
      zh: `${roster.path}: 名册无法读取,不能生成标注副本: ${roster.failure.message.zh}`,
      en: `${roster.path}: the roster could not be read, so no annotated copy can be made: ${roster.failure.message.en}`,
    });
  }
  const { default: ExcelJS } = await import('exceljs');
  try {
    return await annotate(result, roster, options, await openRoster(ExcelJS, roster));
  } catch (error) {
    if (error instanceof ZhucunError || !OOXML.test(roster.files[0] ?? '')) throw error;
    // exceljs reads some workbooks it cannot write back (shared formulas it does not follow, for
    // one): the copy is then made from SheetJS's reading, as for an .xls, styles aside.
    return annotate(result, roster, options, await openRoster(ExcelJS, roster, true));
  }
}

const OOXML = /\.xlsx$|\.xlsm$/i;

async function annotate(result: RunResult, roster: RosterResult, options: AnnotateOptions, opened: OpenedRoster): Promise<Uint8Array> {
  const rules = ruleIndex(result.rules);
  const placed = placeFindings(opened, roster.findings);
  const marked = markCells(placed, rules, options);
  const listing = addListing(opened.workbook, { result, roster, placed, rules, converted: opened.conversion !== 'none' }, options);
  putFirst(opened.workbook.worksheets, listing.worksheet, opened.workbook);
  const bytes = new Uint8Array(await opened.workbook.xlsx.writeBuffer());
  return editPackage(bytes, {
    links: { sheet: listing.worksheet.name, links: listing.links },
    validations: opened.validations,
    anchors: commentAnchors(marked),
  });
}

/** The listing becomes the first sheet and the one shown; no other sheet stays selected with it. */
// exceljs orders sheets by `orderNo` and writes a view's `tabSelected`, neither of which it types.
type Ordered = Worksheet & { orderNo: number; views: Record<string, unknown>[] };

function putFirst(worksheets: Worksheet[], listing: Worksheet, workbook: { views: unknown[] }): void {
  const sheets = worksheets as Ordered[];
  const first = Math.min(...sheets.map((ws) => ws.orderNo));
  (listing as Ordered).orderNo = first - 1;
  for (const worksheet of sheets) {
    if (worksheet === listing) continue;
    worksheet.views = (worksheet.views ?? []).map((view) => ({ ...view, tabSelected: false }));
  }
  (listing as Ordered).views = [{ state: 'normal', tabSelected: true, activeCell: 'A1' }];
  const [view] = (workbook.views ?? []) as Record<string, unknown>[];
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, visibility: 'visible', ...(view ?? {}), activeTab: 0, firstSheet: 0 }];
}

// A comment box about 44 characters wide and as tall as its text, within bounds.
const BOX_CHARACTERS = 44;
const DEFAULT_COLUMN_WIDTH = 9;
const MAX_BOX_ROWS = 30;
const POINTS_PER_CHARACTER = 5.5;
const POINTS_PER_ROW = 15;

function commentAnchors(marked: readonly Marked[]): Map<string, Map<string, Anchor>> {
  const anchors = new Map<string, Map<string, Anchor>>();
  for (const { worksheet, ref, comment } of marked) {
    const cell = worksheet.getCell(ref);
    const row = Number(cell.row) - 1;
    const column = Number(cell.col) - 1;
    const left = column + 1;
    let right = left;
    for (let width = 0; width < BOX_CHARACTERS; right++) width += worksheet.getColumn(right + 1).width ?? DEFAULT_COLUMN_WIDTH;
    const lines = comment.split('\n').reduce((total, line) => total + Math.max(1, Math.ceil(displayWidth(line) / BOX_CHARACTERS)), 0);
    const top = Math.max(row - 1, 0);
    const bottom = top + Math.min(MAX_BOX_ROWS, lines + 1);
    const sheet = anchors.get(worksheet.name) ?? new Map<string, Anchor>();
    const cells = [left, 6, top, 4, right, 6, bottom, 4] as const;
    sheet.set(`${row},${column}`, { cells, widthPt: BOX_CHARACTERS * POINTS_PER_CHARACTER, heightPt: (bottom - top) * POINTS_PER_ROW });
    anchors.set(worksheet.name, sheet);
  }
  return anchors;
}
