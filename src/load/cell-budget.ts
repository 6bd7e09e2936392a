// How many cells one workbook may expand to. A few kilobytes can ask a reader for billions of
// cells (a hyperlink over A1:XFD1048576, an ODS cell repeated 16,384 times in a row repeated a
// million times), and SheetJS makes every one of them, until the process runs out of memory.
// The guards count such cells before a reader runs; the readers count the cells they lay out.
import { problem } from './messages.js';

/** A cell costs at least this many bytes of XML, so a workbook within the unzip limit fits. */
const UNZIPPED_BYTES_PER_CELL = 8;

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

export function cellLimit(maxInflatedBytes: number): number {
  return Math.floor(maxInflatedBytes / UNZIPPED_BYTES_PER_CELL);
}

export class CellBudget {
  private spent = 0;

  constructor(
    private readonly file: string,
    private readonly limit: number,
  ) {}

  spend(cells: number): void {
    this.spent += cells;
    if (!(this.spent <= this.limit)) throw problem.tooManyCells(this.file, this.limit);
  }
}

/**
 * The number of cells in an A1-style range as SheetJS reads it when it walks the range: letters
 * then digits, twice, with no bound (so "A1:XFD99999999" is what it says).
 */
export function rangeCellCount(range: string): number {
  const [start, end] = range.split(':', 2);
  const first = cellPosition(start!);
  const last = end === undefined ? first : cellPosition(end);
  const rows = Math.max(0, last.row - first.row + 1);
  const columns = Math.max(0, last.column - first.column + 1);
  return rows * columns;
}

function cellPosition(reference: string): { row: number; column: number } {
  const match = /^([A-Z]*)([0-9]*)/.exec(reference)!;
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + letter.charCodeAt(0) - 64;
  return { column: column - 1, row: Number(match[2] || '0') - 1 };
}
