// Rosters judged on every core: a pool of worker threads, results in input order whatever the scheduling.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { rosterProcessor, type PreparedRun, type RosterOutcome, type RunSettings, type Task } from './process-roster.js';

export type Progress = (done: number, total: number) => void;

const WORKER_HEAP_MB = 4096;
const WORKER_SCRIPT = fileURLToPath(new URL('./worker.js', import.meta.url));

/** `prepared`: the rules this thread already loaded, reused when the rosters are judged here. */
export async function processAll(
  tasks: readonly Task[],
  settings: RunSettings,
  prepared: PreparedRun,
  jobs: number,
  progress?: Progress,
): Promise<RosterOutcome[]> {
  // Run from the TypeScript sources (tests) there is no built worker: judge in this thread.
  if (jobs <= 1 || tasks.length <= 1 || !existsSync(WORKER_SCRIPT)) return processHere(tasks, settings, prepared, progress);
  return processInWorkers(tasks, settings, Math.min(jobs, tasks.length), progress);
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
      // Bounded heap: a hostile file that eats memory kills its worker (its roster fails), not the run.
      const workerData: RunSettings = { ...settings, config: { ...settings.config, document: null } };
      const worker = new Worker(WORKER_SCRIPT, { workerData, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
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
      worker.on('message', (message: { index: number; outcome?: RosterOutcome; error?: string }) => {
        if (message.error !== undefined) return finish(new Error(message.error));
        if (record(message.index, message.outcome!)) return finish();
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
