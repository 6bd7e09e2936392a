import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { RuleFileError } from '../errors.js';
import type { KeyCountyList } from '../types.js';

/** The national key-assistance counties: a CSV with a 6-digit `county_code` column and a source for each. */
export function loadKeyCounties(file: string): KeyCountyList {
  let records: Record<string, string>[];
  try {
    records = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new RuleFileError({
      zh: `${file}: 无法读取重点帮扶县名单: ${(error as Error).message}`,
      en: `${file}: cannot read the key-county list: ${(error as Error).message}`,
    });
  }
  const codes = new Set<string>();
  records.forEach((record, index) => {
    const code = record.county_code ?? '';
    if (!/^\d{6}$/.test(code) || !record.confirmed_by) {
      throw new RuleFileError({
        zh: `${file}:${index + 2}: county_code 应为6位数字且 confirmed_by 注明来源`,
        en: `${file}:${index + 2}: county_code must be 6 digits and confirmed_by must name a source`,
      });
    }
    codes.add(code);
  });
  return { file, codes };
}
