import * as XLSX from 'xlsx';
import * as cp from 'xlsx/dist/cpexcel.full.mjs';
import fs from 'node:fs';
XLSX.set_cptable(cp);
for (const f of process.argv.slice(2)) {
  const buf = fs.readFileSync(f);
  try {
    const wb = XLSX.read(buf, { type: 'buffer', dense: true, cellNF: true, cellText: false, cellHTML: false, cellFormula: false, cellDates: false });
    console.log('==', f, wb.SheetNames, 'date1904', wb.Workbook?.WBProps?.date1904, 'Sheets keys', Object.keys(wb.Sheets));
    for (const n of wb.SheetNames) {
      const ws = wb.Sheets[n];
      console.log(' sheet', JSON.stringify(n), 'ref', ws['!ref'], 'data.length', ws['!data']?.length, 'merges', JSON.stringify(ws['!merges']));
      (ws['!data']||[]).slice(0, 12).forEach((row, r) => console.log('  ', r, JSON.stringify(row?.map(c => c && {t:c.t, v: typeof c.v === 'string' && c.v.length > 40 ? c.v.slice(0,20)+'…('+c.v.length+')' : c.v, z:c.z}))));
    }
  } catch (e) { console.log('==', f, 'ERR', e.message); }
}
