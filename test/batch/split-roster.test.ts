// A large CSV roster whose second thread fails, or cannot start: this thread judges the cadre rows
// itself, and the outcome is the one of a roster that is not split.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type * as ProcessRoster from '../../src/batch/process-roster.js';
import type * as SplitRoster from '../../src/batch/split-roster.js';
import { EMPTY_CONFIG } from '../../src/config/index.js';
import { DEFAULT_LIMITS } from '../../src/load/index.js';
import { largeCsvPair } from '../helpers/large-csv-pair.js';

const SETTINGS: ProcessRoster.RunSettings = { asOf: '2026-11-27', aloneInRun: true, rulesDirs: [], config: EMPTY_CONFIG, limits: DEFAULT_LIMITS, rollUp: true };

const folder = largeCsvPair();
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const villages = join(folder, 'villages.csv');
const TASK: ProcessRoster.Task = { path: join(folder, 'cadres.csv'), files: [villages, join(folder, 'cadres.csv')], villagesFile: villages, explicit: true };

type Modules = { readonly processRoster: typeof ProcessRoster; readonly splitRoster: typeof SplitRoster };

/** The TypeScript sources (no built worker script to start) or the build `npm test` makes first (a real worker). */
const BUILDS: [string, () => Promise<Modules>][] = [
  ['cannot start (run from the sources, there is no built worker)', async () => ({ processRoster: await import('../../src/batch/process-roster.js'), splitRoster: await import('../../src/batch/split-roster.js') })],
  ['fails (its rule folder does not exist)', async () => ({ processRoster: await import('../../dist/batch/process-roster.js'), splitRoster: await import('../../dist/batch/split-roster.js') })],
];

describe('a split roster whose second thread', () => {
  for (const [name, modules] of BUILDS) {
    it(`${name} is judged in this thread, as a roster that is not split`, async () => {
      const { processRoster, splitRoster } = await modules();
      const prepared = processRoster.prepareRun(SETTINGS);
      // The worker loads the rules again, from the settings it is given.
      const split = await splitRoster.processSplit(TASK, { ...SETTINGS, rulesDirs: [join(folder, 'no-such-rules')] }, prepared);
      const whole = processRoster.rosterProcessor(SETTINGS, prepared)(TASK);
      expect(split.partial!.findings.length).toBeGreaterThan(1000);
      expect(split).toEqual(whole);
    }, 60_000);
  }

  it('fails as a roster that is not split when it cannot be read', async () => {
    const { processRoster, splitRoster } = await BUILDS[0]![1]();
    const task: ProcessRoster.Task = { path: '/no/such/cadres.csv', files: ['/no/such/cadres.csv'], explicit: true };
    const prepared = processRoster.prepareRun(SETTINGS);
    expect(await splitRoster.processSplit(task, SETTINGS, prepared)).toEqual(processRoster.rosterProcessor(SETTINGS, prepared)(task));
  });
});
