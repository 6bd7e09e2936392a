#!/usr/bin/env node
// Generates the benchmark's rosters, deterministically from a seed:
//   county    one county: a workbook, and a CSV pair
//   province  Yunnan's 129 counties: 129 workbooks, and one CSV pair for the province
//   national  2,800 counties: 2,800 workbooks, and one CSV pair for the nation
// Files go under bench/out/data/v<generator>-s<seed>/ and are reused when already there
// (a scale is done when its manifest.json is written). Workbooks are written once per county and
// hard-linked into each scale's folder.
//
//   node bench/generate.js [--seed 20261127] [--scales county,province,national] [--force]
import { createWriteStream, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import * as XLSX from 'xlsx';
import { crossCountyPerson, drawCounty } from './lib/county.js';
import { nationalCounties, PROVINCE_CODE } from './lib/geography.js';
import { countyLayout, cadreTable, csvLayout, csvLines, villageTable } from './lib/layout.js';

XLSX.set_fs(fs);

export const GENERATOR_VERSION = 1;
const MANIFEST_VERSION = 2;
export const DEFAULT_SEED = 20261127;
export const SCALES = ['county', 'province', 'national'];
const HERE = dirname(fileURLToPath(import.meta.url));
export const OUT = join(HERE, 'out');

export function dataRoot(seed) {
  return join(OUT, 'data', `v${GENERATOR_VERSION}-s${seed}`);
}

/** The counties of a scale, as indices into the national list. */
export function countiesOf(scale) {
  const all = nationalCounties();
  if (scale === 'national') return all;
  const province = all.filter((c) => c.provinceCode === PROVINCE_CODE);
  if (scale === 'province') return province;
  // A typical county: the first in Yunnan that is not a key-assistance county (their teams are larger).
  if (scale === 'county') return [province.find((c) => !c.key)];
  throw new Error(`unknown scale ${scale}`);
}

function countyFileName(county) {
  return `${county.code}-${county.county}.xlsx`;
}

/** Draws a county with the people it shares with its neighbours. */
function drawWithNeighbours(county, seed) {
  const all = nationalCounties();
  const cross = [];
  const own = crossCountyPerson(county, seed);
  if (own) cross.push({ person: own, from: county.code });
  const previous = county.index > 0 ? crossCountyPerson(all[county.index - 1], seed) : null;
  if (previous) cross.push({ person: previous, from: all[county.index - 1].code });
  return drawCounty(county, seed, cross);
}

function writeWorkbook(county, seed, file) {
  const drawn = drawWithNeighbours(county, seed);
  const layout = countyLayout(county, seed);
  const wb = XLSX.utils.book_new();
  const sheets = [
    [layout.villageSheet, villageTable(drawn, layout)],
    [layout.cadreSheet, cadreTable(drawn, layout)],
  ];
  if (layout.cadresFirst) sheets.reverse();
  for (const [name, { aoa, merges }] of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    ws['!merges'] = merges;
    ws['!cols'] = aoa[layout.titleRows]?.map(() => ({ wch: 14 }));
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  const tmp = `${file}.tmp-${process.pid}.xlsx`;
  writeFileSync(tmp, asExcelWritesIt(XLSX.write(wb, { type: 'buffer', compression: true, bookType: 'xlsx', bookSST: true })));
  renameSync(tmp, file);
}

/**
 * SheetJS declares a default content type `sheet.binary.macroEnabled.main` for every `.bin` part,
 * even in an .xlsx with no such part; Excel and WPS do not. The package is rewritten without that
 * line, as Excel would have written it. (zhucun at commit b8b67a2 took the declaration for an
 * .xlsb and refused every SheetJS-written workbook; later builds read them.)
 */
function asExcelWritesIt(bytes) {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  const at = zip.FullPaths.findIndex((p) => p.endsWith('[Content_Types].xml'));
  const entry = zip.FileIndex[at];
  const text = Buffer.from(entry.content).toString('utf8');
  entry.content = Buffer.from(text.replace(/<Default Extension="bin" ContentType="application\/vnd\.ms-excel\.sheet\.binary\.macroEnabled\.main"\/>/, ''), 'utf8');
  return XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip', compression: true });
}

/** Writes the county workbooks that are missing, on `jobs` threads. */
async function writeMissingWorkbooks(counties, seed, dir, jobs) {
  const missing = counties.filter((c) => !existsSync(join(dir, countyFileName(c))));
  if (missing.length === 0) return;
  const started = Date.now();
  if (missing.length < 20 || jobs <= 1) {
    for (const c of missing) writeWorkbook(c, seed, join(dir, countyFileName(c)));
  } else {
    const slices = Array.from({ length: jobs }, (_, j) => missing.filter((_, i) => i % jobs === j).map((c) => c.index));
    let done = 0;
    await Promise.all(
      slices.map(
        (indices) =>
          new Promise((resolve, reject) => {
            const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { indices, seed, dir } });
            worker.on('message', () => {
              done += 1;
              if (done % 100 === 0) process.stderr.write(`  workbooks ${done}/${missing.length}\r`);
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generator worker exited ${code}`))));
          }),
      ),
    );
  }
  process.stderr.write(`  wrote ${missing.length} workbooks in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** Makes one scale's files; returns its manifest. */
export async function ensureScale(scale, { seed = DEFAULT_SEED, force = false, jobs = 2 } = {}) {
  const root = dataRoot(seed);
  const scaleDir = join(root, scale);
  const manifestFile = join(scaleDir, 'manifest.json');
  if (!force && existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (manifest.manifestVersion === MANIFEST_VERSION) return manifest;
  }
  const counties = countiesOf(scale);
  process.stderr.write(`generating ${scale} (${counties.length} counties, seed ${seed})\n`);
  const countyDir = join(root, 'counties');
  mkdirSync(countyDir, { recursive: true });
  rmSync(scaleDir, { recursive: true, force: true });
  const xlsxDir = join(scaleDir, 'xlsx');
  const csvDir = join(scaleDir, 'csv');
  mkdirSync(xlsxDir, { recursive: true });
  mkdirSync(csvDir, { recursive: true });
  await writeMissingWorkbooks(counties, seed, countyDir, jobs);

  // The workbooks, linked into the scale's folder; the CSV pair, written county by county.
  const villagesCsv = join(csvDir, 'villages.csv');
  const cadresCsv = join(csvDir, 'cadres.csv');
  const villagesOut = createWriteStream(villagesCsv);
  const cadresOut = createWriteStream(cadresCsv);
  const totals = { counties: counties.length, villageRows: 0, cadreRows: 0, activeCadres: 0, teams: 0, keyCounties: 0, defects: {} };
  const perFile = [];
  let first = true;
  for (const county of counties) {
    const name = countyFileName(county);
    try {
      linkSync(join(countyDir, name), join(xlsxDir, name));
    } catch {
      copyFileSync(join(countyDir, name), join(xlsxDir, name));
    }
    const drawn = drawWithNeighbours(county, seed);
    const layout = csvLayout(county, seed);
    const villages = villageTable(drawn, layout).aoa;
    const cadres = cadreTable(drawn, layout).aoa;
    // One header for the whole export; 序号 runs per county, as when exports are pasted together.
    const v = csvLines(first ? villages : villages.slice(1));
    const c = csvLines(first ? cadres : cadres.slice(1));
    if (!villagesOut.write(first ? '\ufeff' + v : v)) await drain(villagesOut);
    if (!cadresOut.write(first ? '\ufeff' + c : c)) await drain(cadresOut);
    first = false;
    perFile.push({ file: join(xlsxDir, name), cadreRows: drawn.cadres.length, villageRows: drawn.villages.length, teams: drawn.teams });
    totals.villageRows += drawn.villages.length;
    totals.cadreRows += drawn.cadres.length;
    totals.activeCadres += drawn.cadres.filter((x) => x.status === '在岗').length;
    totals.teams += drawn.teams;
    totals.keyCounties += county.key ? 1 : 0;
    for (const [kind, n] of Object.entries(drawn.defects)) totals.defects[kind] = (totals.defects[kind] ?? 0) + n;
  }
  await Promise.all([close(villagesOut), close(cadresOut)]);
  const manifest = {
    generator: GENERATOR_VERSION,
    manifestVersion: MANIFEST_VERSION,
    seed,
    scale,
    xlsxDir,
    csv: { villages: villagesCsv, cadres: cadresCsv },
    files: perFile,
    bytes: {
      xlsx: counties.reduce((sum, c) => sum + fs.statSync(join(xlsxDir, countyFileName(c))).size, 0),
      villagesCsv: fs.statSync(villagesCsv).size,
      cadresCsv: fs.statSync(cadresCsv).size,
    },
    ...totals,
  };
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  process.stderr.write(`  ${scale}: ${totals.cadreRows} cadre rows, ${totals.villageRows} village rows, ${totals.teams} teams\n`);
  return manifest;
}

const drain = (stream) => new Promise((resolve) => stream.once('drain', resolve));
const close = (stream) => new Promise((resolve, reject) => stream.end((error) => (error ? reject(error) : resolve())));

function parseArgs(argv) {
  const args = { seed: DEFAULT_SEED, scales: SCALES, force: false, jobs: 2 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--seed') args.seed = Number(argv[++i]);
    else if (a === '--scales') args.scales = argv[++i].split(',').filter(Boolean);
    else if (a === '--force') args.force = true;
    else if (a === '--jobs') args.jobs = Number(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(args.seed)) throw new Error('--seed takes a whole number');
  for (const s of args.scales) if (!SCALES.includes(s)) throw new Error(`unknown scale ${s}`);
  return args;
}

if (!isMainThread) {
  // A generator worker: writes the workbooks of the counties it is given.
  const all = nationalCounties();
  const { indices, seed, dir } = workerData;
  for (const i of indices) {
    writeWorkbook(all[i], seed, join(dir, countyFileName(all[i])));
    parentPort.postMessage(i);
  }
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = parseArgs(process.argv.slice(2));
  for (const scale of args.scales) {
    const m = await ensureScale(scale, args);
    console.log(`${scale}: ${m.counties} counties, ${m.cadreRows} cadre rows, ${m.teams} teams, ${m.villageRows} villages -> ${join(dataRoot(args.seed), scale)}`);
  }
}
