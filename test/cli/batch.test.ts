import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const AS_OF = ['--as-of', '2026-11-27'];

/** A province's folder: two counties' workbooks holding the same people, a CSV pair, and two files that are not rosters. */
function provinceFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'zhucun-batch-'));
  mkdirSync(join(folder, 'a'));
  mkdirSync(join(folder, 'pair'));
  copyFileSync(join(ROOT, 'fixtures/weining-county.xlsx'), join(folder, 'a', 'weining.xlsx'));
  copyFileSync(join(ROOT, 'fixtures/weining-county.xlsx'), join(folder, 'weining-again.xlsx'));
  for (const name of ['villages.csv', 'cadres.csv']) copyFileSync(join(ROOT, 'fixtures/rosters/utf8-bom-csv', name), join(folder, 'pair', name));
  writeFileSync(join(folder, 'notes.docx'), 'not a roster');
  writeFileSync(join(folder, 'a', 'budget.xlsx'), '预算,金额\n办公,100\n');
  return folder;
}

function report(args: string[]) {
  const run = runCli(['check', ...args, ...AS_OF, '--format', 'json']);
  return { run, report: JSON.parse(run.stdout) };
}

describe('a batch over folders', () => {
  it('finds every roster, lists what is not a roster as skipped, and checks the same on one core or two', () => {
    const folder = provinceFolder();
    const one = report([folder, '--jobs', '1']);
    const two = report([folder, '--jobs', '2']);
    expect(two.run.stdout).toBe(one.run.stdout);
    expect(one.report.files.map((f: { path: string }) => f.path)).toEqual([
      join(folder, 'a', 'weining.xlsx'),
      join(folder, 'pair'),
      join(folder, 'weining-again.xlsx'),
    ]);
    expect(one.report.skipped.map((s: { path: string }) => s.path)).toEqual([join(folder, 'a', 'budget.xlsx'), join(folder, 'notes.docx')]);
    expect(one.report.summary.filesFailed).toBe(0);
  });

  it('reports one person active in two counties on every row involved, in each roster, and a village claimed twice', () => {
    const folder = provinceFolder();
    const { report: result } = report([folder]);
    const alone = report([join(folder, 'pair')]).report.files[0];
    const rows = (file: { violations: { ruleId: string; location: { row: number } }[] }, rule: string) =>
      file.violations.filter((v) => v.ruleId === rule).map((v) => v.location.row);
    const [first, pair, second] = result.files;
    expect(rows(first, 'cadre-posted-once')).toEqual(rows(second, 'cadre-posted-once'));
    expect(rows(first, 'cadre-posted-once').length).toBeGreaterThan(60);
    expect(rows(first, 'village-listed-once')).toEqual([...Array(24).keys()].map((i) => i + 2));
    // The CSV pair shares no one with Weining: it keeps just its own planted duplicate.
    expect(rows(pair, 'cadre-posted-once')).toEqual(rows(alone, 'cadre-posted-once'));
  });

  it('names a non-roster explicitly and it fails, exit 2', () => {
    const folder = provinceFolder();
    const { run, report: result } = report([join(folder, 'a', 'budget.xlsx'), join(folder, 'a', 'weining.xlsx')]);
    expect(run.status).toBe(2);
    expect(result.files[0].failure.code).toBe('NO_ROSTER');
    expect(result.files[1].violations).toHaveLength(27);
  });

  it('expands a shell-style pattern itself', () => {
    const folder = provinceFolder();
    const { report: result } = report([`${folder}/**/wei*.xlsx`]);
    expect(result.files.map((f: { path: string }) => f.path)).toEqual([`${folder}/a/weining.xlsx`, `${folder}/weining-again.xlsx`]);
  });

  it('stays silent on standard error when it is not a terminal', () => {
    const run = runCli(['check', provinceFolder(), ...AS_OF]);
    expect(run.stderr).toBe('');
  });
});
