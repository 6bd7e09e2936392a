// A large CSV roster on two cores (src/batch/split-roster.ts): the same report as on one, and the
// cadre rows judged in a second thread. NODE_DEBUG=zhucun says which thread judged them.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { largeCsvPair } from '../helpers/large-csv-pair.js';
import { ROOT, runCli } from './run-cli.js';

describe('a large CSV roster on two cores', () => {
  const folder = largeCsvPair();
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('judges the cadre rows in a second thread and reports what one thread reports', () => {
    const args = ['check', join(folder, 'cadres.csv'), '--villages', join(folder, 'villages.csv'), '--as-of', '2026-11-27', '--format', 'json'];
    const report = (jobs: string) => {
      const output = join(folder, `report-${jobs}.json`);
      const run = runCli([...args, '--jobs', jobs, '--output', output], { env: { NODE_DEBUG: 'zhucun' } });
      return { run, text: readFileSync(output, 'utf8') };
    };
    const one = report('1');
    const two = report('2');
    expect(one.run.stderr).not.toContain('second thread');
    expect(two.run.stderr).toContain('the cadre rows were judged in a second thread');
    expect(two.run.status).toBe(1);
    expect(two.text).toBe(one.text);
    const rules = new Set(JSON.parse(two.text).files[0].violations.map((violation: { ruleId: string }) => violation.ruleId));
    expect([...rules].sort()).toEqual(expect.arrayContaining(['cadre-posted-once', 'required-field', 'value-format', 'village-exists']));
  });

  it('judges a county’s CSV pair, and a workbook, in one thread', () => {
    const pair = join(ROOT, 'fixtures/rosters/utf8-bom-csv');
    for (const args of [[join(pair, 'cadres.csv'), '--villages', join(pair, 'villages.csv')], [join(ROOT, 'fixtures/weining-county.xlsx')]]) {
      const run = runCli(['check', ...args, '--as-of', '2026-11-27', '--format', 'json', '--jobs', '2'], { env: { NODE_DEBUG: 'zhucun' } });
      expect(run.status).toBe(1);
      expect(run.stderr).not.toContain('second thread');
    }
  });
});
