// The annotated copy of fixtures/weining-county.xlsx (openpyxl), opened with exceljs and marked.
// Read back with SheetJS (values, sheet order, comments, hyperlink targets) and from the XML
// (fills, hyperlink relationships): not with exceljs, which wrote it.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { SEVERITY_FILL } from '../../src/annotate/index.js';
import type { Severity } from '../../src/types.js';
import { elements, relsPathOf, sheetParts } from '../template/xlsx-parts.js';
import { annotate, cellAt, cellValues, commentsOf, expectedMarks, fillsOf, readBook, sha256, type Annotated } from './read-back.js';

const ROSTER = 'fixtures/weining-county.xlsx';
const EXPECTED: { ruleId: string; severity: Severity; sheet: string; row: number }[] = JSON.parse(readFileSync('fixtures/weining-county.expected.json', 'utf8'));
const SEVERITY_FILLS = new Set(Object.values(SEVERITY_FILL));

let hashBefore: string;
let copy: Annotated;

beforeAll(async () => {
  hashBefore = sha256(ROSTER);
  copy = await annotate([ROSTER]);
});

const brief = (f: { ruleId: string; severity: string; sheet: string; row: number }) => `${f.ruleId}@${f.sheet}!${f.row}:${f.severity}`;

describe('check --annotate on fixtures/weining-county.xlsx', () => {
  it('marks exactly the expected findings (the sample’s expected.json)', () => {
    const findings = copy.result.rosters[0].findings.map((f) => brief({ ...f, sheet: f.location.sheet, row: f.location.row }));
    expect(findings.sort()).toEqual(EXPECTED.map(brief).sort());
  });

  it('never modifies the input file', () => {
    expect(sha256(ROSTER)).toBe(hashBefore);
  });

  it('puts 问题清单 first and keeps the original sheets, in order, with every value', () => {
    const original = readBook(readFileSync(ROSTER));
    expect(copy.book.SheetNames).toEqual(['问题清单', ...original.SheetNames]);
    for (const name of original.SheetNames) {
      expect(cellValues(copy.book.Sheets[name]), name).toEqual(cellValues(original.Sheets[name]));
    }
  });

  it('fills the cell of every finding by its most severe finding, and no other cell', () => {
    const findings = copy.result.rosters[0].findings;
    for (const sheet of ['村庄', '驻村干部']) {
      const expected = new Map([...expectedMarks(findings, sheet)].map(([ref, severity]) => [ref, SEVERITY_FILL[severity]]));
      const marked = new Map([...fillsOf(copy.parts, sheet)].filter(([, fill]) => SEVERITY_FILLS.has(fill)));
      expect(marked, sheet).toEqual(expected);
    }
    // A cadre finding is on its cell, a village finding on its row's first cell.
    expect(fillsOf(copy.parts, '驻村干部').get('J8')).toBe(SEVERITY_FILL.error); // 驻村职务「对员」
    expect(fillsOf(copy.parts, '村庄').get('A12')).toBe(SEVERITY_FILL.error); // 酒井村委会: no team
  });

  it('writes one comment per marked cell with every finding there: rule id, message, basis; personal data masked', () => {
    const findings = copy.result.rosters[0].findings;
    for (const sheet of ['村庄', '驻村干部']) {
      const comments = commentsOf(copy.parts, sheet);
      expect(new Set(comments.keys()), sheet).toEqual(new Set(expectedMarks(findings, sheet).keys()));
      for (const finding of findings.filter((f) => f.location.sheet === sheet)) {
        const text = comments.get(finding.location.ref ?? `A${finding.location.row}`)!;
        expect(text).toContain(finding.ruleId);
        expect(text).toContain('依据: ');
      }
      for (const text of comments.values()) expect(text).not.toMatch(/\d{17}[\dX]/);
    }
    // 酒井村委会 (row 12) has two findings: one comment holds both.
    const both = commentsOf(copy.parts, '村庄').get('A12')!;
    expect(both).toContain('tuopin-village-first-secretary');
    expect(both).toContain('tuopin-village-team');
    // SheetJS reads the same comments.
    const sheetjs = cellAt(copy.book.Sheets['村庄'], 'A12') as XLSX.CellObject & { c?: { t: string }[] };
    expect(sheetjs.c?.map((c) => c.t).join('')).toContain('tuopin-village-team');
  });

  it('lists every finding in 问题清单 with a link to its cell, and the counts by rule at the top', () => {
    const listing = copy.book.Sheets['问题清单'];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(listing, { header: 1, defval: '' });
    const header = rows.findIndex((row) => row.join('|') === '工作表|行|列|级别|规则|问题|位置');
    expect(header).toBeGreaterThan(0);
    const findings = copy.result.rosters[0].findings;
    const listed = rows.slice(header + 1, header + 1 + findings.length);
    expect(listed.map((row) => [row[0], row[1], row[2], row[4]])).toEqual(
      findings.map((f) => [f.location.sheet, f.location.row, f.location.column ?? '', f.ruleId]),
    );
    findings.forEach((finding, index) => {
      const ref = finding.location.ref ?? `A${finding.location.row}`;
      const link = cellAt(listing, XLSX.utils.encode_cell({ r: header + 1 + index, c: 6 }))?.l;
      expect(link?.Target).toBe(`#'${finding.location.sheet}'!${ref}`);
    });
    const counts = rows.slice(0, header).filter((row) => typeof row[2] === 'number');
    expect(Object.fromEntries(counts.map((row) => [`${row[0]}:${row[1]}`, row[2]]))).toMatchObject({
      'key-county-reinforced:警告': 3,
      'team-min-size:错误': 1,
      'team-min-size:提示': 1,
      'cadre-posted-once:错误': 2,
    });
  });

  it('writes the links as internal links: a location and no relationship to an outside target', () => {
    const path = sheetParts(copy.parts).get('问题清单')!;
    const links = elements(copy.parts.get(path)!, 'hyperlink');
    expect(links).toHaveLength(copy.result.rosters[0].findings.length);
    for (const link of links) {
      expect(link.attrs['r:id']).toBeUndefined();
      expect(link.attrs.location).toMatch(/^'(村庄|驻村干部)'!A?[A-Z]+\d+$/);
    }
    expect(copy.parts.get(relsPathOf(path)) ?? '').not.toContain('/hyperlink');
  });

  it('opens on 问题清单, the only selected tab', () => {
    const workbook = copy.parts.get('xl/workbook.xml')!;
    expect(elements(workbook, 'workbookView')[0].attrs.activeTab).toBe('0');
    const selected = [...sheetParts(copy.parts)].filter(([, path]) => /tabSelected="1"/.test(copy.parts.get(path)!)).map(([name]) => name);
    expect(selected).toEqual(['问题清单']);
  });

  it('checks like the original: 问题清单 is not mistaken for a roster sheet', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { check } = await import('../../src/index.js');
    const file = join(mkdtempSync(join(tmpdir(), 'zhucun-recheck-')), 'marked.xlsx');
    writeFileSync(file, copy.bytes);
    const again = await check({ inputs: [file], asOf: '2026-11-27' });
    const brief2 = (f: { ruleId: string; severity: string; location: { sheet: string; row: number } }) => `${f.ruleId}@${f.location.sheet}!${f.location.row}:${f.severity}`;
    expect(again.rosters[0].findings.map(brief2)).toEqual(copy.result.rosters[0].findings.map(brief2));
  });

  it('writes the listing in English with --lang en, and unmasked with --show-pii', async () => {
    const english = await annotate([ROSTER], { lang: 'en', showPii: true });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(english.book.Sheets['问题清单'], { header: 1, defval: '' });
    expect(rows.some((row) => row.join('|') === 'sheet|row|column|severity|rule|message|location')).toBe(true);
    const comments = [...commentsOf(english.parts, '驻村干部').values()].join('\n');
    expect(comments).toMatch(/\d{17}[\dX]/);
    expect(comments).toContain('basis: ');
  });
});
