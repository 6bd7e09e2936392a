#!/usr/bin/env node
// The xlsx floor: SheetJS alone, reading every workbook of a folder (or the files named)
// one after another on one core, dense mode: XLSX.readFile(f, { dense: true }).
// Prints one JSON line: files, rows (all sheets), readMs, maxRssKB.
//   node bench/floor-xlsx.js DIR|FILE... [--list FILE_OF_PATHS] [--zhucun-options]
import * as fs from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';

XLSX.set_fs(fs);

const args = process.argv.slice(2);
const files = [];
let options = { dense: true };
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--list') files.push(...fs.readFileSync(args[++i], 'utf8').split('\n').filter(Boolean));
  else if (args[i] === '--zhucun-options') options = { dense: true, cellDates: false, cellNF: true, cellText: false, cellHTML: false, cellFormula: false, cellStyles: false };
  else if (fs.statSync(args[i]).isDirectory()) {
    for (const name of fs.readdirSync(args[i]).sort()) if (name.endsWith('.xlsx')) files.push(join(args[i], name));
  } else files.push(args[i]);
}

const started = process.hrtime.bigint();
let rows = 0;
for (const file of files) {
  const wb = XLSX.readFile(file, options);
  for (const name of wb.SheetNames) rows += (wb.Sheets[name]['!data'] ?? []).length;
}
const readMs = Number(process.hrtime.bigint() - started) / 1e6;
console.log(JSON.stringify({ files: files.length, rows, readMs, maxRssKB: process.resourceUsage().maxRSS }));
