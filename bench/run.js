#!/usr/bin/env node
// zhucun's benchmark (npm run bench). For each scale (county, province, national) and each
// format (xlsx workbooks, a CSV pair) it times, each in a fresh process:
//   zhucun    node bin/zhucun.js check … --format json --output /dev/null --as-of 2026-11-27 --jobs 2
//   the floor the reader alone on the same files: SheetJS (XLSX.readFile, dense, one file after
//             another on one core) for xlsx; csv-parse streaming (and sync, recorded too) for CSV
// and reports wall time, cadre rows per second, peak RSS and zhucun ÷ floor. It also times one
// county workbook end to end (process start included, 5 runs, median), and splits zhucun's time
// into its stages (bench/stages.js) for the national CSV pair and one county workbook.
//
//   node bench/run.js [--scales county,province,national] [--runs N] [--seed S]
//                     [--sample auto|full|N] [--formats xlsx,csv] [--jobs 2] [--no-stages | --stages-only]
//                     [--same-build]   (time the copy of the build the previous run took, not dist/ as it is now)
//
// Results are merged into bench/out/results.json (a rerun of one scale keeps the others) and
// written as markdown between markers in docs/benchmark-results.md.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, ensureScale, OUT, SCALES } from './generate.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const AS_OF = '2026-11-27';
const NATIONAL_FILES = 2800;
const SAMPLE_FILES = 280;
const BUDGET_S = 15 * 60; // a national xlsx run longer than this is sampled (--sample auto)
const RAISED_HEAP_MB = 16384;
const GiB_KB = 1024 * 1024;
const RESULTS = join(OUT, 'results.json');
const DOC = join(ROOT, 'docs', 'benchmark-results.md');

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const o = { scales: SCALES, runs: null, seed: DEFAULT_SEED, sample: 'auto', jobs: 2, stages: true, stagesOnly: false, reuseBuild: false, countyRuns: 5, formats: ['xlsx', 'csv'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--scales') o.scales = argv[++i].split(',').filter(Boolean);
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--sample') o.sample = argv[++i];
    else if (a === '--jobs') o.jobs = Number(argv[++i]);
    else if (a === '--no-stages') o.stages = false;
    else if (a === '--stages-only') o.stagesOnly = true;
    else if (a === '--same-build') o.reuseBuild = true;
    else if (a === '--formats') o.formats = argv[++i].split(',').filter(Boolean);
    else if (a === '--county-runs') o.countyRuns = Number(argv[++i]);
    else if (a === '-h' || a === '--help') {
      console.log('node bench/run.js [--scales county,province,national] [--runs N] [--seed S] [--sample auto|full|N] [--formats xlsx,csv] [--jobs 2] [--no-stages | --stages-only] [--same-build]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  for (const s of o.scales) if (!SCALES.includes(s)) throw new Error(`unknown scale ${s}`);
  for (const f of o.formats) if (f !== 'xlsx' && f !== 'csv') throw new Error(`unknown format ${f}`);
  if (o.runs !== null && !(Number.isInteger(o.runs) && o.runs >= 1)) throw new Error('--runs takes a whole number, 1 or more');
  return o;
}

// ---------------------------------------------------------------- measuring one process

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const scratch = join(tmpdir(), `zhucun-bench-${process.pid}`);
mkdirSync(scratch, { recursive: true });

/**
 * Runs a command in a fresh process; wall time from here, peak RSS and CPU from GNU time
 * (or, without it, from bench/maxrss.js preloaded into the node process).
 */
function measure(command, args, { env = {}, timeoutS = 3 * 3600 } = {}) {
  const timeFile = join(scratch, 'time.txt');
  const rssFile = join(scratch, 'maxrss.txt');
  rmSync(timeFile, { force: true });
  rmSync(rssFile, { force: true });
  let file = command;
  let argv = args;
  const childEnv = { ...process.env, ...env };
  if (TIME) {
    file = TIME;
    argv = ['-f', '%e %M %U %S', '-o', timeFile, command, ...args];
  } else if (command === process.execPath) {
    argv = ['--import', join(HERE, 'maxrss.js'), ...args];
    childEnv.BENCH_MAXRSS_FILE = rssFile;
  }
  const load = loadavg()[0];
  const started = process.hrtime.bigint();
  const r = spawnSync(file, argv, { cwd: ROOT, env: childEnv, encoding: 'utf8', maxBuffer: 1 << 26, timeout: timeoutS * 1000 });
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  const out = { wallS: round(wallS, 3), maxRssKB: null, cpuS: null, status: r.status, signal: r.signal, load1: round(load, 2) };
  if (TIME && existsSync(timeFile)) {
    const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
    const signalLine = lines.find((l) => /terminated by signal/.test(l));
    if (signalLine) out.signal = out.signal ?? `signal ${signalLine.match(/signal (\d+)/)[1]}`;
    const [, maxRss, user, sys] = lines[lines.length - 1].split(' ').map(Number);
    out.maxRssKB = maxRss;
    out.cpuS = round(user + sys, 2);
  } else if (existsSync(rssFile)) {
    out.maxRssKB = Number(readFileSync(rssFile, 'utf8'));
  }
  out.stdout = r.stdout ?? '';
  out.stderr = (r.stderr ?? '').slice(-2000);
  if (r.error) out.error = String(r.error.message ?? r.error);
  return out;
}

const round = (x, digits) => (x === null || x === undefined || Number.isNaN(x) ? null : Number(x.toFixed(digits)));

function median(xs) {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function outOfMemory(m) {
  return /heap out of memory|Allocation failed|ERR_WORKER_OUT_OF_MEMORY/.test(m.stderr) || m.status === 134;
}

/** A zhucun run: exit 0 (clean) and 1 (findings) are both a finished check. */
function zhucunOk(m) {
  return m.status === 0 || m.status === 1;
}

/** Runs `runs` fresh processes; the entry keeps the median wall time and the largest peak RSS. */
function repeated(label, runs, once, log) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const m = once();
    samples.push(m);
    log(`    ${label} run ${i + 1}/${runs}: ${m.wallS.toFixed(2)} s, ${mb(m.maxRssKB)} MB peak${m.status ? `, exit ${m.status}` : ''}${m.signal ? `, ${m.signal}` : ''}`);
    if (m.failed) break; // no point repeating a crash
  }
  const ok = samples.filter((m) => !m.failed);
  const use = ok.length > 0 ? ok : samples;
  return {
    wallS: round(median(use.map((m) => m.wallS)), 3),
    wallRunsS: samples.map((m) => m.wallS),
    maxRssKB: Math.max(...use.map((m) => m.maxRssKB ?? 0)),
    cpuS: round(median(use.map((m) => m.cpuS)), 2),
    load1: round(median(samples.map((m) => m.load1)), 2),
    runs: samples.length,
    failed: ok.length === 0 ? samples[0].failed : null,
    status: samples.map((m) => m.status),
    extra: use[use.length - 1].extra ?? null,
  };
}

const mb = (kb) => (kb === null || kb === undefined ? '—' : Math.round(kb / 1024));

// ---------------------------------------------------------------- the commands

const NODE = process.execPath;
let ZHUCUN = join(ROOT, 'bin', 'zhucun.js');
let DIST = join(ROOT, 'dist');
let BUILD = null;

/**
 * A private copy of the build, taken when the benchmark starts: others rebuild dist/ while a long
 * run goes on, and every figure of one run should be of one build. Returns what was copied.
 */
function snapshotBuild(reuse = false) {
  const dir = join(OUT, 'build-snapshot');
  const record = join(dir, 'build.json');
  if (reuse && existsSync(record)) return JSON.parse(readFileSync(record, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of ['dist', 'bin', 'rules', 'schemas', 'package.json']) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const hash = createHash('sha1');
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const f = join(d, name);
      if (statSync(f).isDirectory()) walk(f);
      else hash.update(relative(dir, f)).update(readFileSync(f));
    }
  };
  walk(join(dir, 'dist'));
  walk(join(dir, 'rules'));
  const git = (args) => {
    const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : null;
  };
  const changed = git(['status', '--porcelain', '--', 'src', 'rules', 'package.json']);
  const build = {
    dir,
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommitted: changed === null ? null : changed.split('\n').filter(Boolean).length,
    distSha1: hash.digest('hex').slice(0, 12),
    builtAt: statSync(join(ROOT, 'dist', 'cli.js')).mtime.toISOString(),
  };
  writeFileSync(record, JSON.stringify(build, null, 2));
  return build;
}

function zhucunOnce(inputs, { jobs, env = {} }) {
  const m = measure(NODE, [ZHUCUN, 'check', ...inputs, '--format', 'json', '--output', '/dev/null', '--as-of', AS_OF, '--jobs', String(jobs)], { env });
  if (!zhucunOk(m)) m.failed = outOfMemory(m) ? 'out of memory (V8 heap limit)' : `exit ${m.status ?? m.signal}: ${m.stderr.trim().split('\n').slice(-3).join(' | ')}`;
  if (m.status === 2) m.failed = `some rosters failed to load: ${m.stderr.trim().split('\n').slice(-2).join(' | ')}`;
  return m;
}

function floorOnce(script, args) {
  const m = measure(NODE, [join(HERE, script), ...args]);
  try {
    m.extra = JSON.parse(m.stdout.trim().split('\n').pop());
  } catch {
    m.failed = `no result: ${m.stderr.trim().split('\n').slice(-3).join(' | ')}`;
  }
  if (m.status !== 0) m.failed = outOfMemory(m) ? 'out of memory' : `exit ${m.status ?? m.signal}`;
  return m;
}

// ---------------------------------------------------------------- one scale

function sampleOf(manifest, n) {
  const step = Math.round(manifest.files.length / n);
  const chosen = manifest.files.filter((_, i) => i % step === 0).slice(0, n);
  const dir = join(dirname(manifest.xlsxDir), `xlsx-sample-${chosen.length}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of chosen) {
    const to = join(dir, basename(f.file));
    try {
      linkSync(f.file, to);
    } catch {
      copyFileSync(f.file, to);
    }
  }
  return { dir, files: chosen, cadreRows: chosen.reduce((s, f) => s + f.cadreRows, 0) };
}

/**
 * A sampled batch's time for every file: the fixed cost of a process (its start, its modules,
 * its rules: taken as the county-scale time of the same tool, one file) once, and the rest scaled
 * linearly by cadre rows. An unsampled batch's is its own wall time.
 */
function fullBatchSeconds(entry, results) {
  if (!entry.sampled) return entry.wallS;
  const tool = entry.tool === 'zhucun-jobs1' ? 'zhucun' : entry.tool;
  const county = results.find((r) => r.scale === 'county' && r.format === 'xlsx' && r.tool === tool && !r.failed);
  const fixed = Math.min(county?.wallS ?? 0, entry.wallS);
  return round(fixed + (entry.wallS - fixed) * entry.scaleUp, 1);
}

/** Seconds one national xlsx run would take, from this run's province figures or a pilot. */
function estimateNationalXlsx(results, manifest, log) {
  const province = results.find((r) => r.scale === 'province' && r.format === 'xlsx' && r.tool === 'sheetjs');
  const provinceZ = results.find((r) => r.scale === 'province' && r.format === 'xlsx' && r.tool === 'zhucun');
  if (province && provinceZ && !provinceZ.failed) {
    const perFile = Math.max(province.wallS, provinceZ.wallS) / province.files;
    return perFile * manifest.files.length;
  }
  const pilot = sampleOf(manifest, 28);
  const m = floorOnce('floor-xlsx.js', [pilot.dir]);
  log(`    pilot: SheetJS read 28 files in ${m.wallS.toFixed(1)} s`);
  return (m.wallS / 28) * manifest.files.length;
}

function measureScale(scale, manifest, o, results, log) {
  const runs = o.runs ?? (scale === 'national' ? 1 : 3);
  const entries = [];
  const base = { scale, date: new Date().toISOString(), seed: o.seed, build: BUILD?.distSha1 ?? null };

  if (o.formats.includes('xlsx')) entries.push(...measureXlsx(scale, manifest, o, results, log, runs, base));
  if (o.formats.includes('csv')) entries.push(...measureCsv(scale, manifest, o, log, runs, base));
  return entries;
}

function measureXlsx(scale, manifest, o, results, log, runs, base) {
  const entries = [];
  // xlsx: the folder of workbooks (or a sample of it)
  let xlsx = { dir: manifest.xlsxDir, files: manifest.files, cadreRows: manifest.cadreRows, sampled: false };
  if (scale === 'national' && o.sample !== 'full') {
    let n = null;
    if (o.sample === 'auto') {
      const estimate = estimateNationalXlsx(results, manifest, log);
      log(`    estimated national xlsx run: ${Math.round(estimate)} s per tool per run (budget ${BUDGET_S} s)`);
      if (estimate * runs > BUDGET_S) n = SAMPLE_FILES;
    } else n = Number(o.sample);
    if (n) {
      const s = sampleOf(manifest, n);
      xlsx = { dir: s.dir, files: s.files, cadreRows: s.cadreRows, sampled: true };
      log(`    national xlsx: measuring a sample of ${s.files.length} of ${manifest.files.length} files (every ${Math.round(manifest.files.length / s.files.length)}th), extrapolated linearly`);
    }
  }
  const scaleUp = xlsx.sampled ? manifest.cadreRows / xlsx.cadreRows : 1;
  const xlsxBase = { ...base, format: 'xlsx', files: xlsx.files.length, cadreRows: xlsx.cadreRows, sampled: xlsx.sampled, scaleUp: round(scaleUp, 4), totalFiles: manifest.files.length, totalCadreRows: manifest.cadreRows };

  log(`  ${scale} xlsx (${xlsx.files.length} files, ${xlsx.cadreRows} cadre rows)`);
  const zx = repeated('zhucun', runs, () => zhucunOnce([xlsx.dir], { jobs: o.jobs }), log);
  entries.push({ ...xlsxBase, tool: 'zhucun', label: `zhucun --jobs ${o.jobs}`, jobs: o.jobs, ...zx });
  if (xlsx.files.length > 1 && o.jobs > 1) {
    // The same batch on one thread: how much the second core buys.
    const z1 = repeated('zhucun --jobs 1', runs, () => zhucunOnce([xlsx.dir], { jobs: 1 }), log);
    entries.push({ ...xlsxBase, tool: 'zhucun-jobs1', label: 'zhucun --jobs 1', jobs: 1, ...z1 });
  }
  const fx = repeated('SheetJS', runs, () => floorOnce('floor-xlsx.js', [xlsx.dir]), log);
  entries.push({ ...xlsxBase, tool: 'sheetjs', label: 'SheetJS readFile dense, 1 core', ...fx });
  for (const e of entries) e.fullS = fullBatchSeconds(e, results);
  return entries;
}

function measureCsv(scale, manifest, o, log, runs, base) {
  const entries = [];

  // CSV: the pair
  const csvBase = { ...base, format: 'csv', files: 2, cadreRows: manifest.cadreRows, villageRows: manifest.villageRows, bytes: manifest.bytes.villagesCsv + manifest.bytes.cadresCsv };
  log(`  ${scale} CSV pair (${manifest.cadreRows} cadre rows, ${manifest.villageRows} village rows)`);
  const pair = [manifest.csv.cadres, '--villages', manifest.csv.villages];
  const zc = repeated('zhucun', runs, () => zhucunOnce(pair, { jobs: o.jobs }), log);
  entries.push({ ...csvBase, tool: 'zhucun', label: `zhucun --jobs ${o.jobs}`, jobs: o.jobs, ...zc });
  if (zc.failed && /memory/.test(zc.failed)) {
    log(`    zhucun ran out of memory; again with the heap raised to ${RAISED_HEAP_MB} MB, to see what it needs`);
    const zr = repeated('zhucun (raised heap)', 1, () => zhucunOnce(pair, { jobs: o.jobs, env: { NODE_OPTIONS: `--max-old-space-size=${RAISED_HEAP_MB}` } }), log);
    entries.push({ ...csvBase, tool: 'zhucun-raised-heap', label: `zhucun --jobs ${o.jobs}, --max-old-space-size=${RAISED_HEAP_MB}`, jobs: o.jobs, ...zr });
  }
  const files = [manifest.csv.villages, manifest.csv.cadres];
  entries.push({ ...csvBase, tool: 'csv-parse-stream', label: 'csv-parse streaming', ...repeated('csv-parse stream', runs, () => floorOnce('floor-csv.js', ['--mode', 'stream', ...files]), log) });
  entries.push({ ...csvBase, tool: 'csv-parse-sync', label: 'csv-parse sync', ...repeated('csv-parse sync', runs, () => floorOnce('floor-csv.js', ['--mode', 'sync', ...files]), log) });
  return entries;
}

// ---------------------------------------------------------------- single county, process start included

function measureStartup(manifest, o, log) {
  const file = manifest.files[0].file;
  log(`  one county workbook end to end, ${o.countyRuns} runs`);
  const county = repeated('zhucun one county', o.countyRuns, () => zhucunOnce([file], { jobs: o.jobs }), log);
  const bare = repeated('node -e 0', o.countyRuns, () => measure(NODE, ['-e', '0']), () => {});
  const version = repeated('zhucun --version', o.countyRuns, () => measure(NODE, [ZHUCUN, '--version']), () => {});
  log(`    node -e 0: ${bare.wallS.toFixed(2)} s; zhucun --version: ${version.wallS.toFixed(2)} s`);
  return {
    scale: 'county',
    date: new Date().toISOString(),
    build: BUILD?.distSha1 ?? null,
    file: relative(ROOT, file),
    cadreRows: manifest.files[0].cadreRows,
    county,
    nodeBare: bare,
    zhucunVersion: version,
  };
}

// ---------------------------------------------------------------- stage split

function measureStages(args, env, log, label) {
  log(`  stage split: ${label}`);
  const m = measure(NODE, [join(HERE, 'stages.js'), '--dist', DIST, ...args], { env });
  if (m.status !== 0) {
    log(`    failed: ${m.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    return { label, failed: outOfMemory(m) ? 'out of memory' : `exit ${m.status ?? m.signal}`, wallS: m.wallS, maxRssKB: m.maxRssKB };
  }
  const detail = JSON.parse(m.stdout.trim().split('\n').pop());
  return { label, build: BUILD?.distSha1 ?? null, wallS: m.wallS, maxRssKB: m.maxRssKB, heapLimitMB: env.NODE_OPTIONS ? RAISED_HEAP_MB : null, ...detail };
}

// ---------------------------------------------------------------- machine

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':')[1].trim();
  } catch {}
  const version = (pkg) => {
    try {
      return JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
    } catch {
      return null;
    }
  };
  return {
    cpu,
    cores: availableParallelism(),
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    zhucun: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    sheetjs: version('xlsx'),
    csvParse: version('csv-parse'),
    platform: `${process.platform} ${process.arch}`,
    peakRssFrom: TIME ? 'GNU time (/usr/bin/time), maximum resident set size' : 'process.resourceUsage().maxRSS via bench/maxrss.js',
  };
}

// ---------------------------------------------------------------- targets

function targets(results, startup) {
  const find = (scale, format, tool) => results.find((r) => r.scale === scale && r.format === format && r.tool === tool);
  const out = [];
  const nCsv = find('national', 'csv', 'zhucun');
  const nCsvRaised = find('national', 'csv', 'zhucun-raised-heap');
  const nStream = find('national', 'csv', 'csv-parse-stream');
  if (nCsv && nStream) {
    const limit = 1.5 * nStream.wallS;
    const timeFrom = nCsv.failed ? nCsvRaised : nCsv;
    const t = timeFrom && !timeFrom.failed ? timeFrom.wallS : null;
    out.push({
      target: 'national CSV pair: time ≤ 1.5 × csv-parse (streaming)',
      limit: `${limit.toFixed(1)} s`,
      measured: t === null ? `did not finish (${nCsv.failed})` : `${t.toFixed(1)} s${nCsv.failed ? ` (only with a ${RAISED_HEAP_MB / 1024} GB heap; default: ${nCsv.failed} after ${nCsv.wallS.toFixed(0)} s)` : ''}`,
      met: t !== null && !nCsv.failed && t <= limit,
      by: t === null ? null : `${(t / nStream.wallS).toFixed(2)} × csv-parse streaming (target 1.5 ×); ${(t / limit).toFixed(1)} × the limit`,
    });
    const rss = (nCsv.failed ? nCsvRaised ?? nCsv : nCsv).maxRssKB;
    out.push({
      target: 'national CSV pair: peak memory < 1 GiB',
      limit: '1024 MB',
      measured: `${mb(rss)} MB${nCsv.failed ? ` (${nCsvRaised && !nCsvRaised.failed ? `with a ${RAISED_HEAP_MB / 1024} GB heap` : 'at the crash'})` : ''}`,
      met: !nCsv.failed && rss < GiB_KB,
      by: `${(rss / GiB_KB).toFixed(1)} × the limit`,
    });
  }
  const nX = find('national', 'xlsx', 'zhucun');
  const nF = find('national', 'xlsx', 'sheetjs');
  if (nX && nF) {
    const cores = nX.jobs;
    const zhucunS = nX.fullS ?? nX.wallS * nX.scaleUp;
    const floorS = nF.fullS ?? nF.wallS * nF.scaleUp;
    const limit = (1.2 * floorS) / cores;
    out.push({
      target: `national xlsx batch (${nX.totalFiles} files): time ≤ 1.2 × SheetJS on one core ÷ ${cores} cores`,
      limit: `${limit.toFixed(0)} s`,
      measured: nX.failed ? `failed: ${nX.failed}` : `${zhucunS.toFixed(0)} s${nX.sampled ? ` (extrapolated from ${nX.files} files: process start once, the rest × ${nX.scaleUp.toFixed(2)}; SheetJS likewise ${floorS.toFixed(0)} s)` : ''}`,
      met: !nX.failed && zhucunS <= limit,
      by: nX.failed ? null : `${(zhucunS / limit).toFixed(2)} × the limit (${(zhucunS / floorS).toFixed(2)} × SheetJS on one core; target ${(1.2 / cores).toFixed(2)} ×)`,
    });
  }
  if (startup) {
    const t = startup.county.wallS;
    out.push({
      target: 'one county workbook end to end (process start included): < 0.5 s',
      limit: '0.5 s',
      measured: `${t.toFixed(2)} s (median of ${startup.county.runs})`,
      met: !startup.county.failed && t < 0.5,
      by: `${(t / 0.5).toFixed(1)} × the limit`,
    });
  }
  return out;
}

// ---------------------------------------------------------------- output

const SCALE_ORDER = { county: 0, province: 1, national: 2 };
const TOOL_ORDER = { zhucun: 0, 'zhucun-jobs1': 1, 'zhucun-raised-heap': 1, sheetjs: 2, 'csv-parse-stream': 3, 'csv-parse-sync': 4 };

function floorOf(results, r) {
  const tool = r.format === 'xlsx' ? 'sheetjs' : 'csv-parse-stream';
  return results.find((x) => x.scale === r.scale && x.format === r.format && x.tool === tool);
}

function rowsOf(results) {
  return [...results]
    .sort((a, b) => SCALE_ORDER[a.scale] - SCALE_ORDER[b.scale] || (a.format < b.format ? 1 : a.format > b.format ? -1 : 0) || TOOL_ORDER[a.tool] - TOOL_ORDER[b.tool])
    .map((r) => {
      const floor = floorOf(results, r);
      const ratio = floor && !r.failed && !floor.failed && r !== floor ? (r.wallS / floor.wallS).toFixed(2) : r === floor ? '1 (floor)' : '—';
      const input = r.format === 'xlsx' ? `${r.files} xlsx${r.sampled ? ` (sample of ${r.totalFiles})` : ''}` : 'CSV pair';
      return {
        scale: r.scale,
        input,
        tool: r.label,
        cadreRows: r.cadreRows,
        wall: r.failed ? `${r.wallS.toFixed(1)} ✗` : r.wallS.toFixed(2),
        rowsPerS: r.failed ? '—' : Math.round(r.cadreRows / r.wallS).toLocaleString('en-US'),
        rss: mb(r.maxRssKB),
        cpu: r.cpuS !== null && r.wallS ? `${r.cpuS.toFixed(1)} s (${Math.round((100 * r.cpuS) / r.wallS)}%)` : '—',
        ratio,
        note: [r.failed ? `FAILED: ${r.failed}` : null, r.sampled ? `all ${r.totalFiles} files, extrapolated: ${(r.fullS ?? r.wallS * r.scaleUp).toFixed(0)} s` : null, r.runs > 1 ? `median of ${r.runs}` : null, `load ${r.load1}`]
          .filter(Boolean)
          .join('; '),
      };
    });
}

function table(headers, rows) {
  const lines = [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

function printTable(rows) {
  const headers = ['scale', 'input', 'tool', 'cadre rows', 'wall s', 'rows/s', 'peak MB', 'CPU (% of wall)', '÷ floor', 'note'];
  const data = rows.map((r) => [r.scale, r.input, r.tool, String(r.cadreRows), r.wall, r.rowsPerS, String(r.rss), r.cpu, r.ratio, r.note]);
  const widths = headers.map((h, i) => Math.max(h.length, ...data.map((d) => d[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const d of data) console.log(line(d));
}

function stageTable(split) {
  if (!split || split.failed) return split ? `(failed: ${split.failed})` : '(not measured)';
  const rows = [];
  const warm = split.warm ? new Map(split.warm.map((s) => [s.stage, s.ms])) : null;
  for (const s of split.startup) rows.push([s.stage + ' (once per process)', s.ms.toFixed(1), warm ? '' : '', String(s.rssMB), String(s.heapMB)]);
  const total = split.cold.reduce((t, s) => t + s.ms, 0);
  for (const s of split.cold) {
    rows.push([s.stage, s.ms.toFixed(1), warm ? (warm.get(s.stage) ?? 0).toFixed(1) : `${((100 * s.ms) / total).toFixed(0)}%`, String(s.rssMB), String(s.heapMB)]);
  }
  const headers = ['stage', 'ms (first pass)', warm ? 'ms (warm, median)' : 'share', 'RSS after, MB', 'heap after, MB'];
  return table(headers, rows);
}

function perRuleTable(split, top = 8) {
  if (!split?.perRuleMs) return '';
  const entries = Object.entries(split.perRuleMs).sort((a, b) => b[1] - a[1]);
  const sum = entries.reduce((t, [, ms]) => t + ms, 0);
  return table(['rule (alone)', 'ms', 'share'], entries.slice(0, top).map(([id, ms]) => [id, ms < 10 ? ms.toFixed(2) : ms.toFixed(0), `${((100 * ms) / sum).toFixed(0)}%`]));
}

function markdown(state) {
  const { machine: m, results, startup, stages, manifests } = state;
  const out = [];
  out.push(`Measured ${state.date.slice(0, 10)} by \`npm run bench\` (bench/run.js), seed ${state.seed}.`);
  out.push('');
  const builds = new Set([...results.map((r) => r.build), startup?.build].filter(Boolean));
  if (state.build) {
    out.push(`Build timed: commit ${state.build.commit}${state.build.uncommitted ? ` plus ${state.build.uncommitted} uncommitted change(s) in src/rules` : ''}, dist sha1 ${state.build.distSha1} (built ${state.build.builtAt}).${builds.size > 1 ? ` **The figures below come from ${builds.size} different builds (${[...builds].join(', ')}): rerun all scales for one build.**` : ''}`);
    out.push('');
  }
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory, Node ${m.node} (${m.platform}); zhucun ${m.zhucun}, SheetJS ${m.sheetjs}, csv-parse ${m.csvParse}. Peak memory is the ${m.peakRssFrom}, of each fresh process. The machine is shared: the load column shows the 1-minute load average when each run started (2 cores), and figures move ±30% between runs.`);
  out.push('');
  out.push('### Inputs (generated by bench/generate.js)');
  out.push('');
  out.push(
    table(
      ['scale', 'county workbooks', 'xlsx MB', 'cadre rows', 'village rows', 'teams', 'CSV pair MB'],
      Object.values(manifests)
        .sort((a, b) => SCALE_ORDER[a.scale] - SCALE_ORDER[b.scale])
        .map((x) => [x.scale, String(x.counties), (x.bytes.xlsx / 1e6).toFixed(1), x.cadreRows.toLocaleString('en-US'), x.villageRows.toLocaleString('en-US'), x.teams.toLocaleString('en-US'), ((x.bytes.villagesCsv + x.bytes.cadresCsv) / 1e6).toFixed(1)]),
    ),
  );
  out.push('');
  out.push('### Results');
  out.push('');
  out.push('zhucun: `node bin/zhucun.js check <inputs> --format json --output /dev/null --as-of 2026-11-27 --jobs 2` (a folder of workbooks, or `cadres.csv --villages villages.csv`). Floors: `XLSX.readFile(f, { dense: true })` on each workbook in turn, one core (bench/floor-xlsx.js); csv-parse over the pair, streaming and sync (bench/floor-csv.js). Wall time includes process start. rows/s counts cadre rows. ÷ floor is zhucun\'s wall time over the floor\'s (SheetJS for xlsx, csv-parse streaming for CSV).');
  out.push('');
  const rows = rowsOf(results);
  out.push(table(['scale', 'input', 'tool', 'cadre rows', 'wall s', 'cadre rows/s', 'peak RSS MB', 'CPU user+sys (% of wall)', '÷ floor', 'note'], rows.map((r) => [r.scale, r.input, r.tool, r.cadreRows.toLocaleString('en-US'), r.wall, r.rowsPerS, String(r.rss), r.cpu, r.ratio, r.note])));
  out.push('');
  out.push('### Targets');
  out.push('');
  const t = targets(results, startup);
  out.push(table(['target', 'limit', 'measured', 'met', 'by'], t.map((x) => [x.target, x.limit, x.measured, x.met ? 'yes' : '**no**', x.by ?? '—'])));
  out.push('');
  if (startup) {
    out.push(`One county workbook (${startup.file}, ${startup.cadreRows} cadre rows): ${startup.county.wallS.toFixed(2)} s end to end (runs: ${startup.county.wallRunsS.map((x) => x.toFixed(2)).join(', ')}), ${mb(startup.county.maxRssKB)} MB; of which starting Node itself (\`node -e 0\`) takes ${startup.nodeBare.wallS.toFixed(2)} s and \`zhucun --version\` (loading the CLI's modules) ${startup.zhucunVersion.wallS.toFixed(2)} s.`);
    out.push('');
  }
  out.push('### Growth from county to nation');
  out.push('');
  const growth = [];
  for (const scale of SCALES) {
    for (const format of ['xlsx', 'csv']) {
      const z = results.find((r) => r.scale === scale && r.format === format && r.tool === 'zhucun');
      const f = floorOf(results, { scale, format });
      if (!z) continue;
      const zr = results.find((r) => r.scale === scale && r.format === format && r.tool === 'zhucun-raised-heap');
      const timeS = z.failed && zr && !zr.failed ? zr.wallS : z.failed ? null : z.fullS ?? z.wallS * (z.scaleUp ?? 1);
      growth.push([
        scale,
        format,
        (z.totalCadreRows ?? z.cadreRows).toLocaleString('en-US'),
        timeS === null ? '✗' : `${timeS.toFixed(1)}${z.sampled ? ' (est.)' : ''}${z.failed ? ' (raised heap)' : ''}`,
        timeS === null ? '—' : Math.round((z.totalCadreRows ?? z.cadreRows) / timeS).toLocaleString('en-US'),
        String(mb(z.failed && zr ? zr.maxRssKB : z.maxRssKB)),
        f ? Math.round((f.totalCadreRows ?? f.cadreRows) / (f.fullS ?? f.wallS * (f.scaleUp ?? 1))).toLocaleString('en-US') : '—',
        f ? String(mb(f.maxRssKB)) : '—',
      ]);
    }
  }
  out.push(table(['scale', 'format', 'cadre rows', 'zhucun s', 'zhucun rows/s', 'zhucun peak MB', 'floor rows/s', 'floor peak MB'], growth));
  out.push('');
  for (const [key, title] of [
    ['nationalCsv', 'Stage split: national CSV pair (one roster, one thread)'],
    ['countyXlsx', 'Stage split: one county workbook'],
  ]) {
    const split = stages?.[key];
    if (!split) continue;
    out.push(`### ${title}`);
    out.push('');
    out.push(`bench/stages.js, run from dist/ in one process${split.heapLimitMB ? ` with \`--max-old-space-size=${split.heapLimitMB}\`` : ''}: ${split.rows ? `${split.rows.cadres.toLocaleString('en-US')} cadres, ${split.rows.villages.toLocaleString('en-US')} villages, ${split.rows.teams.toLocaleString('en-US')} teams, ${split.findings?.toLocaleString('en-US')} findings, a ${((split.reportBytes ?? 0) / 1e6).toFixed(1)} MB JSON report;` : ''} ${split.wallS?.toFixed(1)} s in all, ${mb(split.maxRssKB)} MB peak.`);
    out.push('');
    out.push(stageTable(split));
    out.push('');
    if (split.perRuleMs) {
      out.push('Rules timed one at a time (each call builds its own indexes, so the sum exceeds "check (all rules)"):');
      out.push('');
      out.push(perRuleTable(split));
      out.push('');
    }
    if (split.findingsByRule) {
      out.push(`Findings by rule: ${Object.entries(split.findingsByRule).sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ${n.toLocaleString('en-US')}`).join(', ')}.`);
      out.push('');
    }
  }
  return out.join('\n');
}

function writeDoc(text) {
  const begin = '<!-- bench:begin (written by bench/run.js) -->';
  const end = '<!-- bench:end -->';
  let doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : `# Benchmark results\n\n${begin}\n${end}\n`;
  if (!doc.includes(begin)) doc += `\n${begin}\n${end}\n`;
  const before = doc.slice(0, doc.indexOf(begin) + begin.length);
  const after = doc.slice(doc.indexOf(end));
  writeFileSync(DOC, `${before}\n${text}\n${after}`);
}

// ---------------------------------------------------------------- main

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` (npm run bench does)');
  const log = (s) => console.error(s);
  BUILD = snapshotBuild(o.reuseBuild);
  ZHUCUN = join(BUILD.dir, 'bin', 'zhucun.js');
  DIST = join(BUILD.dir, 'dist');
  log(`timing the build of commit ${BUILD.commit}${BUILD.uncommitted ? ` with ${BUILD.uncommitted} uncommitted change(s) in src/rules` : ''} (dist sha1 ${BUILD.distSha1}, built ${BUILD.builtAt}), copied to ${relative(ROOT, BUILD.dir)}`);
  const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : null;
  const keep = previous && previous.seed === o.seed ? previous : null;
  const state = {
    date: new Date().toISOString(),
    seed: o.seed,
    machine: machine(),
    build: BUILD,
    results: (keep?.results ?? []).filter((r) => o.stagesOnly || !o.scales.includes(r.scale) || !o.formats.includes(r.format)),
    startup: o.scales.includes('county') && !o.stagesOnly ? null : keep?.startup ?? null,
    stages: keep?.stages ?? {},
    manifests: keep?.manifests ?? {},
  };
  for (const scale of o.scales) {
    log(`generating ${scale} (cached when already there)`);
    const manifest = await ensureScale(scale, { seed: o.seed });
    state.manifests[scale] = { ...manifest, files: undefined };
    if (!o.stagesOnly) {
      log(`measuring ${scale}`);
      state.results.push(...measureScale(scale, manifest, o, state.results, log));
      if (scale === 'county') state.startup = measureStartup(manifest, o, log);
    }
    if (o.stages && scale === 'county') {
      state.stages.countyXlsx = measureStages(['--xlsx', manifest.files[0].file, '--repeat', '20'], {}, log, 'one county workbook');
    }
    if (o.stages && scale === 'national') {
      const env = { NODE_OPTIONS: `--max-old-space-size=${RAISED_HEAP_MB}` };
      state.stages.nationalCsv = measureStages(['--csv', manifest.csv.villages, manifest.csv.cadres], env, log, `national CSV pair (heap raised to ${RAISED_HEAP_MB} MB)`);
    }
    mkdirSync(OUT, { recursive: true });
    writeFileSync(RESULTS, JSON.stringify(state, null, 2));
  }
  console.log(`\nzhucun benchmark — ${state.machine.cpu}, ${state.machine.cores} cores, ${state.machine.memoryGiB} GiB, Node ${state.machine.node}\n`);
  printTable(rowsOf(state.results));
  console.log('');
  for (const t of targets(state.results, state.startup)) console.log(`${t.met ? 'MET   ' : 'MISSED'} ${t.target}: ${t.measured} (limit ${t.limit})${t.by ? `; ${t.by}` : ''}`);
  const sampled = state.results.find((r) => r.sampled);
  if (sampled) console.log(`\nNOTE: the national xlsx batch was measured on a sample of ${sampled.files} of ${sampled.totalFiles} files and extrapolated: the process's fixed cost (the county-scale time of the same tool) once, the rest linearly by cadre rows (× ${sampled.scaleUp.toFixed(2)}).`);
  writeDoc(markdown(state));
  console.log(`\nwrote ${relative(ROOT, RESULTS)} and ${relative(ROOT, DOC)}`);
  rmSync(scratch, { recursive: true, force: true });
}

await main();
