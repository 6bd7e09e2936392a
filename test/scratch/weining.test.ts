import { test } from 'vitest';
import * as XLSX from 'xlsx';
import * as fs from 'node:fs';
import { normaliseRoster } from '../../src/normalise/index.js';
import { loadRuleSet } from '../../src/ruleset/index.js';
import { checkRun } from '../../src/engine/index.js';
import { REPORTERS } from '../../src/reporters/index.js';
import type { RawCell, RawSheet } from '../../src/types.js';
XLSX.set_fs(fs);

function sheets(file: string): RawSheet[] {
  const wb = XLSX.readFile(file, { dense: true, cellDates: false, cellNF: true });
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name] as any;
    const rows: RawCell[][] = (ws['!data'] ?? []).map((r: any[]) => (r ?? []).map((c: any) => {
      if (!c) return null;
      if (c.t === 'n' && c.z && XLSX.SSF.is_date(c.z)) { const d = XLSX.SSF.parse_date_code(c.v); return { kind: 'date', year: d.y, month: d.m, day: d.d }; }
      if (c.t === 'd') { const d = new Date(c.v); return { kind: 'date', year: d.getUTCFullYear(), month: d.getUTCMonth()+1, day: d.getUTCDate() }; }
      return c.v ?? null;
    }));
    return { file, name, rows, merges: (ws['!merges'] ?? []).map((m: any) => ({ firstRow: m.s.r, firstColumn: m.s.c, lastRow: m.e.r, lastColumn: m.e.c })) };
  });
}

test('scratch', () => {
  const file = process.env.ROSTER ?? '../shared/samples/weining-county.xlsx';
  const ruleSet = loadRuleSet();
  const roster = normaliseRoster({ path: file, sheets: sheets(file) }, { keyCounties: ruleSet.keyCounties });
  const [verdict] = checkRun([roster], ruleSet.rules, { kind: 'date', year: 2026, month: 11, day: 27 });
  const result = { tool: { name: 'zhucun', version: '0' }, asOf: '2026-11-27', rules: ruleSet.rules, waivers: [], rosters: [{ path: file, failure: null, waived: [], ...verdict }] };
  fs.writeFileSync('/tmp/scratch-out.txt', REPORTERS.get('stylish')!.render(result as any, { lang: (process.env.LANGX as any) ?? 'zh', showPii: false, color: false }) as string);
  fs.writeFileSync('/tmp/scratch-out.json', REPORTERS.get('json')!.render(result as any, { lang: 'zh', showPii: false, color: false }) as string);
});
