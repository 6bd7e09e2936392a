// A large CSV roster on two cores (src/batch/split-roster.ts): the same report as on one, and the
// cadre rows judged in a second thread. NODE_DEBUG=zhucun says which thread judged them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { largeCsvPair } from '../helpers/large-csv-pair.js';
import { runCli } from './run-cli.js';

describe('a large CSV roster on two cores', () => {
  it('judges the cadre rows in a second thread and reports what one thread reports', () => {
    const folder = largeCsvPair();
    const args = ['check', join(folder, 'cadres.csv'), '--villages', join(folder, 'villages.csv'), '--as-of', '2026-11-27', '--format', 'json'];
    const one = runCli([...args, '--jobs', '1'], { env: { NODE_DEBUG: 'zhucun' } });
    const two = runCli([...args, '--jobs', '2'], { env: { NODE_DEBUG: 'zhucun' } });
    expect(one.stderr).not.toContain('second thread');
    expect(two.stderr).toContain('the cadre rows were judged in a second thread');
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    const rules = new Set(JSON.parse(two.stdout).files[0].violations.map((violation: { ruleId: string }) => violation.ruleId));
    expect([...rules].sort()).toEqual(expect.arrayContaining(['cadre-posted-once', 'required-field', 'value-format', 'village-exists']));
  });
});
