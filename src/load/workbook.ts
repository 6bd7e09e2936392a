// A parsed workbook → RawSheets. Only the cells the reader found are visited: a sheet's declared
// range (<dimension ref="A1:XFD1048576"/>) is never laid out. Rows past the last non-blank row
// are dropped, and blanks at the end of a row. Shared by both readers: SheetJS's parsed workbooks
// (.xls, .ods) and the OOXML reader's cells (.xlsx).
import type { MergedRange, RawCell, RawSheet } from '../types.js';
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, type CellBudget } from './cell-budget.js';
import { rawCell } from './cells.js';
import { damage, problem } from './messages.js';
import type { ParsedWorkbook } from './sheetjs.js';

/** A sheet's cells by row and column, with holes: SheetJS's dense mode, or the OOXML reader's. */
export type LaidOutRows<T> = readonly (readonly T[] | null | undefined)[];

/** A 0-based range as SheetJS gives it: start and end row and column. */
export interface CellRangeLike {
  readonly s: { readonly r: number; readonly c: number };
  readonly e: { readonly r: number; readonly c: number };
}

export function workbookSheets(file: string, workbook: ParsedWorkbook, budget: CellBudget): RawSheet[] {
  return workbook.sheets.map((sheet) => {
    checkExtent(file, sheet.name, sheet.data, budget);
    return {
      file,
      name: sheet.name,
      rows: rawRows(sheet.data, (cell) => rawCell(cell, workbook.date1904)),
      merges: mergedRanges(sheet.merges),
    };
  });
}

/** Refuses cells past Excel's last row or column, and more cells than the budget allows. */
export function checkExtent(file: string, name: string, data: LaidOutRows<unknown>, budget: CellBudget): void {
  if (data.length > EXCEL_MAX_ROWS) throw problem.damaged(file, damage.rowsBeyondExcel(name));
  budget.spend(data.length);
  for (const row of data) {
    if (!row) continue;
    if (row.length > EXCEL_MAX_COLUMNS) throw problem.damaged(file, damage.columnsBeyondExcel(name));
    budget.spend(row.length);
  }
}

/** Each row's cells as RawCells (a hole is blank), less trailing blanks and trailing empty rows. */
export function rawRows<T>(data: LaidOutRows<T>, toRaw: (cell: T | undefined) => RawCell): RawCell[][] {
  const rows: RawCell[][] = [];
  let kept = 0;
  for (let index = 0; index < data.length; index++) {
    const row = rawRow(data[index], toRaw);
    rows.push(row);
    if (row.length > 0) kept = index + 1;
  }
  rows.length = kept;
  return rows;
}

function rawRow<T>(cells: readonly T[] | null | undefined, toRaw: (cell: T | undefined) => RawCell): RawCell[] {
  if (!cells) return [];
  const row: RawCell[] = [];
  let kept = 0;
  for (let index = 0; index < cells.length; index++) {
    const cell = toRaw(cells[index]);
    row.push(cell);
    if (cell !== null && cell !== '') kept = index + 1;
  }
  row.length = kept;
  return row;
}

export function mergedRanges(ranges: readonly CellRangeLike[]): MergedRange[] {
  return ranges.map((range) => ({
    firstRow: range.s.r,
    firstColumn: range.s.c,
    lastRow: range.e.r,
    lastColumn: range.e.c,
  }));
}
