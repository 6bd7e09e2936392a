#!/usr/bin/env node
// Where the time and memory of one roster go: zhucun's own stages, run from the built code
// (dist/) in this one thread, timed one by one with the memory in use after each.
//
//   node bench/stages.js --csv VILLAGES.csv CADRES.csv      a CSV pair (one roster)
//   node bench/stages.js --xlsx FILE.xlsx [--repeat 20]     a workbook; with --repeat, the first
//                                                            (cold) pass and the median warm pass
//   options: --no-per-rule (skip timing each rule alone), --as-of 2026-11-27,
//            --dist DIR (the built code to time; default ../dist)
//
// Stages: import (zhucun's modules), rules (load the rule files), then per roster: read (the
// bytes), detect the encoding + find line starts (CSV) or unzip + guards + the OOXML reader (xlsx), normalise, check (all
// rules), county stats, settle (cross-roster rules), render (the JSON report). Prints JSON.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = { csv: null, xlsx: [], repeat: 1, perRule: true, asOf: '2026-11-27', dist: new URL('../dist/', import.meta.url).href };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--csv') opt.csv = [args[++i], args[++i]];
  else if (a === '--xlsx') while (args[i + 1] && !args[i + 1].startsWith('--')) opt.xlsx.push(args[++i]);
  else if (a === '--repeat') opt.repeat = Number(args[++i]);
  else if (a === '--no-per-rule') opt.perRule = false;
  else if (a === '--as-of') opt.asOf = args[++i];
  else if (a === '--dist') opt.dist = pathToFileURL(`${args[++i].replace(/\/$/, '')}/`).href;
  else throw new Error(`unknown argument ${a}`);
}

const MB = 1024 * 1024;
const memory = () => {
  const m = process.memoryUsage();
  return { rssMB: Math.round(m.rss / MB), heapMB: Math.round(m.heapUsed / MB), externalMB: Math.round((m.external + m.arrayBuffers) / MB) };
};

async function timed(name, list, fn) {
  const start = performance.now();
  const value = await fn();
  list.push({ stage: name, ms: +(performance.now() - start).toFixed(2), ...memory() });
  return value;
}

const startup = [];
const z = await timed('import zhucun modules', startup, async () => {
  const [load, readFile, textDecode, csv, zipGuard, zipContents, ooxml, ooxmlReader, budget, normalise, ruleset, config, engine, stats, reporters, dates, index] =
    await Promise.all([
      import(new URL('load/index.js', opt.dist).href),
      import(new URL('load/read-file.js', opt.dist).href).catch(() => null),
      import(new URL('load/text-decode.js', opt.dist).href).catch(() => null),
      import(new URL('load/csv.js', opt.dist).href).catch(() => null),
      import(new URL('load/zip-guard.js', opt.dist).href).catch(() => null),
      import(new URL('load/zip-contents.js', opt.dist).href).catch(() => null),
      import(new URL('load/ooxml-guard.js', opt.dist).href).catch(() => null),
      import(new URL('load/ooxml-reader.js', opt.dist).href).catch(() => null),
      import(new URL('load/cell-budget.js', opt.dist).href).catch(() => null),
      import(new URL('normalise/index.js', opt.dist).href),
      import(new URL('ruleset/index.js', opt.dist).href),
      import(new URL('config/index.js', opt.dist).href),
      import(new URL('engine/index.js', opt.dist).href),
      import(new URL('stats/county-stats.js', opt.dist).href),
      import(new URL('reporters/index.js', opt.dist).href),
      import(new URL('normalise/dates.js', opt.dist).href),
      import(new URL('index.js', opt.dist).href),
    ]);
  return { load, readFile, textDecode, csv, zipGuard, zipContents, ooxml, ooxmlReader, budget, normalise, ruleset, config, engine, stats, reporters, dates, index };
});
const ruleSet = await timed('load rules (YAML + schema)', startup, () => z.ruleset.loadRuleSet([]));
const rules = z.config.applyRuleSettings(ruleSet.rules, z.config.EMPTY_CONFIG);
const asOf = z.dates.parseIsoDate(opt.asOf);
const limits = z.load.DEFAULT_LIMITS;

// ---------------------------------------------------------------- load, in its parts when the internals are there

const canSplitCsv = z.readFile?.readFileBounded && z.textDecode?.textEncoding && z.csv?.csvSheet;
const canSplitXlsx =
  z.readFile?.readFileBounded && z.zipGuard?.unzipWithinLimit && z.zipContents?.PackageParts && z.zipContents?.workbookPackage &&
  z.ooxml?.checkOoxmlPackage && z.ooxmlReader?.readOoxmlWorkbook && z.budget?.CellBudget;

async function loadCsvPair(list, [villages, cadres]) {
  if (!canSplitCsv) return timed('load (whole)', list, () => z.load.loadRoster({ path: cadres, files: [villages, cadres], villagesFile: villages }, limits));
  const sheets = [];
  for (const file of [villages, cadres]) {
    const which = file === villages ? 'villages' : 'cadres';
    const bytes = await timed(`load: read ${which}.csv`, list, () => z.readFile.readFileBounded(file, limits.maxFileBytes));
    const text = await timed(`load: detect encoding ${which}.csv`, list, () => z.textDecode.textEncoding(bytes));
    sheets.push(await timed(`load: find line starts ${which}.csv`, list, () => z.csv.csvSheet(file, text)));
  }
  return { path: cadres, sheets, villageSheetName: sheets[0].name };
}

async function loadWorkbook(list, file) {
  if (!canSplitXlsx) return timed('load (whole)', list, () => z.load.loadRoster({ path: file, files: [file] }, limits));
  const bytes = await timed('load: read', list, () => z.readFile.readFileBounded(file, limits.maxFileBytes));
  const parts = await timed('load: unzip (guarded)', list, () => new z.zipContents.PackageParts(z.zipGuard.unzipWithinLimit(file, bytes, limits.maxInflatedBytes)));
  const budget = () => new z.budget.CellBudget(file, z.budget.cellLimit(limits.maxInflatedBytes));
  await timed('load: package guards', list, () => {
    z.zipContents.workbookPackage(file, parts);
    z.ooxml.checkOoxmlPackage(file, parts, budget());
  });
  const sheets = await timed('load: OOXML reader (sheets → rows)', list, () => z.ooxmlReader.readOoxmlWorkbook(file, parts, budget()));
  return { path: file, sheets };
}

// ---------------------------------------------------------------- one roster, start to end

const findingsByRule = {};
const perRule = {};

async function onePass(loader) {
  const list = [];
  let loaded = await loader(list);
  const path = loaded.path;
  // zhucun lets go of the raw rows once the roster is normalised: so does this, before timing on.
  const roster = await timed('normalise', list, () => {
    const normalised = z.normalise.normaliseRoster(loaded, { columns: z.config.EMPTY_CONFIG.columns, keyCounties: ruleSet.keyCounties });
    loaded = null;
    return normalised;
  });
  const partial = await timed('check (all rules)', list, () => z.engine.checkRoster({ roster, asOf }, rules, { aloneInRun: true }));
  const stats = await timed('county stats', list, () => z.stats.countyStats(roster));
  const [verdict] = await timed('settle (cross-roster rules)', list, () => z.engine.settleAcrossRosters([partial], () => ({ findings: [], failure: null })));
  const result = {
    tool: { name: 'zhucun', version: z.index.VERSION },
    asOf: opt.asOf,
    rules: rules.map(({ id, severity, title, message, fix, source, file }) => ({ id, severity, title, message, fix, source, file })),
    rosters: [{ path, files: [], failure: null, waived: [], stats, ...verdict }],
    waivers: [],
    skipped: [],
  };
  const text = await timed('render JSON report', list, () => z.reporters.REPORTERS.get('json').render(result, { lang: 'zh', showPii: false, color: false }));
  return { list, roster, verdict, reportBytes: Buffer.byteLength(text) };
}

// The split uses zhucun's internals, which change; when they no longer fit, time the load whole.
let splitFailed = null;
async function guarded(split, whole, list) {
  if (splitFailed === null) {
    const mark = list.length;
    try {
      return await split();
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      splitFailed = error.message;
      list.length = mark;
    }
  }
  return timed('load (whole)', list, whole);
}
const loader = opt.csv
  ? (list) => guarded(() => loadCsvPair(list, opt.csv), () => z.load.loadRoster({ path: opt.csv[1], files: opt.csv, villagesFile: opt.csv[0] }, limits), list)
  : (list) => guarded(() => loadWorkbook(list, opt.xlsx[0]), () => z.load.loadRoster({ path: opt.xlsx[0], files: [opt.xlsx[0]] }, limits), list);
const passes = [];
let last = null;
for (let i = 0; i < Math.max(1, opt.repeat); i++) {
  last = await onePass(loader);
  passes.push(last.list);
}
for (const finding of last.verdict.findings) findingsByRule[finding.ruleId] = (findingsByRule[finding.ruleId] ?? 0) + 1;

if (opt.perRule) {
  for (const rule of rules) {
    const start = performance.now();
    z.engine.checkRoster({ roster: last.roster, asOf }, [rule], { aloneInRun: true });
    perRule[rule.id] = +(performance.now() - start).toFixed(2);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const warm = passes.length > 1 ? passes[0].map((entry, k) => ({ stage: entry.stage, ms: +median(passes.slice(1).map((p) => p[k].ms)).toFixed(2) })) : null;

console.log(
  JSON.stringify({
    input: opt.csv ?? opt.xlsx,
    rows: { cadres: last.roster.teams.reduce((n, team) => n + team.activeMembers.length, 0), villages: last.roster.villages?.length ?? 0, teams: last.roster.teams.length },
    findings: last.verdict.findings.length,
    findingsByRule,
    reportBytes: last.reportBytes,
    startup,
    cold: passes[0],
    warm,
    perRuleMs: opt.perRule ? perRule : null,
    loadSplitUnavailable: splitFailed,
    maxRssKB: process.resourceUsage().maxRSS,
  }),
);
