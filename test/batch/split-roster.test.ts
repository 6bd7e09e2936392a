// A large CSV roster whose second thread cannot help (run from the TypeScript sources there is no
// built worker to start): this thread judges the cadre rows itself, with the verdict of one thread.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareRun, rosterProcessor, type RunSettings, type Task } from '../../src/batch/process-roster.js';
import { processSplit } from '../../src/batch/split-roster.js';
import { EMPTY_CONFIG } from '../../src/config/index.js';
import { DEFAULT_LIMITS } from '../../src/load/index.js';
import { largeCsvPair } from '../helpers/large-csv-pair.js';

const SETTINGS: RunSettings = { asOf: '2026-11-27', aloneInRun: true, rulesDirs: [], config: EMPTY_CONFIG, limits: DEFAULT_LIMITS, rollUp: true };

describe('a split roster whose second thread fails', () => {
  it('is judged in this thread, as a roster that is not split', async () => {
    const folder = largeCsvPair();
    const villages = join(folder, 'villages.csv');
    const task: Task = { path: join(folder, 'cadres.csv'), files: [villages, join(folder, 'cadres.csv')], villagesFile: villages, explicit: true };
    const prepared = prepareRun(SETTINGS);
    const split = await processSplit(task, SETTINGS, prepared);
    const whole = rosterProcessor(SETTINGS, prepared)(task);
    expect(split.partial!.findings.length).toBeGreaterThan(100);
    expect(split).toEqual(whole);
  });

  it('fails as a roster that is not split when it cannot be read', async () => {
    const task: Task = { path: '/no/such/cadres.csv', files: ['/no/such/cadres.csv'], explicit: true };
    const prepared = prepareRun(SETTINGS);
    expect(await processSplit(task, SETTINGS, prepared)).toEqual(rosterProcessor(SETTINGS, prepared)(task));
  });
});
