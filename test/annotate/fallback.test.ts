// A workbook exceljs reads but cannot write back (a shared formula whose master cell it does not
// find) is still annotated, from SheetJS's reading of it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { annotate } from './read-back.js';

describe('a workbook exceljs cannot write back', () => {
  it('is annotated from SheetJS’s reading, every finding marked', async () => {
    const zip = XLSX.CFB.read(readFileSync('fixtures/weining-county.xlsx'), { type: 'buffer' });
    const path = zip.FullPaths.find((p) => p.endsWith('worksheets/sheet2.xml'))!;
    const entry = XLSX.CFB.find(zip, path)!;
    // Column R of 驻村干部 (beyond the roster's columns): a shared formula whose clone comes before its master.
    let xml = Buffer.from(entry.content as Uint8Array).toString('utf8');
    xml = xml.replace(/(<row r="5"[^>]*>)([\s\S]*?)(<\/row>)/, '$1$2<c r="R5"><f t="shared" si="7"/><v>2</v></c>$3');
    xml = xml.replace(/(<row r="10"[^>]*>)([\s\S]*?)(<\/row>)/, '$1$2<c r="R10"><f t="shared" ref="R5:R10" si="7">1+1</f><v>2</v></c>$3');
    XLSX.CFB.utils.cfb_add(zip, path.replace(/^Root Entry/, ''), Buffer.from(xml, 'utf8'));
    const file = join(mkdtempSync(join(tmpdir(), 'zhucun-fallback-')), 'shared-formula.xlsx');
    writeFileSync(file, XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Buffer);
    const copy = await annotate([file]);
    expect(copy.book.SheetNames).toEqual(['问题清单', '村庄', '驻村干部']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(copy.book.Sheets['问题清单'], { header: 1, defval: '' });
    expect(rows.flat().join('\n')).toContain('转换为 .xlsx');
    expect(copy.result.rosters[0].findings.length).toBe(27);
  });
});
