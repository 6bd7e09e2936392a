// Rosters judged on every core: a pool of worker threads, results in input order whatever the scheduling.
import type { Worker } from 'node:worker_threads';
import { rosterProcessor, type PreparedRun, type RosterOutcome, type RunSettings, type Task } from './process-roster.js';
import { processSplit } from './split-roster.js';
import { canStartWorkers, startWorker, type RosterReply } from './worker-thread.js';

export type Progress = (done: number, total: number) => void;

/** `prepared`: the rules this thread already loaded, reused when the rosters are judged here. */
export async function processAll(
  tasks: readonly Task[],
  settings: RunSettings,
  prepared: PreparedRun,
  jobs: number,
  progress?: Progress,
): Promise<RosterOutcome[]> {
  if (jobs <= 1 || tasks.length === 0 || !canStartWorkers()) return processHere(tasks, settings, prepared, progress);
  if (tasks.length === 1) return [await processOne(tasks[0]!, settings, prepared, progress)];
  return processInWorkers(tasks, settings, Math.min(jobs, tasks.length), progress);
}

/** One roster, with more than one core: a large CSV roster's cadre rows are judged in a second thread (split-roster.ts). */
async function processOne(task: Task, settings: RunSettings, prepared: PreparedRun, progress?: Progress): Promise<RosterOutcome> {
  const outcome = await processSplit(task, settings, prepared);
  progress?.(1, 1);
  return outcome;
}

function processHere(tasks: readonly Task[], settings: RunSettings, prepared: PreparedRun, progress?: Progress): RosterOutcome[] {
  const process = rosterProcessor(settings, prepared);
  return tasks.map((task, index) => {
    const outcome = process(task);
    progress?.(index + 1, tasks.length);
    return outcome;
  });
}

function processInWorkers(tasks: readonly Task[], settings: RunSettings, jobs: number, progress?: Progress): Promise<RosterOutcome[]> {
  return new Promise((resolve, reject) => {
    const outcomes: RosterOutcome[] = new Array(tasks.length);
    let next = 0;
    let done = 0;
    const workers: Worker[] = [];
    const finish = (error?: Error) => {
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(outcomes);
    };
    const start = () => {
      const worker = startWorker(settings);
      workers.push(worker);
      let current = -1;
      const feed = () => {
        if (next >= tasks.length) return void worker.terminate();
        current = next++;
        worker.postMessage({ index: current, task: tasks[current] });
      };
      /** Records a roster's outcome; true when it was the last. */
      const record = (index: number, outcome: RosterOutcome): boolean => {
        outcomes[index] = outcome;
        current = -1;
        done += 1; // not inside progress?.(…): its arguments are not evaluated when there is no callback
        progress?.(done, tasks.length);
        return done === tasks.length;
      };
      worker.on('message', (message: RosterReply) => {
        if ('error' in message) return finish(new Error(message.error));
        if (record(message.index, message.outcome)) return finish();
        feed();
      });
      // A worker that dies (out of memory on a hostile file) fails its roster, not the run.
      const died = (error: Error) => {
        if (current < 0) return;
        if (record(current, crashed(tasks[current], error))) finish();
        else if (next < tasks.length) start();
      };
      worker.on('error', (error) => (current < 0 ? finish(error) : died(error)));
      // Exiting without an 'error' (killed from outside) while holding a roster is dying too.
      worker.on('exit', (code) => died(new Error(`worker exited with code ${code}`)));
      feed();
    };
    for (let i = 0; i < jobs; i++) start();
  });
}

function crashed(task: Task, error: Error): RosterOutcome {
  const files = 'files' in task ? task.files : [];
  return {
    path: task.path,
    files,
    failure: {
      code: 'UNREADABLE',
      message: {
        zh: `${task.path}: 读取时出错(${error.message}),请用 Excel/WPS 打开后另存再检查`,
        en: `${task.path}: reading it failed (${error.message}); open it in Excel or WPS, save it again and check again`,
      },
    },
    skipped: false,
    partial: null,
    stats: null,
  };
}
