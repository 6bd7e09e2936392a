// A workbook exceljs cannot read (here a legacy .xls saved under an .xlsx name, which the loader
// reads by its content) is still annotated, from SheetJS's reading of it.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { annotate, sha256 } from './read-back.js';

describe('a workbook exceljs cannot read', () => {
  it('is annotated from SheetJS’s reading, every finding marked, and says it was converted', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'zhucun-fallback-')), 'misnamed.xlsx');
    copyFileSync('fixtures/rosters/lancang-county.xls', file);
    const before = sha256(file);
    const copy = await annotate([file]);
    expect(sha256(file)).toBe(before);
    expect(copy.result.rosters[0].failure).toBeNull();
    expect(copy.book.SheetNames).toEqual(['问题清单', '第一书记和工作队员', '派驻村']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(copy.book.Sheets['问题清单'], { header: 1, defval: '' });
    expect(rows.flat().join('\n')).toContain('转换为 .xlsx');
    expect(rows.filter((row) => row[6] !== '' && /!/.test(String(row[6]))).length).toBe(copy.result.rosters[0].findings.length);
  });
});
