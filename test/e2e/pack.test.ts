// The package installs and works outside the repository: npm pack, then npm install -g of the
// tarball on a clean prefix gives a `zhucun` command that checks a roster with its built-in rules.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';

describe('the packed package', () => {
  it('installs globally from its tarball and checks a roster, carrying no tests or fixtures', { timeout: 300_000 }, () => {
    const work = mkdtempSync(join(tmpdir(), 'zhucun-pack-'));
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' }));
    const files: string[] = packed[0].files.map((file: { path: string }) => file.path);
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('rules/team-min-size.yaml');
    expect(files).toContain('rules/reference/key-counties.csv');
    expect(files).toContain('schemas/report.schema.json');
    expect(files.filter((file) => /^(test|fixtures|src)\//.test(file))).toEqual([]);

    const prefix = join(work, 'prefix');
    const tarball = join(work, readdirSync(work).find((name) => name.endsWith('.tgz'))!);
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball], { cwd: work, stdio: 'pipe' });
    const run = spawnSync(join(prefix, 'bin', 'zhucun'), ['check', join(ROOT, 'fixtures/weining-county.xlsx'), '--as-of', '2026-11-27', '--format', 'json'], {
      cwd: work,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).summary).toMatchObject({ errors: 16, warnings: 9, infos: 2 });
  });
});
