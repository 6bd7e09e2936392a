// A worker thread: judges the rosters it is sent, one at a time, with the run's settings.
import { parentPort, workerData } from 'node:worker_threads';
import { rosterProcessor, type RunSettings, type Task } from './process-roster.js';

const process = rosterProcessor(workerData as RunSettings);

parentPort!.on('message', ({ index, task }: { index: number; task: Task }) => {
  try {
    parentPort!.postMessage({ index, outcome: process(task) });
  } catch (error) {
    parentPort!.postMessage({ index, error: error instanceof Error ? error.message : String(error) });
  }
});
