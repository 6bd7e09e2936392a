// Runs loadRoster in a separate Node process, to measure its time and peak memory apart from the
// test runner's. The load stage is transpiled from its TypeScript sources into a temporary folder
// (TypeScript's transpileModule, one file at a time), next to a link to node_modules.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { ROOT, temporaryFolder } from './support.js';

export interface ChildOutcome {
  /** The LoadError code, or 'loaded'. */
  readonly outcome: string;
  readonly milliseconds: number;
  /** Peak resident set size of the whole child process. */
  readonly maxRssBytes: number;
}

const CHILD_SCRIPT = `
import { loadRoster } from './src/load/index.js';
const file = process.argv[2];
const started = performance.now();
let outcome = 'loaded';
try {
  loadRoster({ path: file, files: [file] });
} catch (error) {
  outcome = error.code ?? String(error);
}
const milliseconds = performance.now() - started;
console.log(JSON.stringify({ outcome, milliseconds, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
`;

export function loadInChild(file: string, options: { maxOldSpaceMb: number; timeoutMs: number }): ChildOutcome {
  const folder = transpiledLoadStage();
  const result = spawnSync(process.execPath, [`--max-old-space-size=${options.maxOldSpaceMb}`, join(folder, 'child.mjs'), file], {
    encoding: 'utf8',
    timeout: options.timeoutMs,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`child exited with ${result.status ?? result.signal}: ${result.stderr}`);
  return JSON.parse(result.stdout) as ChildOutcome;
}

let transpiled: string | undefined;

function transpiledLoadStage(): string {
  if (transpiled) return transpiled;
  const folder = temporaryFolder();
  const sources = ['src/errors.ts', 'src/types.ts', ...readdirSync(join(ROOT, 'src/load')).map((name) => `src/load/${name}`)];
  for (const source of sources.filter((path) => path.endsWith('.ts'))) {
    const output = ts.transpileModule(readFileSync(join(ROOT, source), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    });
    const target = join(folder, source.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output.outputText);
  }
  writeFileSync(join(folder, 'package.json'), '{"type":"module"}');
  writeFileSync(join(folder, 'child.mjs'), CHILD_SCRIPT);
  symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'), 'dir');
  transpiled = folder;
  return folder;
}
