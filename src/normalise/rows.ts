import type { Cell, RawCell, RawSheet, Source } from '../types.js';
import type { ColumnSpec } from './columns.js';
import type { HeaderMatch } from './header.js';
import { cellText, columnLetters, isDigit } from './text.js';
import { columnReader, type ColumnReader } from './values.js';

/** One data row: its source and its cells by column key (keys are the roster format's own, never header text). */
export interface DataRow<K extends string> {
  readonly source: Source;
  readonly fields: Partial<Record<K, Cell<unknown>>>;
}

// A footer row starts with one of these words: the data ends there.
const FOOTER = /^(合计|总计|小计|备注|填表说明|说明|注[:：]|填表人|填报人|填报单位|填报日期|审核人|制表人|负责人|联系人)/;
// The template's example row, marked in its 序号 cell, is not data.
const EXAMPLE_MARK = /^(示例|样例|例)$/;
// A 序号 column can hold the footer word or the example mark; it comes first, before any keyed column.
const LEADING_COLUMNS_TO_INSPECT = 2;

/** Told of each row of a walk over a sheet's rows, and of the walk's end when it gets there. */
export interface RowWatcher<T> {
  seen(row: T): void;
  ended(): void;
}

/** A sheet's data rows below its header, each made when it is asked for. */
export interface DataRows<T> {
  /** Every data row, in order, up to a footer. */
  all(watcher?: RowWatcher<T>): Generator<T>;
  /** A row all() gave, again, by its spreadsheet row number; null when it is not below the header or holds nothing. */
  at(row: number): T | null;
}

export const NO_ROWS: DataRows<never> = {
  *all(watcher) {
    watcher?.ended();
  },
  at: () => null,
};

/** The rows of a sheet, each read into its cells by column key and made into a `T` by `make`. */
export function dataRows<K extends string, T>(
  sheet: RawSheet,
  header: HeaderMatch<K>,
  specs: ReadonlyMap<K, ColumnSpec<K>>,
  make: (row: DataRow<K>) => T,
): DataRows<T> {
  const columns = keyedColumns(sheet, header, specs);
  // Every row's fields are a copy of one object with the sheet's keys, so that all rows share one shape.
  const shape = Object.fromEntries(columns.map(({ key }) => [key, undefined])) as Partial<Record<K, Cell<unknown>>>;
  return {
    *all(watcher) {
      for (let index = header.dataStart; index < sheet.rows.length; index++) {
        const cells = sheet.rows.at(index) ?? [];
        const leading = leadingText(cells);
        if (mayBeWords(leading)) {
          if (FOOTER.test(leading)) break;
          if (EXAMPLE_MARK.test(leading)) continue;
        }
        const row = readRow(sheet, index, cells, columns, shape);
        if (!row) continue;
        const made = make(row);
        watcher?.seen(made);
        yield made;
      }
      watcher?.ended();
    },
    at(row) {
      const index = row - 1;
      if (index < header.dataStart || index >= sheet.rows.length) return null;
      const read = readRow(sheet, index, sheet.rows.at(index) ?? [], columns, shape);
      return read && make(read);
    },
  };
}

/** A footer word or the example mark; not a 序号, which starts with a digit (the test runs for every row). */
function mayBeWords(text: string): boolean {
  return text !== '' && !isDigit(text.charCodeAt(0));
}

function leadingText(cells: readonly RawCell[]): string {
  for (let index = 0; index < Math.min(cells.length, LEADING_COLUMNS_TO_INSPECT); index++) {
    const text = cellText(cells[index] ?? null);
    if (text !== '') return text;
  }
  return '';
}

interface KeyedColumn<K extends string> {
  readonly key: K;
  readonly index: number;
  readonly read: ColumnReader;
}

function keyedColumns<K extends string>(sheet: RawSheet, header: HeaderMatch<K>, specs: ReadonlyMap<K, ColumnSpec<K>>): KeyedColumn<K>[] {
  return [...header.columns].flatMap(([key, column]) => {
    const spec = specs.get(key);
    if (!spec) return [];
    const place = { file: sheet.file, sheet: sheet.name, text: column.text, letters: columnLetters(column.index) };
    return [{ key, index: column.index, read: columnReader(spec.type, place) }];
  });
}

/** A row with no keyed cell filled (blank, or a 序号 alone) is not a row of data. */
function readRow<K extends string>(
  sheet: RawSheet,
  index: number,
  cells: readonly RawCell[],
  columns: readonly KeyedColumn<K>[],
  shape: Partial<Record<K, Cell<unknown>>>,
): DataRow<K> | null {
  const row = index + 1;
  const fields = { ...shape };
  let filled = false;
  for (const { key, index: at, read } of columns) {
    const cell = read(cells[at] ?? null, row);
    if (cell.raw !== '') filled = true;
    fields[key] = cell;
  }
  return filled ? { source: { file: sheet.file, sheet: sheet.name, row }, fields } : null;
}
