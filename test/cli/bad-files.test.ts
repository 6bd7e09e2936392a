// Untrusted files through the whole CLI: exit 2, one clear line naming the file and what to do,
// the same in the JSON report's `failure`, never a stack trace; in a batch the others are checked.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deflateRepeated, minimalXlsx, temporaryFolder, writeTemporary } from '../load/support.js';
import { ROOT, runCli, STACK_TRACE } from './run-cli.js';

const AS_OF = ['--as-of', '2026-11-27'];

const CASES: [file: string, code: string, zh: RegExp, en: RegExp][] = [
  ['empty.xlsx', 'EMPTY', /文件是空的/, /empty/],
  ['text-named.xlsx', 'NO_ROSTER', /未找到驻村干部名册工作表/, /no cadre roster sheet found/],
  ['pdf-named.xlsx', 'NOT_A_SPREADSHEET', /这是 PDF 文件/, /PDF/],
  ['random.xls', 'NOT_A_SPREADSHEET', /二进制数据/, /binary/],
  ['random.csv', 'NOT_A_SPREADSHEET', /二进制数据/, /binary/],
  ['binary-garbage.csv', 'NOT_A_SPREADSHEET', /二进制数据/, /binary/],
  ['truncated.xlsx', 'CORRUPT', /已损坏或不完整/, /damaged|incomplete/],
  ['encrypted.xlsx', 'ENCRYPTED', /已加密.*取消密码/, /encrypted.*without a password/],
  ['encrypted.xls', 'ENCRYPTED', /已加密.*取消密码/, /encrypted.*without a password/],
  ['formula-loop.xls', 'UNREADABLE', /另存为 \.xlsx/, /\.xlsx/],
];

describe.each(CASES)('fixtures/bad/%s', (name, code, zh, en) => {
  const file = `fixtures/bad/${name}`;

  it(`ends with exit 2 and one clear line naming the file (${code}), no stack trace`, () => {
    const run = runCli(['check', file, ...AS_OF]);
    expect(run.status).toBe(2);
    const failureLines = run.stdout.split('\n').filter((line) => line.includes('✖ 无法读取'));
    expect(failureLines).toHaveLength(1);
    expect(failureLines[0]).toContain(file);
    expect(failureLines[0]).toMatch(zh);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });

  it('says the same in English and in the JSON failure', () => {
    const run = runCli(['check', file, ...AS_OF, '--format', 'json', '--lang', 'en']);
    const { failure } = JSON.parse(run.stdout).files[0];
    expect(failure.code).toBe(code);
    expect(failure.message).toContain(file);
    expect(failure.message).toMatch(en);
  });
});

describe('other bad inputs', () => {
  it('a legacy .xls saved under an .xlsx name reads by content', () => {
    const run = runCli(['check', 'fixtures/bad/xls-named.xlsx', ...AS_OF, '--format', 'json']);
    expect(JSON.parse(run.stdout).files[0].failure).toBeNull();
  });

  it('a folder with no roster in it', () => {
    const run = runCli(['check', mkdtempSync(join(tmpdir(), 'zhucun-empty-')), ...AS_OF]);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/文件夹中没有名册/);
  });

  it('a decompression bomb is refused quickly, naming the limit and the option that raises it', () => {
    const chunk = Buffer.alloc(1 << 20, '<row r="1"><c r="A1"><v>1</v></c></row>');
    const bomb = writeTemporary(temporaryFolder(), 'bomb.xlsx', minimalXlsx({ compressed: deflateRepeated(chunk, 2048), declaredSize: 1000, crc: 0 }));
    const run = runCli(['check', bomb, ...AS_OF, '--format', 'json', '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).files[0].failure).toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('--max-unzipped-size') });
  });

  it('in a batch, a file that fails is one failed roster and the others are checked as usual', () => {
    const folder = mkdtempSync(join(tmpdir(), 'zhucun-mixed-'));
    copyFileSync(join(ROOT, 'fixtures/bad/encrypted.xlsx'), join(folder, 'a-encrypted.xlsx'));
    copyFileSync(join(ROOT, 'fixtures/bad/truncated.xlsx'), join(folder, 'b-truncated.xlsx'));
    copyFileSync(join(ROOT, 'fixtures/weining-county.xlsx'), join(folder, 'c-weining.xlsx'));
    const run = runCli(['check', folder, ...AS_OF, '--format', 'json']);
    expect(run.status).toBe(2);
    const files = JSON.parse(run.stdout).files;
    expect(files.map((f: { failure: { code: string } | null }) => f.failure?.code ?? null)).toEqual(['ENCRYPTED', 'CORRUPT', null]);
    expect(files[2].violations).toHaveLength(27);
  });
});
