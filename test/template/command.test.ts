// `zhucun template`: writes the file, never over one that exists unless told to, and only .xlsx.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { UsageError } from '../../src/errors.js';
import { addTemplateCommand, runTemplate } from '../../src/template/command.js';

const TMP = mkdtempSync(join(tmpdir(), 'zhucun-template-cmd-'));
const base = { lang: 'zh' as const, rules: [] as string[], config: undefined };

let written: string[];
beforeEach(() => {
  written = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('zhucun template', () => {
  it('writes the template and says where', async () => {
    const output = join(TMP, 'a.xlsx');
    await runTemplate({ ...base, output });
    expect(XLSX.read(readFileSync(output), { type: 'buffer' }).SheetNames).toEqual(['村庄', '驻村干部', '填表说明']);
    expect(written.join('')).toContain(output);
  });

  it('does not overwrite a file unless --force', async () => {
    const output = join(TMP, 'b.xlsx');
    writeFileSync(output, 'mine');
    await expect(runTemplate({ ...base, output })).rejects.toBeInstanceOf(UsageError);
    expect(readFileSync(output, 'utf8')).toBe('mine');
    await runTemplate({ ...base, output, force: true });
    expect(statSync(output).size).toBeGreaterThan(1000);
  });

  it('refuses a file name that is not .xlsx', async () => {
    const error = await runTemplate({ ...base, output: join(TMP, 'c.xls') }).then(() => null, (e: UsageError) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error?.text.zh).toContain('.xlsx');
  });

  it('is a subcommand with --output, --lang and --force', async () => {
    const program = new Command('zhucun').exitOverride();
    addTemplateCommand(program);
    const output = join(TMP, 'd.xlsx');
    await program.parseAsync(['template', '--output', output, '--lang', 'en'], { from: 'user' });
    const book = XLSX.read(readFileSync(output), { type: 'buffer' });
    expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['填表说明'], { header: 1 })[0][0]).toBe('Village work-team roster: how to fill it in');
    expect(written.join('')).toContain('wrote the roster template');
  });
});
