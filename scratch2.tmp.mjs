import { parse } from 'csv-parse/sync';
const text = 'a,b\n\nc\r\n"x\ny",z\r"p\r\nq"\rlast,"x"y",z\r\n\r\n"unclosed,a\nb\n';
let seen = [];
try {
const recs = parse(text, { relax_column_count: true, relax_quotes: true, raw: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'],
  on_record: (rec, ctx) => { seen.push(ctx.lines); return rec; } });
for (const r of recs) console.log(JSON.stringify(r));
} catch (e) { console.log('ERR', e.code, e.message, e.lines, seen); }
const recs = parse(text.slice(0, text.indexOf('"unclosed')), { relax_column_count: true, relax_quotes: true, raw: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] });
for (const r of recs) console.log(JSON.stringify(r));
