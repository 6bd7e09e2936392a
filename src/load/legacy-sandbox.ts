// A legacy .xls is parsed by SheetJS in a child process, with a time and a memory limit. Its
// compound-file and BIFF readers can be made to loop forever by a few changed bytes (a sector
// chain that runs in a circle; a formula whose tokens overrun their length), and a synchronous
// loop cannot be stopped from inside the process that runs it. The child gets the file on stdin
// and writes the parsed sheets as JSON; it costs about 0.3 s to start.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { problem } from './messages.js';
import { readOptions, sheetJsFailure, type ParsedWorkbook } from './sheetjs.js';

/** SheetJS parses an .xls at about 5 MB/s; this allows several times that, and a floor. */
const BASE_TIMEOUT_MS = 5_000;
const TIMEOUT_MS_PER_MIB = 1_000;
const CHILD_HEAP_MB = 4096;
const MAX_OUTPUT_BYTES = 1 << 30;

const CHILD_SOURCE = `
for (const method of ['log', 'warn', 'error', 'info', 'debug']) console[method] = () => {};
const XLSX = require(process.argv[1]);
const options = JSON.parse(process.argv[2]);
let result;
try {
  const workbook = XLSX.read(require('node:fs').readFileSync(0), options);
  const props = (workbook.Workbook || {}).WBProps || {};
  result = {
    date1904: Boolean(props.date1904),
    sheets: workbook.SheetNames.map((name) => {
      const sheet = workbook.Sheets[name];
      const data = (sheet && Array.isArray(sheet['!data']) && sheet['!data']) || [];
      const cells = data.map((row) => row && row.map((cell) => cell && { t: cell.t, v: cell.v, z: cell.z }));
      return { name, data: cells, merges: (sheet && sheet['!merges']) || [] };
    }),
  };
} catch (error) {
  result = { error: String((error && error.message) || error) };
}
process.stdout.write(JSON.stringify(result));
`;

interface ChildResult extends Partial<ParsedWorkbook> {
  readonly error?: string;
}

export function parseCompoundFileInSandbox(file: string, bytes: Buffer, timeout = timeoutFor(bytes)): ParsedWorkbook {
  const sheetjs = createRequire(import.meta.url).resolve('xlsx');
  const options = JSON.stringify({ ...readOptions(), type: 'buffer' });
  const child = spawnSync(process.execPath, [`--max-old-space-size=${CHILD_HEAP_MB}`, '-e', CHILD_SOURCE, sheetjs, options], {
    input: bytes,
    timeout,
    killSignal: 'SIGKILL',
    maxBuffer: MAX_OUTPUT_BYTES,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  if (child.error || child.status !== 0) throw problem.tooHardToRead(file, timeout, child.error ?? child.signal ?? child.status);
  const result = parseOutput(file, child.stdout);
  if (result.error !== undefined) throw sheetJsFailure(file, new Error(result.error));
  return { date1904: result.date1904 ?? false, sheets: result.sheets ?? [] };
}

function timeoutFor(bytes: Buffer): number {
  return BASE_TIMEOUT_MS + Math.ceil(bytes.length / (1 << 20)) * TIMEOUT_MS_PER_MIB;
}

function parseOutput(file: string, output: Buffer): ChildResult {
  try {
    return JSON.parse(output.toString('utf8')) as ChildResult;
  } catch (error) {
    throw problem.unreadableWorkbook(file, error);
  }
}
