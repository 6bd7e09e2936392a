import type { Cell, RawSheet, Source } from '../types.js';
import type { ColumnSpec } from './columns.js';
import type { HeaderMatch } from './header.js';
import { cellText, columnLetters } from './text.js';
import { parseCell } from './values.js';

/** One data row: its source and its cells by key (a null-prototype object: headers come from untrusted files). */
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
  const rows: DataRow<K>[] = [];
  for (let index = header.dataStart; index < sheet.rows.length; index++) {
    const cells = sheet.rows[index] ?? [];
    const leading = leadingText(cells.slice(0, LEADING_COLUMNS_TO_INSPECT).map((cell) => cellText(cell)));
    if (FOOTER.test(leading)) break;
    if (EXAMPLE_MARK.test(leading)) continue;
    const row = readRow(sheet, index, header, specs);
    if (row) rows.push(row);
  }
  return rows;
}

function leadingText(texts: string[]): string {
  return texts.find((text) => text !== '') ?? '';
}

/** A row with no keyed cell filled (blank, or a 序号 alone) is not a row of data. */
function readRow<K extends string>(
  sheet: RawSheet,
  index: number,
  header: HeaderMatch<K>,
  specs: ReadonlyMap<K, ColumnSpec<K>>,
): DataRow<K> | null {
  const cells = sheet.rows[index] ?? [];
  const source: Source = { file: sheet.file, sheet: sheet.name, row: index + 1 };
  const fields = Object.create(null) as Partial<Record<K, Cell<unknown>>>;
  let filled = false;
  for (const [key, column] of header.columns) {
    const spec = specs.get(key);
    if (!spec) continue;
    const raw = cells[column.index] ?? null;
    const cellSource: Source = { ...source, column: column.text, ref: `${columnLetters(column.index)}${index + 1}` };
    const cell = parseCell(spec.type, raw, cellSource);
    if (cell.raw !== '') filled = true;
    fields[key] = cell;
  }
  return filled ? { source, fields } : null;
}
