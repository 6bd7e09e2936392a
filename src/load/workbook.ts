// A parsed workbook → RawSheets. Only the cells SheetJS found are visited: a sheet's declared
// range (<dimension ref="A1:XFD1048576"/>) is never laid out. Rows past the last non-blank row
// are dropped, and blanks at the end of a row.
import type { MergedRange, RawCell, RawSheet } from '../types.js';
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, type CellBudget } from './cell-budget.js';
import { rawCell } from './cells.js';
import { damage, problem } from './messages.js';
import type { CellObject, DenseRows, ParsedSheet, ParsedWorkbook } from './sheetjs.js';

export function workbookSheets(file: string, workbook: ParsedWorkbook, budget: CellBudget): RawSheet[] {
  return workbook.sheets.map((sheet) => {
    checkExtent(file, sheet, budget);
    return { file, name: sheet.name, rows: rawRows(sheet.data, workbook.date1904), merges: mergedRanges(sheet) };
  });
}

/** Refuses cells past Excel's last row or column, and more cells than the budget allows. */
function checkExtent(file: string, { name, data }: ParsedSheet, budget: CellBudget): void {
  if (data.length > EXCEL_MAX_ROWS) throw problem.damaged(file, damage.rowsBeyondExcel(name));
  budget.spend(data.length);
  for (const row of data) {
    if (!row) continue;
    if (row.length > EXCEL_MAX_COLUMNS) throw problem.damaged(file, damage.columnsBeyondExcel(name));
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

function rawRow(cells: CellObject[] | null | undefined, date1904: boolean): RawCell[] {
  if (!cells) return [];
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

function mergedRanges(sheet: ParsedSheet): MergedRange[] {
  return sheet.merges.map((range) => ({
    firstRow: range.s.r,
    firstColumn: range.s.c,
    lastRow: range.e.r,
    lastColumn: range.e.c,
  }));
}
