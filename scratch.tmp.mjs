import * as XLSX from 'xlsx';
import fs from 'node:fs';
import zlib from 'node:zlib';
// quick & dirty zip reader for the experiment
function entries(buf) {
  let e = buf.lastIndexOf(Buffer.from([0x50,0x4b,5,6]));
  const n = buf.readUInt16LE(e+10), off = buf.readUInt32LE(e+16);
  const out = []; let p = off;
  for (let i=0;i<n;i++) {
    const method = buf.readUInt16LE(p+10), csz = buf.readUInt32LE(p+20), nl = buf.readUInt16LE(p+28), el = buf.readUInt16LE(p+30), cl = buf.readUInt16LE(p+32), lo = buf.readUInt32LE(p+42);
    const name = buf.toString('latin1', p+46, p+46+nl);
    const ds = lo + 30 + buf.readUInt16LE(lo+26) + buf.readUInt16LE(lo+28);
    const raw = buf.subarray(ds, ds+csz);
    out.push([name, method === 8 ? zlib.inflateRawSync(raw) : raw]);
    p += 46+nl+el+cl;
  }
  return out;
}
for (const f of process.argv.slice(2)) {
  const buf = fs.readFileSync(f);
  const c = XLSX.CFB.utils.cfb_new();
  for (const [name, data] of entries(buf)) if (!name.endsWith('/')) XLSX.CFB.utils.cfb_add(c, name, data, { unsafe: true });
  const opts = { dense: true, cellNF: true, cellText: false, cellHTML: false, cellFormula: false };
  const a = XLSX.parse_zip(c, { ...opts });
  const b = XLSX.read(buf, { ...opts, type: 'buffer' });
  const ja = JSON.stringify(a.SheetNames.map(n => [a.Sheets[n]['!data'], a.Sheets[n]['!merges']]));
  const jb = JSON.stringify(b.SheetNames.map(n => [b.Sheets[n]['!data'], b.Sheets[n]['!merges']]));
  console.log(f, ja === jb, ja.length, a.Workbook?.WBProps?.date1904, b.Workbook?.WBProps?.date1904);
}
