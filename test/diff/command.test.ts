// The diff command's wiring: its options, and exit status 2 only when an input cannot be read.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addDiffCommand, runDiff } from '../../src/diff/command.js';
import { LoadError, UsageError, ZhucunError } from '../../src/errors.js';

const TMP = mkdtempSync(join(tmpdir(), 'zhucun-diff-cmd-'));
const flags = { format: 'json' as const, lang: 'zh' as const, asOf: '2026-11-27', rules: [] };

async function failure(run: Promise<unknown>): Promise<ZhucunError> {
  const error = await run.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ZhucunError);
  return error as ZhucunError;
}

describe('zhucun diff: inputs', () => {
  it('exits 2 naming the file when an input does not exist', async () => {
    const error = await failure(runDiff('fixtures/diff/previous.xlsx', join(TMP, 'nowhere.xlsx'), { ...flags, output: join(TMP, 'x.json') }));
    expect(error).toBeInstanceOf(LoadError);
    expect(error.exitCode).toBe(2);
    expect(error.text.zh).toContain('nowhere.xlsx');
    expect(error.text.en).toContain('nowhere.xlsx');
  });

  it('exits 2 naming the file when an input is not a spreadsheet', async () => {
    const bad = join(TMP, 'broken.xlsx');
    writeFileSync(bad, 'this is not a workbook');
    const error = await failure(runDiff(bad, 'fixtures/diff/current', { ...flags, output: join(TMP, 'y.json') }));
    expect(error.exitCode).toBe(2);
    expect(error.text.en).toContain('broken.xlsx');
  });

  it('refuses a folder holding several rosters as one side', async () => {
    const folder = join(TMP, 'two');
    mkdirSync(folder);
    copyFileSync('fixtures/diff/previous.xlsx', join(folder, 'a.xlsx'));
    copyFileSync('fixtures/weining-county.xlsx', join(folder, 'b.xlsx'));
    const error = await failure(runDiff(folder, 'fixtures/diff/current', { ...flags, output: join(TMP, 'z.json') }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.exitCode).toBe(2);
  });

  it('takes a cadre CSV with its village CSV named by --current-villages', async () => {
    const output = join(TMP, 'pair.json');
    await runDiff('fixtures/diff/previous.xlsx', 'fixtures/diff/current/cadres.csv', {
      ...flags,
      currentVillages: 'fixtures/diff/current/villages.csv',
      output,
    });
    const report = JSON.parse(readFileSync(output, 'utf8'));
    expect(report.summary).toEqual({ joined: 4, left: 2, moved: 1, changed: 4, teams: 5, villages: 4, findings: { new: 4, fixed: 1, open: 2 } });
  });
});

describe('addDiffCommand', () => {
  function program(): Command {
    const root = new Command('zhucun').exitOverride();
    addDiffCommand(root);
    root.commands.forEach((command) => command.exitOverride());
    return root;
  }

  it('parses the options and writes the chosen format', async () => {
    const output = join(TMP, 'cli.md');
    await program().parseAsync(['diff', 'fixtures/diff/previous.xlsx', 'fixtures/diff/current', '--format', 'markdown', '--output', output, '--as-of', '2026-11-27', '--lang', 'en'], { from: 'user' });
    expect(readFileSync(output, 'utf8')).toMatch(/^## Roster changes: fixtures\/diff\/previous\.xlsx → fixtures\/diff\/current/);
  });

  it('refuses an unknown format', async () => {
    await expect(program().parseAsync(['diff', 'a.xlsx', 'b.xlsx', '--format', 'csv'], { from: 'user' })).rejects.toThrow(/csv/);
  });
});
