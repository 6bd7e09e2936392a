import { describe, expect, it } from 'vitest';
import { progressBar, progressLine } from '../../src/progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream, written };
}

describe('the progress bar', () => {
  it('shows files done of total, rosters per second and time left', () => {
    expect(progressLine(30, 120, 10)).toBe(`[${'='.repeat(6)}${' '.repeat(18)}] 30/120 · 3.0/s · 0:30`);
  });

  it('draws on a terminal, in place, and ends its line when done', () => {
    const { stream, written } = fakeStream(true);
    let now = 0;
    const progress = progressBar(stream, () => now)!;
    now = 2000;
    progress(1, 2);
    now = 4000;
    progress(2, 2);
    expect(written).toEqual([`\r${progressLine(1, 2, 2)}`, `\r${progressLine(2, 2, 4)}\n`]);
  });

  it('is silent when standard error is not a terminal, and for a single roster', () => {
    expect(progressBar(fakeStream(false).stream)).toBeUndefined();
    const { stream, written } = fakeStream(true);
    progressBar(stream)!(1, 1);
    expect(written).toEqual([]);
  });
});
