// `zhucun stats`: its flags reach check(), its output is the roll-up, its exit code 2 only when a
// roster could not be read. check() is given (the CLI passes the library's); here, the batch.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import type { CheckOptions } from '../../src/index.js';
import { addStatsCommand, runStats, statsExitCode, type StatsDeps, type StatsFlags } from '../../src/stats/command.js';
import type { StatsData } from '../../src/stats/report/index.js';
import type { RunResult } from '../../src/types.js';
import { batchResult } from './fixture.js';

function deps(result: RunResult, calls: CheckOptions[] = []): StatsDeps {
  return {
    check: async (options) => {
      calls.push(options);
      return result;
    },
    configOf: (flags) => (flags.config ? { file: flags.config, rulesDirs: [], columns: {}, rules: {}, waivers: [] } as never : undefined),
    today: () => '2026-11-27',
    defaultJobs: 3,
  };
}

const FLAGS: StatsFlags = { format: 'json', lang: 'zh', rules: [] };

describe('runStats', () => {
  it('checks the paths with the flags and renders the roll-up', async () => {
    const calls: CheckOptions[] = [];
    const { output, exitCode } = await runStats(['rosters/'], FLAGS, deps(batchResult(), calls));
    expect(exitCode).toBe(0);
    expect((JSON.parse(output) as StatsData).total.villages).toBe(11);
    expect(calls).toEqual([{ inputs: ['rosters/'], asOf: '2026-11-27', rulesDirs: [], config: undefined, jobs: 3, progress: undefined }]);
  });

  it('passes --as-of, --jobs, --rules and --config on', async () => {
    const calls: CheckOptions[] = [];
    await runStats(['a', 'b'], { ...FLAGS, asOf: '2026-06-30', jobs: 2, rules: ['extra'], config: 'zhucun.config.yaml', quiet: true }, deps(batchResult(), calls));
    expect(calls[0]).toMatchObject({ inputs: ['a', 'b'], asOf: '2026-06-30', jobs: 2, rulesDirs: ['extra'], config: { file: 'zhucun.config.yaml' } });
  });

  it('exits 2 when a roster could not be read, 0 otherwise (findings do not fail a roll-up)', async () => {
    expect(statsExitCode(batchResult())).toBe(0);
    expect(statsExitCode(batchResult({ failed: true }))).toBe(2);
    expect((await runStats(['x'], FLAGS, deps(batchResult({ failed: true })))).exitCode).toBe(2);
  });

  it('refuses to run without a path', async () => {
    await expect(runStats([], FLAGS, deps(batchResult()))).rejects.toBeInstanceOf(UsageError);
  });
});

describe('addStatsCommand', () => {
  const saved = process.exitCode;
  let dir: string | undefined;
  afterEach(() => {
    process.exitCode = saved;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function program(result: RunResult, calls: CheckOptions[] = []): Command {
    const root = new Command('zhucun').exitOverride();
    root.configureOutput({ writeErr: () => {}, writeOut: () => {} });
    addStatsCommand(root, deps(result, calls));
    return root;
  }

  it('writes the chosen format to --output and sets the exit code', async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhucun-stats-'));
    const file = join(dir, 'stats.csv');
    const calls: CheckOptions[] = [];
    await program(batchResult({ failed: true }), calls).parseAsync(['stats', 'rosters', '--format', 'csv', '--output', file, '--lang', 'en', '--jobs', '2', '--as-of', '2026-06-30'], { from: 'user' });
    expect(readFileSync(file, 'utf8').startsWith('\uFEFFlevel,province,prefecture,name')).toBe(true);
    expect(process.exitCode).toBe(2);
    expect(calls[0]).toMatchObject({ inputs: ['rosters'], jobs: 2, asOf: '2026-06-30' });
  });

  it('defaults to stylish in Chinese', async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhucun-stats-'));
    const file = join(dir, 'stats.txt');
    await program(batchResult()).parseAsync(['stats', 'rosters', '-o', file], { from: 'user' });
    expect(readFileSync(file, 'utf8')).toContain('驻村第一书记和工作队统计(截至 2026-11-27)');
    expect(process.exitCode).toBe(0);
  });

  it('refuses an unknown format or a bad --jobs', async () => {
    await expect(program(batchResult()).parseAsync(['stats', 'rosters', '--format', 'html'], { from: 'user' })).rejects.toBeInstanceOf(CommanderError);
    await expect(program(batchResult()).parseAsync(['stats', 'rosters', '--jobs', '0'], { from: 'user' })).rejects.toBeInstanceOf(UsageError);
  });
});
