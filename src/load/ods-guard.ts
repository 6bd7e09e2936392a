// OpenDocument writes a run of equal cells once, with a repeat count: `number-columns-repeated`
// on a cell, `number-rows-repeated` on its row. SheetJS makes every repeated cell that has a
// value, so one cell repeated 16,384 times in a row repeated a million times is 17 billion cells.
// LibreOffice writes empty cells (which SheetJS skips) for the unused rest of a sheet: those are
// not counted.
import type { CellBudget } from './cell-budget.js';
import type { PackageParts } from './zip-contents.js';
import { tagAttributes } from './xml-tags.js';

/** Row and cell tags, by local name (SheetJS also reads the Chinese names of UOF). */
const TAG = /<(\/?)(?:[^\s<>/?!:"]+:)?(table-row|table-cell|行|数据)(?:_[^\s<>/]*)?(?=[\s/>])[^<>]*>/gi;
const CELL_END = /^\s*<\/(?:[^\s<>/?!:"]+:)?(?:table-cell|数据)[\s>]/i;

export function checkOdsContent(parts: PackageParts, budget: CellBudget): void {
  for (const name of ['content.xml', 'objectdata.xml']) {
    if (parts.has(name)) countRepeatedCells(parts.text(name), budget);
  }
}

function countRepeatedCells(xml: string, budget: CellBudget): void {
  let rowRepeat = 1;
  for (const match of xml.matchAll(TAG)) {
    const [tag, closing, name] = match as unknown as [string, string, string];
    const isRow = name.toLowerCase() === 'table-row' || name === '行';
    if (closing) {
      if (isRow) rowRepeat = 1;
      continue;
    }
    if (isRow) {
      rowRepeat = Number(repeatCount(tag, 'number-rows-repeated')) || 1;
    } else if (!tag.endsWith('/>') && hasContent(xml, match.index + tag.length)) {
      budget.spend(rowRepeat * (parseInt(repeatCount(tag, 'number-columns-repeated'), 10) || 1));
    }
  }
}

/** The attribute as written (SheetJS reads rows' with Number(), cells' with parseInt()). */
function repeatCount(tag: string, attribute: string): string {
  return /repeated/i.test(tag) ? (tagAttributes(tag).get(attribute) ?? '1') : '1';
}

/** A cell written as <table:table-cell …></table:table-cell>, with nothing between, is empty. */
function hasContent(xml: string, afterStartTag: number): boolean {
  return !CELL_END.test(xml.slice(afterStartTag, afterStartTag + 256));
}
