// One large CSV roster on two threads. This thread reads it, judges the village rows, forms the
// teams and judges the villages and the teams; meanwhile a worker, reading the same bytes (in
// shared memory, not copied), judges the cadre rows: the larger sheet, and most of the rules. The
// verdict is the one a single thread gives. A worker that fails leaves its share to this thread.
import { debuglog } from 'node:util';
import type { Worker } from 'node:worker_threads';
import { checkCadreRows, checkRoster, withCadreRows, type CadreRowsVerdict, type PartialVerdict } from '../engine/index.js';
import { shareRoster, type SharedRoster } from '../load/index.js';
import type { Roster } from '../types.js';
import {
  checkedHere,
  checkedOutcome,
  failedOutcome,
  readTask,
  type PreparedRun,
  type ReadTask,
  type RosterOutcome,
  type RunSettings,
  type Task,
} from './process-roster.js';
import { startWorker, type CadreRowsReply } from './worker-thread.js';

/**
 * From this many cadre rows on, the roster is split. Each thread walks the cadre rows (this one for
 * the teams' five columns), and the worker starts, loads the rules and reads the village codes of
 * its own: a county's or a province's roster is judged sooner on one thread (bench: the national
 * pair's 563,000 rows take about a fifth less time split; 20,000 to 150,000 took as long or longer).
 */
const SPLIT_FROM_CADRE_ROWS = 200_000;

// NODE_DEBUG=zhucun says, on standard error, which thread judged the cadre rows.
const debug = debuglog('zhucun');

export async function processSplit(task: Task, settings: RunSettings, prepared: PreparedRun): Promise<RosterOutcome> {
  try {
    const read = readTask(task, settings, prepared);
    const shared = cadreRowCount(read) >= SPLIT_FROM_CADRE_ROWS ? shareRoster(read.loaded) : null;
    const verdict = shared ? await judgedOnTwoThreads(shared, read.roster, settings, prepared) : checkedHere(read.roster, settings, prepared);
    return checkedOutcome(task, read, verdict, settings);
  } catch (error) {
    return failedOutcome(task, error);
  }
}

async function judgedOnTwoThreads(shared: SharedRoster, roster: Roster, settings: RunSettings, prepared: PreparedRun): Promise<PartialVerdict> {
  const context = { roster, asOf: prepared.asOf };
  const options = { aloneInRun: settings.aloneInRun };
  const worker = cadreRowsInWorker(shared, settings);
  try {
    const partial = checkRoster(context, prepared.rules, { ...options, cadreRowsElsewhere: true });
    const judged = await worker.verdict;
    if ('failure' in judged) debug('%s: the second thread failed (%s): its cadre rows are judged in this one', roster.path, judged.failure);
    else debug('%s: the cadre rows were judged in a second thread', roster.path);
    return withCadreRows(partial, 'verdict' in judged ? judged.verdict : checkCadreRows(context, prepared.rules, options));
  } finally {
    worker.stop();
  }
}

function cadreRowCount({ loaded, roster }: ReadTask): number {
  const sheet = loaded.sheets.find(({ file, name }) => file === roster.cadreFile && name === roster.cadreSheet);
  return sheet?.rows.length ?? 0;
}

type Judged = { readonly verdict: CadreRowsVerdict } | { readonly failure: string };

/** A worker judging the cadre rows: its verdict, or why it gave none; `stop` ends it, answered or not. */
function cadreRowsInWorker(shared: SharedRoster, settings: RunSettings): { verdict: Promise<Judged>; stop: () => void } {
  let worker: Worker | null = null;
  const verdict = new Promise<Judged>((resolve) => {
    const settle = (judged: Judged) => {
      resolve(judged); // the first settling counts
      void worker?.terminate();
    };
    try {
      worker = startWorker(settings);
    } catch (error) {
      return settle({ failure: error instanceof Error ? error.message : String(error) });
    }
    worker.on('message', (reply: CadreRowsReply) => settle('cadreRows' in reply ? { verdict: reply.cadreRows } : { failure: reply.error }));
    worker.on('messageerror', (error) => settle({ failure: `its answer could not be read: ${error.message}` }));
    worker.on('error', (error) => settle({ failure: error.message }));
    worker.on('exit', (code) => settle({ failure: `it exited with code ${code}` }));
    worker.postMessage({ cadreRowsOf: shared });
  });
  return { verdict, stop: () => void worker?.terminate() };
}
