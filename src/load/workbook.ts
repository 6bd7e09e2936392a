// A parsed workbook → RawSheets. Only the cells SheetJS found are visited: a sheet's declared
// range (<dimension ref="A1:XFD1048576"/>) is never laid out. Rows past the last non-blank row
// are dropped, and blanks at the end of a row.
import type { MergedRange, RawCell, RawSheet } from '../types.js';
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, type CellBudget } from './cell-budget.js';
import { rawCell } from './cells.js';
import { damage, problem } from './messages.js';
import type { CellObject, Workbook, WorkSheet } from './sheetjs.js';

type DenseRows = (CellObject[] | undefined)[];

export function workbookSheets(file: string, workbook: Workbook, budget: CellBudget): RawSheet[] {
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  return workbook.SheetNames.map((name) => {
    const sheet = sheetNamed(workbook, name);
    const data = denseRows(sheet);
    checkExtent(file, name, data, budget);
    return { file, name, rows: rawRows(data, date1904), merges: mergedRanges(sheet) };
  });
}

/**
 * SheetJS keeps sheets in a plain object by name: a sheet named "__proto__" became that object's
 * prototype (no other object is touched), and a name such as "toString" finds
 * Object.prototype's function when no sheet has it. Only a sheet with cell data is taken.
 */
function sheetNamed(workbook: Workbook, name: string): WorkSheet | undefined {
  const candidate: unknown = workbook.Sheets[name];
  return typeof candidate === 'object' && candidate !== null && Array.isArray((candidate as WorkSheet)['!data'])
    ? (candidate as WorkSheet)
    : undefined;
}

function denseRows(sheet: WorkSheet | undefined): DenseRows {
  return (sheet?.['!data'] as DenseRows | undefined) ?? [];
}

/** Refuses cells past Excel's last row or column, and more cells than the budget allows. */
function checkExtent(file: string, sheet: string, data: DenseRows, budget: CellBudget): void {
  if (data.length > EXCEL_MAX_ROWS) throw problem.damaged(file, damage.rowsBeyondExcel(sheet));
  budget.spend(data.length);
  for (const row of data) {
    if (row === undefined) continue;
    if (row.length > EXCEL_MAX_COLUMNS) throw problem.damaged(file, damage.columnsBeyondExcel(sheet));
    budget.spend(row.length);
  }
}

function rawRows(data: DenseRows, date1904: boolean): RawCell[][] {
  const rows: RawCell[][] = [];
  let kept = 0;
  for (let index = 0; index < data.length; index++) {
    const row = rawRow(data[index], date1904);
    rows.push(row);
    if (row.length > 0) kept = index + 1;
  }
  rows.length = kept;
  return rows;
}

function rawRow(cells: CellObject[] | undefined, date1904: boolean): RawCell[] {
  if (cells === undefined) return [];
  const row: RawCell[] = [];
  let kept = 0;
  for (let index = 0; index < cells.length; index++) {
    const cell = rawCell(cells[index], date1904);
    row.push(cell);
    if (cell !== null && cell !== '') kept = index + 1;
  }
  row.length = kept;
  return row;
}

function mergedRanges(sheet: WorkSheet | undefined): MergedRange[] {
  return (sheet?.['!merges'] ?? []).map((range) => ({
    firstRow: range.s.r,
    firstColumn: range.s.c,
    lastRow: range.e.r,
    lastColumn: range.e.c,
  }));
}
