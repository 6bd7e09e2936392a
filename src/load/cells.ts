// One SheetJS cell → one RawCell: text as written (not trimmed), numbers, booleans, date cells as
// calendar dates, formulas as their cached value, error cells (#N/A, #DIV/0!…) and blanks as null.
import type { RawCell } from '../types.js';
import { serialToCalendarDate } from './serial-date.js';
import { isDateFormat, type CellObject } from './sheetjs.js';

export function rawCell(cell: CellObject | null | undefined, date1904: boolean): RawCell {
  if (!cell) return null;
  switch (cell.t) {
    case 's':
      return String(cell.v ?? '');
    case 'n':
      return numberCell(Number(cell.v), cell.z, date1904);
    case 'b':
      return Boolean(cell.v);
    default:
      return null; // 'e' error, 'z' blank
  }
}

/** A number shown with a date format is a date cell; one the calendar cannot hold stays a number. */
function numberCell(value: number, format: string | number | undefined, date1904: boolean): RawCell {
  if (format === undefined || !isDateFormat(format)) return value;
  return serialToCalendarDate(value, date1904) ?? value;
}
