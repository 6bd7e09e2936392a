// Preloaded with `node --import ./bench/maxrss.js …` when /usr/bin/time is missing: writes the
// process's peak resident set (kB) to $BENCH_MAXRSS_FILE when it exits. Worker threads share
// the process, so their memory is included.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_MAXRSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
