// A progress bar on standard error when it is a terminal: rosters done / total, rate, time left.
import type { Progress } from './batch/pool.js';

const WIDTH = 24;

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function progressLine(done: number, total: number, elapsedSeconds: number): string {
  const filled = Math.round((WIDTH * done) / total);
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const left = rate > 0 ? (total - done) / rate : 0;
  return `[${'='.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${done}/${total} · ${rate.toFixed(1)}/s · ${clock(left)}`;
}

/** Silent when the stream is not a terminal (CI logs, pipes) or for a single roster. */
export function progressBar(stream: NodeJS.WriteStream, now: () => number = Date.now): Progress | undefined {
  if (!stream.isTTY) return undefined;
  const started = now();
  return (done, total) => {
    if (total <= 1) return;
    stream.write(`\r${progressLine(done, total, (now() - started) / 1000)}${done === total ? '\n' : ''}`);
  };
}
