// Annotated copies of rosters in every format zhucun reads: an .xlsx (opened as it is), an .xls and
// an .ods (converted by SheetJS), CSV pairs in UTF-8 and GB18030 (built from the loader's reading).
// Values, sheet names, merged cells and column widths of the original survive; the original is
// never modified; a value that looks like a formula stays text.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { SEVERITY_FILL } from '../../src/annotate/index.js';
import { loadRoster } from '../../src/load/index.js';
import { elements, sheetParts } from '../template/xlsx-parts.js';
import { annotate, cellAt, cellValues, expectedMarks, fillsOf, readBook, sha256 } from './read-back.js';

const LANCANG = 'fixtures/rosters/lancang-county';
const TMP = mkdtempSync(join(tmpdir(), 'zhucun-annotate-'));
const SEVERITY_FILLS = new Set(Object.values(SEVERITY_FILL));

type Sheet = XLSX.WorkSheet & { '!cols'?: XLSX.ColInfo[]; '!merges'?: XLSX.Range[] };

function widths(sheet: Sheet): number[] {
  return (sheet['!cols'] ?? []).map((col) => Math.round((col?.width ?? col?.wch ?? 0) * 10) / 10);
}

function merges(sheet: Sheet): string[] {
  return (sheet['!merges'] ?? []).map((range) => XLSX.utils.encode_range(range)).sort();
}

async function expectMarked(copy: Awaited<ReturnType<typeof annotate>>): Promise<void> {
  const findings = copy.result.rosters[0].findings;
  expect(findings.length).toBeGreaterThan(0);
  for (const sheet of new Set(findings.map((f) => f.location.sheet))) {
    const expected = new Map([...expectedMarks(findings, sheet)].map(([ref, severity]) => [ref, SEVERITY_FILL[severity]]));
    const marked = new Map([...fillsOf(copy.parts, sheet)].filter(([, fill]) => SEVERITY_FILLS.has(fill)));
    expect(marked, sheet).toEqual(expected);
  }
}

describe('an .xlsx with title rows, two-row merged headers and set widths (openpyxl)', () => {
  it('keeps values, sheet names, merged cells and widths, marks the findings, leaves the file alone', async () => {
    const file = `${LANCANG}.xlsx`;
    const before = sha256(file);
    const copy = await annotate([file]);
    expect(sha256(file)).toBe(before);
    const original = readBook(readFileSync(file));
    expect(copy.book.SheetNames).toEqual(['问题清单', ...original.SheetNames]);
    for (const name of original.SheetNames) {
      const [was, is] = [original.Sheets[name] as Sheet, copy.book.Sheets[name] as Sheet];
      expect(cellValues(is), name).toEqual(cellValues(was));
      expect(merges(is), name).toEqual(merges(was));
      expect(merges(is).length).toBeGreaterThan(10);
      expect(widths(is), name).toEqual(widths(was));
    }
    await expectMarked(copy);
  });
});

describe('an .xls (LibreOffice, BIFF8), converted to .xlsx', () => {
  it('keeps values, sheet names, merged cells and widths, and marks the findings', async () => {
    const file = `${LANCANG}.xls`;
    const before = sha256(file);
    const copy = await annotate([file]);
    expect(sha256(file)).toBe(before);
    const original = readBook(readFileSync(file));
    expect(copy.book.SheetNames).toEqual(['问题清单', ...original.SheetNames]);
    for (const name of original.SheetNames) {
      const [was, is] = [original.Sheets[name] as Sheet, copy.book.Sheets[name] as Sheet];
      expect(cellValues(is), name).toEqual(cellValues(was));
      expect(merges(is), name).toEqual(merges(was));
      expect(widths(is).slice(0, 10), name).toEqual(widths(was).slice(0, 10));
    }
    await expectMarked(copy);
    // The listing says the copy was converted.
    const rows = XLSX.utils.sheet_to_json<unknown[]>(copy.book.Sheets['问题清单'], { header: 1, defval: '' });
    expect(rows.flat().join('\n')).toContain('转换为 .xlsx');
  });
});

describe('an .ods (LibreOffice), converted to .xlsx', () => {
  it('keeps values, sheet names and merged cells, and the widths it was saved with', async () => {
    const file = `${LANCANG}.ods`;
    const before = sha256(file);
    const copy = await annotate([file]);
    expect(sha256(file)).toBe(before);
    const original = readBook(readFileSync(file));
    const xlsx = readBook(readFileSync(`${LANCANG}.xlsx`));
    for (const name of original.SheetNames) {
      const is = copy.book.Sheets[name] as Sheet;
      expect(cellValues(is), name).toEqual(cellValues(original.Sheets[name]));
      expect(merges(is), name).toEqual(merges(original.Sheets[name] as Sheet));
      // SheetJS does not read .ods widths; the copy has them, as the .xlsx the .ods was made from.
      const expected = widths(xlsx.Sheets[name] as Sheet);
      widths(is).slice(0, expected.length).forEach((width, index) => expect(Math.abs(width - expected[index]), `${name} column ${index}`).toBeLessThan(0.6));
    }
    await expectMarked(copy);
  });
});

describe('CSV pairs', () => {
  it.each([
    ['UTF-8 with BOM', 'fixtures/rosters/utf8-bom-csv'],
    ['GB18030', 'fixtures/rosters/xiji-csv-gb18030'],
  ])('%s: one sheet per file, every value as read, ID numbers as text, findings marked', async (_, folder) => {
    const copy = await annotate([folder]);
    const roster = copy.result.rosters[0];
    const loaded = loadRoster({ path: folder, files: [...roster.files] });
    expect(copy.book.SheetNames).toEqual(['问题清单', ...loaded.sheets.map((sheet) => sheet.name)]);
    for (const sheet of loaded.sheets) {
      const written = copy.book.Sheets[sheet.name];
      for (let r = 0; r < sheet.rows.length; r++) {
        (sheet.rows.at(r) ?? []).forEach((value, c) => {
          if (value === null || value === '') return;
          const cell = cellAt(written, XLSX.utils.encode_cell({ r, c }));
          if (typeof value === 'string') expect(cell?.v, `${sheet.name} ${r + 1}:${c + 1}`).toBe(value);
        });
      }
    }
    const ids = XLSX.utils.sheet_to_json<Record<string, unknown>>(copy.book.Sheets['cadres.csv']).map((row) => row['公民身份号码'] ?? row['身份证号码']);
    expect(ids.filter((id) => typeof id === 'string' && /^\d{17}[\dX]$/.test(id)).length).toBeGreaterThan(5);
    await expectMarked(copy);
  });

  it('writes a value that looks like a formula as text, never as a formula', async () => {
    const folder = join(TMP, 'formulas');
    mkdirSync(folder);
    copyFileSync('fixtures/rosters/utf8-bom-csv/villages.csv', join(folder, 'villages.csv'));
    const lines = readFileSync('fixtures/rosters/utf8-bom-csv/cadres.csv', 'utf8').split('\n');
    const header = lines[0].replace(/^\uFEFF/, '').split(',');
    const nameColumn = header.indexOf('姓名');
    const hostile = ['=HYPERLINK("http://example.invalid","x")', '+1+1', '-2+3', '@SUM(1)'];
    hostile.forEach((value, index) => {
      const cells = lines[index + 1].split(',');
      cells[nameColumn] = `"${value.replace(/"/g, '""')}"`;
      lines[index + 1] = cells.join(',');
    });
    writeFileSync(join(folder, 'cadres.csv'), lines.join('\n'));
    const copy = await annotate([folder]);
    for (const [, path] of sheetParts(copy.parts)) expect(copy.parts.get(path), path).not.toMatch(/<f[ >]/);
    const sheet = copy.book.Sheets['cadres.csv'];
    hostile.forEach((value, index) => {
      const cell = cellAt(sheet, XLSX.utils.encode_cell({ r: index + 1, c: nameColumn }));
      expect(cell?.t).toBe('s');
      expect(cell?.v).toBe(value);
    });
  });
});

describe('the listing', () => {
  it('says so when there is nothing to mark, and marks nothing', async () => {
    const { writeTemplate } = await import('../../src/template/index.js');
    const file = join(TMP, 'blank.xlsx');
    writeFileSync(file, await writeTemplate({ lang: 'zh' }));
    const copy = await annotate([file]);
    expect(copy.result.rosters[0].findings).toEqual([]);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(copy.book.Sheets['问题清单'], { header: 1, defval: '' });
    expect(rows.flat()).toContain('未发现问题');
    for (const sheet of ['村庄', '驻村干部']) expect([...fillsOf(copy.parts, sheet).values()].filter((fill) => SEVERITY_FILLS.has(fill))).toEqual([]);
  });

  it('writes roster text that starts like a formula as quoted text', async () => {
    const { check } = await import('../../src/index.js');
    const { annotateRoster } = await import('../../src/annotate/index.js');
    const result = await check({ inputs: ['fixtures/weining-county.xlsx'], asOf: '2026-11-27' });
    const [roster] = result.rosters;
    const hostile = { ...roster, findings: roster.findings.map((f, i) => (i === 0 ? { ...f, location: { ...f.location, column: '=cmd|"/c calc"!A1' } } : f)) };
    const bytes = await annotateRoster({ ...result, rosters: [hostile] }, hostile, { lang: 'zh', showPii: false });
    const book = readBook(bytes);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['问题清单'], { header: 1, defval: '' });
    expect(rows.flat()).toContain(`'=cmd|"/c calc"!A1`);
    const parts = (await import('../template/xlsx-parts.js')).xlsxParts(bytes);
    expect(parts.get(sheetParts(parts).get('问题清单')!)).not.toMatch(/<f[ >]/);
  });

  it('keeps a comment the cell already had, above the findings', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile('fixtures/weining-county.xlsx');
    workbook.getWorksheet('驻村干部')!.getCell('J8').note = '原批注:待核实';
    const file = join(TMP, 'with-comment.xlsx');
    await workbook.xlsx.writeFile(file);
    const copy = await annotate([file]);
    const { commentsOf } = await import('./read-back.js');
    const text = commentsOf(copy.parts, '驻村干部').get('J8')!;
    expect(text.startsWith('原批注:待核实')).toBe(true);
    expect(text).toContain('value-format');
    expect(elements(copy.parts.get('xl/workbook.xml')!, 'sheet').map((s) => s.attrs.name)).toEqual(['问题清单', '村庄', '驻村干部']);
  });
});
