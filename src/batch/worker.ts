// A worker thread: judges the rosters it is sent, one at a time, with the run's settings; or the
// cadre rows of a roster the main thread shares (split-roster.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { cadreRowsJudge, prepareRun, rosterProcessor, type RunSettings } from './process-roster.js';
import type { CadreRowsReply, RosterReply, WorkerRequest } from './worker-thread.js';

const settings = workerData as RunSettings;
const prepared = prepareRun(settings);
const judgeRoster = rosterProcessor(settings, prepared);
const judgeCadreRows = cadreRowsJudge(settings, prepared);

function answer(request: WorkerRequest): RosterReply | CadreRowsReply {
  if ('task' in request) return { index: request.index, outcome: judgeRoster(request.task) };
  return { cadreRows: judgeCadreRows(request.cadreRowsOf) };
}

parentPort!.on('message', (request: WorkerRequest) => {
  try {
    parentPort!.postMessage(answer(request));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    parentPort!.postMessage(('task' in request ? { index: request.index, error: message } : { error: message }) satisfies RosterReply | CadreRowsReply);
  }
});
