import type { Cell, RawSheet, Source } from '../types.js';
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

export function readDataRows<K extends string>(
  sheet: RawSheet,
  header: HeaderMatch<K>,
  specs: ReadonlyMap<K, ColumnSpec<K>>,
): DataRow<K>[] {
  const columns = keyedColumns(sheet, header, specs);
  const rows: DataRow<K>[] = [];
  for (let index = header.dataStart; index < sheet.rows.length; index++) {
    const cells = sheet.rows.at(index) ?? [];
    const leading = leadingText(cells.slice(0, LEADING_COLUMNS_TO_INSPECT).map((cell) => cellText(cell)));
    if (FOOTER.test(leading)) break;
    if (EXAMPLE_MARK.test(leading)) continue;
    const row = readRow(sheet, index, columns);
    if (row) rows.push(row);
  }
  return rows;
}

function leadingText(texts: string[]): string {
  return texts.find((text) => text !== '') ?? '';
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
function readRow<K extends string>(sheet: RawSheet, index: number, columns: readonly KeyedColumn<K>[]): DataRow<K> | null {
  const cells = sheet.rows.at(index) ?? [];
  const row = index + 1;
  // Keys are added in the same order for every row, so that all rows share one object shape.
  const fields: Partial<Record<K, Cell<unknown>>> = {};
  let filled = false;
  for (const { key, index: at, spec, place } of columns) {
    const cell = parseCell(spec.type, cells[at] ?? null, row, place);
    if (cell.raw !== '') filled = true;
    fields[key] = cell;
  }
  return filled ? { source: { file: sheet.file, sheet: sheet.name, row }, fields } : null;
}
