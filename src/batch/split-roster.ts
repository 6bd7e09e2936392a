// One large CSV roster on two threads. This thread reads it, judges the village rows, forms the
// teams and judges the villages and the teams; meanwhile a worker, reading the same bytes (in
// shared memory, not copied), judges the cadre rows: the larger sheet, and most of the rules. The
// verdict is the one a single thread gives.
import { debuglog } from 'node:util';
import type { Worker } from 'node:worker_threads';
import { checkCadreRows, checkRoster, withCadreRows, type CadreRowsVerdict } from '../engine/index.js';
import { shareRoster, type SharedRoster } from '../load/index.js';
import { parseIsoDate } from '../normalise/dates.js';
import { checkedOutcome, failedOutcome, readTask, type PreparedRun, type ReadTask, type RosterOutcome, type RunSettings, type Task } from './process-roster.js';
import { startWorker, type WorkerReply } from './worker-thread.js';

/** Below this many cadre rows a second thread costs more (its start, its rules loaded) than it saves. */
const SPLIT_FROM_CADRE_ROWS = 20_000;

// NODE_DEBUG=zhucun says, on standard error, which thread judged the cadre rows.
const debug = debuglog('zhucun');

export async function processSplit(task: Task, settings: RunSettings, prepared: PreparedRun): Promise<RosterOutcome> {
  let read: ReadTask;
  try {
    read = readTask(task, settings, prepared);
  } catch (error) {
    return failedOutcome(task, error);
  }
  const context = { roster: read.roster, asOf: parseIsoDate(settings.asOf)! };
  const options = { aloneInRun: settings.aloneInRun };
  const shared = cadreRowCount(read) >= SPLIT_FROM_CADRE_ROWS ? shareRoster(read.loaded) : null;
  if (!shared) return checkedOutcome(task, read, checkRoster(context, prepared.rules, options), settings);
  const cadreRows = cadreRowsInWorker(shared, settings);
  const partial = checkRoster(context, prepared.rules, { ...options, cadreRowsElsewhere: true });
  const judged = await cadreRows;
  if ('failure' in judged) debug('%s: the second thread failed (%s): its cadre rows are judged in this one', task.path, judged.failure);
  else debug('%s: the cadre rows were judged in a second thread', task.path);
  // A worker that failed (out of memory) leaves its share to this thread.
  const rest = 'verdict' in judged ? judged.verdict : checkCadreRows(context, prepared.rules, options);
  return checkedOutcome(task, read, withCadreRows(partial, rest), settings);
}

function cadreRowCount({ loaded, roster }: ReadTask): number {
  const sheet = loaded.sheets.find(({ file, name }) => file === roster.cadreFile && name === roster.cadreSheet);
  return sheet?.rows.length ?? 0;
}

/** The worker's verdict on the cadre rows, or why it gave none. */
function cadreRowsInWorker(shared: SharedRoster, settings: RunSettings): Promise<{ verdict: CadreRowsVerdict } | { failure: string }> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = startWorker(settings);
    } catch (error) {
      return resolve({ failure: error instanceof Error ? error.message : String(error) });
    }
    const settle = (judged: { verdict: CadreRowsVerdict } | { failure: string }) => {
      resolve(judged); // the first settling counts
      void worker.terminate();
    };
    worker.on('message', (reply: WorkerReply) => settle(reply.cadreRows ? { verdict: reply.cadreRows } : { failure: reply.error ?? 'no verdict' }));
    worker.on('error', (error) => settle({ failure: error.message }));
    worker.on('exit', (code) => settle({ failure: `exited with code ${code}` }));
    worker.postMessage({ cadreRowsOf: shared });
  });
}
