// check()'s rollUp: each roster's county figures are computed when a report shows them, and only then.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { ROOT } from '../cli/run-cli.js';

const WORKBOOK = join(ROOT, 'fixtures/weining-county.xlsx');

describe('check() rollUp', () => {
  it('gives each roster its county figures by default', async () => {
    const result = await check({ inputs: [WORKBOOK], asOf: '2026-11-27' });
    const stats = result.rosters[0]!.stats!;
    expect(stats.length).toBe(1);
    expect(stats[0]!.villages).toBeGreaterThan(0);
  });

  it('leaves them out, and the findings unchanged, when no report shows them', async () => {
    const withFigures = await check({ inputs: [WORKBOOK], asOf: '2026-11-27' });
    const without = await check({ inputs: [WORKBOOK], asOf: '2026-11-27', rollUp: false });
    expect(without.rosters[0]!.stats).toBeNull();
    expect(without.rosters[0]!.findings).toEqual(withFigures.rosters[0]!.findings);
  });
});
