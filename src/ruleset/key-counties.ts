import { readFileSync } from 'node:fs';
import { RuleFileError } from '../errors.js';
import { CsvRows } from '../load/csv-rows.js';
import type { KeyCountyList } from '../types.js';

/**
 * The national key-assistance counties: a CSV with a 6-digit `county_code` column and a source
 * (`confirmed_by`) for each. The first row names the columns; cells are trimmed; blank rows are skipped.
 */
export function loadKeyCounties(file: string): KeyCountyList {
  let rows: CsvRows;
  try {
    rows = new CsvRows(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new RuleFileError({
      zh: `${file}: 无法读取重点帮扶县名单: ${(error as Error).message}`,
      en: `${file}: cannot read the key-county list: ${(error as Error).message}`,
    });
  }
  const header = cellsOf(rows, 0);
  const codeColumn = header.indexOf('county_code');
  const sourceColumn = header.indexOf('confirmed_by');
  const codes = new Set<string>();
  for (let index = 1; index < rows.length; index++) {
    const cells = cellsOf(rows, index);
    if (cells.every((cell) => cell === '')) continue;
    const code = cells[codeColumn] ?? '';
    if (!/^\d{6}$/.test(code) || !cells[sourceColumn]) {
      throw new RuleFileError({
        zh: `${file}:${index + 1}: county_code 应为6位数字且 confirmed_by 注明来源`,
        en: `${file}:${index + 1}: county_code must be 6 digits and confirmed_by must name a source`,
      });
    }
    codes.add(code);
  }
  return { file, codes };
}

function cellsOf(rows: CsvRows, index: number): string[] {
  return (rows.at(index) ?? []).map((cell) => String(cell).trim());
}
