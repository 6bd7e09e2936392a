// Each file of fixtures/bad/ gives the expected LoadError, with messages that name the file.
import { describe, expect, it } from 'vitest';
import type { LoadErrorCode } from '../../src/errors.js';
import { badFixture, expectLoadError, loadOne, rowsOf } from './support.js';

const EXPECTED: [file: string, code: LoadErrorCode, saying: RegExp][] = [
  ['empty.xlsx', 'EMPTY', /empty/],
  ['pdf-named.xlsx', 'NOT_A_SPREADSHEET', /is a PDF/],
  ['random.xls', 'NOT_A_SPREADSHEET', /binary data/],
  ['random.csv', 'NOT_A_SPREADSHEET', /binary data/],
  ['binary-garbage.csv', 'NOT_A_SPREADSHEET', /binary data/],
  ['utf16.csv', 'NOT_A_SPREADSHEET', /UTF-16/],
  ['html-named.xls', 'NOT_A_SPREADSHEET', /web page/],
  ['plain-zip.xlsx', 'NOT_A_SPREADSHEET', /zip archive/],
  ['word-named.xlsx', 'NOT_A_SPREADSHEET', /Word document/],
  ['truncated.xlsx', 'CORRUPT', /damaged or incomplete/],
  ['encrypted.xlsx', 'ENCRYPTED', /encrypted \(password-protected\)/],
  ['encrypted.xls', 'ENCRYPTED', /encrypted \(password-protected\)/],
];

describe('bad files', () => {
  it.each(EXPECTED)('%s → %s', (name, code, saying) => {
    const file = badFixture(name);
    const error = expectLoadError(() => loadOne(file), code, file);
    expect(error.text.en).toMatch(saying);
    expect(error.text.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('says in Chinese what to do with an encrypted workbook', () => {
    const file = badFixture('encrypted.xlsx');
    const error = expectLoadError(() => loadOne(file), 'ENCRYPTED', file);
    expect(error.text.zh).toBe(`${file}: 文件已加密(设有打开密码),请在 Excel/WPS 中取消密码后另存再检查`);
  });

  it('reads a text file named .xlsx as text: one sheet, one column of prose', () => {
    const file = badFixture('text-named.xlsx');
    const roster = loadOne(file);
    expect(roster.sheets).toHaveLength(1);
    expect(rowsOf(roster.sheets[0]!.rows)).toEqual([['这是一封说明信，名册另附。'], ['请查收。']]);
  });

  it('reads a legacy .xls named .xlsx by its content', () => {
    const roster = loadOne(badFixture('xls-named.xlsx'));
    expect(roster.sheets[0]!.name).toBe('驻村干部');
    expect(roster.sheets[0]!.rows[4]![1]).toBe('张三');
  });
});
