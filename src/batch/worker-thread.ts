// A worker thread with the run's settings (worker.ts): the pool's, and a split roster's second thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CadreRowsVerdict } from '../engine/index.js';
import type { SharedRoster } from '../load/index.js';
import type { RosterOutcome, RunSettings, Task } from './process-roster.js';

const WORKER_HEAP_MB = 4096;
const WORKER_SCRIPT = fileURLToPath(new URL('./worker.js', import.meta.url));

/** What a worker is asked: to judge a roster, or a shared roster's cadre rows (split-roster.ts). */
export type WorkerRequest = { readonly index: number; readonly task: Task } | { readonly cadreRowsOf: SharedRoster };

/** A worker's answer to a roster; `error` when judging it failed for a reason other than the roster's own (a fault). */
export type RosterReply = { readonly index: number; readonly outcome: RosterOutcome } | { readonly index: number; readonly error: string };

/** A worker's answer to a shared roster's cadre rows. */
export type CadreRowsReply = { readonly cadreRows: CadreRowsVerdict } | { readonly error: string };

/** Run from the TypeScript sources (tests) there is no built worker: everything is judged in this thread. */
export function canStartWorkers(): boolean {
  return existsSync(WORKER_SCRIPT);
}

export function startWorker(settings: RunSettings): Worker {
  // Bounded heap: a hostile file that eats memory kills its worker (its roster fails), not the run.
  const workerData: RunSettings = { ...settings, config: { ...settings.config, document: null } };
  return new Worker(WORKER_SCRIPT, { workerData, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
}
