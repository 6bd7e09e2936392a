import type { Cell, RawCell, RawSheet, Source } from '../types.js';
import type { ColumnSpec } from './columns.js';
import type { HeaderMatch } from './header.js';
import { cellText, columnLetters } from './text.js';
import { parseCell, type ColumnPlace } from './values.js';

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

/** A sheet's data rows below its header, each made when it is asked for. */
export interface DataRows<K extends string> {
  /** Every data row, in order, up to a footer. */
  all(): Generator<DataRow<K>>;
  /** A row all() gave, again, by its spreadsheet row number; null when it is not below the header or holds nothing. */
  at(row: number): DataRow<K> | null;
}

export function dataRows<K extends string>(sheet: RawSheet, header: HeaderMatch<K>, specs: ReadonlyMap<K, ColumnSpec<K>>): DataRows<K> {
  const columns = keyedColumns(sheet, header, specs);
  // Every row's fields are a copy of one object with the sheet's keys, so that all rows share one shape.
  const shape = Object.fromEntries(columns.map(({ key }) => [key, undefined])) as Partial<Record<K, Cell<unknown>>>;
  return {
    *all() {
      for (let index = header.dataStart; index < sheet.rows.length; index++) {
        const cells = sheet.rows.at(index) ?? [];
        const leading = leadingText(cells);
        if (leading !== '' && FOOTER.test(leading)) break;
        if (leading !== '' && EXAMPLE_MARK.test(leading)) continue;
        const row = readRow(sheet, index, cells, columns, shape);
        if (row) yield row;
      }
    },
    at(row) {
      const index = row - 1;
      if (index < header.dataStart || index >= sheet.rows.length) return null;
      return readRow(sheet, index, sheet.rows.at(index) ?? [], columns, shape);
    },
  };
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
  readonly spec: ColumnSpec<K>;
  readonly place: ColumnPlace;
}

function keyedColumns<K extends string>(sheet: RawSheet, header: HeaderMatch<K>, specs: ReadonlyMap<K, ColumnSpec<K>>): KeyedColumn<K>[] {
  return [...header.columns].flatMap(([key, column]) => {
    const spec = specs.get(key);
    if (!spec) return [];
    const place = { file: sheet.file, sheet: sheet.name, text: column.text, letters: columnLetters(column.index) };
    return [{ key, index: column.index, spec, place }];
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
  for (const { key, index: at, spec, place } of columns) {
    const cell = parseCell(spec.type, cells[at] ?? null, row, place);
    if (cell.raw !== '') filled = true;
    fields[key] = cell;
  }
  return filled ? { source: { file: sheet.file, sheet: sheet.name, row }, fields } : null;
}
