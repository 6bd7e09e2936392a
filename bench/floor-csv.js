#!/usr/bin/env node
// The CSV floor: csv-parse alone over the files named (the village CSV, then the cadre CSV),
// streaming (csv-parse's stream API over fs.createReadStream) or sync (csv-parse/sync on the
// whole text). Records are counted and dropped.
// Prints one JSON line: mode, records per file, readMs, maxRssKB.
//   node bench/floor-csv.js --mode stream|sync FILE...
import { createReadStream, readFileSync } from 'node:fs';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';

const args = process.argv.slice(2);
let mode = 'stream';
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--mode') mode = args[++i];
  else files.push(args[i]);
}
const OPTIONS = { bom: true, relax_column_count: true };

function streamed(file) {
  return new Promise((resolve, reject) => {
    let records = 0;
    createReadStream(file)
      .pipe(parse(OPTIONS))
      .on('data', () => (records += 1))
      .on('error', reject)
      .on('end', () => resolve(records));
  });
}

function whole(file) {
  return parseSync(readFileSync(file, 'utf8'), OPTIONS).length;
}

const started = process.hrtime.bigint();
const records = [];
for (const file of files) records.push(mode === 'sync' ? whole(file) : await streamed(file));
const readMs = Number(process.hrtime.bigint() - started) / 1e6;
console.log(JSON.stringify({ mode, records, readMs, maxRssKB: process.resourceUsage().maxRSS }));
