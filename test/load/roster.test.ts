// The API: which files a roster reads, what it says about paths that are not roster files, the
// limits, and format sniffing.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, loadRoster, sniffFormat } from '../../src/load/index.js';
import { expectLoadError, loadFixture, loadOne, temporaryFolder, writeTemporary } from './support.js';

describe('loadRoster', () => {
  it('reads a CSV pair, the village file named by --villages first', () => {
    const folder = temporaryFolder();
    const villages = writeTemporary(folder, 'villages.csv', '村代码,村\n130102001001,东村\n');
    const cadres = writeTemporary(folder, 'cadres.csv', '姓名,所驻村代码\n张三,130102001001\n');
    const roster = loadRoster({ path: cadres, files: [villages, cadres], villagesFile: villages });
    expect(roster.path).toBe(cadres);
    expect(roster.sheets.map((sheet) => [sheet.name, sheet.file])).toEqual([
      ['villages.csv', villages],
      ['cadres.csv', cadres],
    ]);
    expect(roster.villageSheetName).toBe('villages.csv');
  });

  it('reads the village file even when the files to read leave it out', () => {
    const folder = temporaryFolder();
    const villages = writeTemporary(folder, 'villages.csv', '村\n东村\n');
    const cadres = writeTemporary(folder, 'cadres.csv', '姓名\n张三\n');
    const roster = loadRoster({ path: cadres, files: [cadres], villagesFile: villages });
    expect(roster.sheets.map((sheet) => sheet.name)).toEqual(['villages.csv', 'cadres.csv']);
    expect(roster.villageSheetName).toBe('villages.csv');
  });

  it('sets no village sheet without --villages', () => {
    expect(loadOne(loadFixture('utf8.csv'))).not.toHaveProperty('villageSheetName');
  });

  it('reads every sheet of a workbook, in order', () => {
    expect(loadOne(loadFixture('proto.xlsx')).sheets.map((sheet) => sheet.name)).toEqual(['__proto__', 'constructor']);
  });
});

describe('paths that are not roster files', () => {
  it('a missing file → NOT_FOUND', () => {
    const file = join(temporaryFolder(), 'missing.xlsx');
    expectLoadError(() => loadOne(file), 'NOT_FOUND', file);
  });

  it('a folder given as a file → says it is a folder', () => {
    const folder = join(temporaryFolder(), 'roster.xlsx');
    mkdirSync(folder);
    const error = expectLoadError(() => loadOne(folder), 'NOT_A_SPREADSHEET', folder);
    expect(error.text.en).toContain('is a folder');
  });

  it.skipIf(process.platform === 'win32')('a named pipe → UNREADABLE, without waiting for a writer', () => {
    const pipe = join(temporaryFolder(), 'roster.csv');
    execFileSync('mkfifo', [pipe]);
    expect(expectLoadError(() => loadOne(pipe), 'UNREADABLE', pipe).text.en).toContain('not a regular file');
  });

  it('no files to read → NO_ROSTER, naming the path', () => {
    const folder = temporaryFolder();
    expectLoadError(() => loadRoster({ path: folder, files: [] }), 'NO_ROSTER', folder);
  });
});

describe('limits', () => {
  it('default to 256 MiB each', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxFileBytes: 256 * 1024 * 1024, maxInflatedBytes: 256 * 1024 * 1024 });
  });

  it('refuse a file over the size limit before reading it, naming the limit and --max-file-size', () => {
    const file = loadFixture('merged-header.xlsx');
    const error = expectLoadError(() => loadOne(file, { ...DEFAULT_LIMITS, maxFileBytes: 1024 }), 'TOO_LARGE', file);
    expect(error.text.en).toContain('the limit of 1 KiB');
    expect(error.text.en).toContain('--max-file-size');
    expect(error.text.zh).toContain('--max-file-size');
  });

  it('refuse a package that unzips to more than the limit, naming --max-unzipped-size', () => {
    const file = loadFixture('merged-header.xlsx');
    const error = expectLoadError(() => loadOne(file, { ...DEFAULT_LIMITS, maxInflatedBytes: 10_000 }), 'TOO_LARGE', file);
    expect(error.text.en).toContain('--max-unzipped-size');
    expect(error.text.zh).toContain('--max-unzipped-size');
  });
});

describe('sniffFormat', () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);
  it.each([
    ['empty', new Uint8Array(0)],
    ['zip', bytes(0x50, 0x4b, 0x03, 0x04, 0x14)],
    ['cfb', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0)],
    ['pdf', new TextEncoder().encode('%PDF-1.4\n')],
    ['csv', new TextEncoder().encode('姓名,性别\r\n张三,男\r\n')],
    ['csv', new TextEncoder().encode('这是一段说明文字,没有表格。')],
    ['binary', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d)],
    ['binary', bytes(...Array.from({ length: 100 }, (_, index) => (index % 4 === 0 ? 0x01 : 0x41)))],
  ] as const)('%s', (format, content) => {
    expect(sniffFormat(content)).toBe(format);
  });
});
