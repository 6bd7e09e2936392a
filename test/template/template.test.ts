// The blank template, read back without exceljs (which wrote it): SheetJS for the sheets, headers
// and the example row; the package's XML for data validations, cell formats and frozen panes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { idProblem } from '../../src/checks/gb11643.js';
import { check } from '../../src/index.js';
import { loadRoster } from '../../src/load/index.js';
import { CADRE_COLUMNS, VILLAGE_COLUMNS } from '../../src/normalise/columns.js';
import { loadRuleSet } from '../../src/ruleset/index.js';
import { CADRE_NOTES, VILLAGE_NOTES } from '../../src/template/column-notes.js';
import { CADRE_EXAMPLE, EXAMPLE_ID_NUMBER, VILLAGE_EXAMPLE } from '../../src/template/example.js';
import { TEMPLATE_VERSION, templateNotice, templateVersionOf, writeTemplate } from '../../src/template/index.js';
import { columnLetter } from '../../src/template/layout.js';
import { columnsOfRule } from '../../src/template/rule-columns.js';
import { elements, sheetParts, styleTable, xlsxParts, type Parts } from './xlsx-parts.js';

const TMP = mkdtempSync(join(tmpdir(), 'zhucun-template-'));
const FILE = join(TMP, 'roster-template.xlsx');
const SHEETS = [
  { name: '村庄', columns: VILLAGE_COLUMNS },
  { name: '驻村干部', columns: CADRE_COLUMNS },
] as const;

let bytes: Uint8Array;
let book: XLSX.WorkBook;
let parts: Parts;

beforeAll(async () => {
  bytes = await writeTemplate({ lang: 'zh' });
  writeFileSync(FILE, bytes);
  book = XLSX.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellStyles: true });
  parts = xlsxParts(bytes);
});

function rowsOf(sheet: string): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[sheet], { header: 1, defval: null, raw: true });
}

function cell(sheet: string, ref: string): XLSX.CellObject | undefined {
  const { r, c } = XLSX.utils.decode_cell(ref);
  return (book.Sheets[sheet] as { '!data'?: XLSX.CellObject[][] })['!data']?.[r]?.[c];
}

function sheetXml(sheet: string): string {
  return parts.get(sheetParts(parts).get(sheet)!)!;
}

/** Column number (1-based) of a header in a data sheet. */
function columnOf(sheet: (typeof SHEETS)[number], header: string): number {
  return ['序号', ...sheet.columns.map((c) => c.header)].indexOf(header) + 1;
}

/** The number format of each column's own style (<col style>), by column letter. */
function columnFormats(sheet: string): Map<string, string | null> {
  const table = styleTable(parts);
  const formats = new Map<string, string | null>();
  for (const col of elements(sheetXml(sheet), 'col')) {
    for (let n = Number(col.attrs.min); n <= Number(col.attrs.max); n++) {
      formats.set(columnLetter(n), col.attrs.style === undefined ? null : table[Number(col.attrs.style)].numFmt);
    }
  }
  return formats;
}

function validations(sheet: string): Map<string, Record<string, string> & { formula1?: string; formula2?: string }> {
  const found = new Map<string, Record<string, string> & { formula1?: string; formula2?: string }>();
  for (const v of elements(sheetXml(sheet), 'dataValidation')) {
    const formula1 = /<formula1>([\s\S]*?)<\/formula1>/.exec(v.inner)?.[1]?.replace(/&quot;/g, '"');
    const formula2 = /<formula2>([\s\S]*?)<\/formula2>/.exec(v.inner)?.[1];
    found.set(v.attrs.sqref, { ...v.attrs, ...(formula1 ? { formula1 } : {}), ...(formula2 ? { formula2 } : {}) });
  }
  return found;
}

describe('zhucun template', () => {
  it('has the village and cadre sheets, then 填表说明', () => {
    expect(book.SheetNames).toEqual(['村庄', '驻村干部', '填表说明']);
  });

  it('writes the headers exactly as roster-format.md (columns.ts), after 序号', () => {
    for (const sheet of SHEETS) expect(rowsOf(sheet.name)[0], sheet.name).toEqual(['序号', ...sheet.columns.map((c) => c.header)]);
  });

  it('has one example row, marked 示例, with a valid ID number written as text and dates as dates', () => {
    for (const sheet of SHEETS) {
      const rows = rowsOf(sheet.name);
      expect(rows).toHaveLength(2);
      expect(rows[1][0]).toBe('示例');
    }
    const id = cell('驻村干部', `${columnLetter(columnOf(SHEETS[1], '身份证号'))}2`);
    expect(id?.t).toBe('s');
    expect(id?.v).toBe(EXAMPLE_ID_NUMBER);
    expect(idProblem(EXAMPLE_ID_NUMBER)).toBeNull();
    const start = cell('驻村干部', `${columnLetter(columnOf(SHEETS[1], '驻村时间'))}2`);
    expect(start?.t).toBe('n');
    expect(start?.z).toBe('yyyy-mm-dd');
    expect(XLSX.SSF.format('yyyy-mm-dd', start!.v as number)).toBe('2025-03-01');
  });

  it('freezes the header row (and 序号, 姓名 on the cadre sheet)', () => {
    const village = elements(sheetXml('村庄'), 'pane')[0].attrs;
    expect(village).toMatchObject({ state: 'frozen', ySplit: '1' });
    const cadre = elements(sheetXml('驻村干部'), 'pane')[0].attrs;
    expect(cadre).toMatchObject({ state: 'frozen', ySplit: '1', xSplit: '2' });
  });

  it('gives every column a width that fits its header', () => {
    for (const sheet of SHEETS) {
      const widths = elements(sheetXml(sheet.name), 'col');
      expect(widths.length).toBeGreaterThan(0);
      for (const col of widths) expect(Number(col.attrs.width)).toBeGreaterThanOrEqual(6);
    }
    const headerWidth = (header: string) => {
      const n = columnOf(SHEETS[0], header);
      const col = elements(sheetXml('村庄'), 'col').find((c) => Number(c.attrs.min) <= n && n <= Number(c.attrs.max))!;
      return Number(col.attrs.width);
    };
    expect(headerWidth('是否国家乡村振兴重点帮扶县')).toBeGreaterThanOrEqual(26);
  });

  it('offers a drop-down, from the checker’s own vocabulary, on every single-valued enumerated and 是/否 column', () => {
    const named = ['性别', '政治面貌', '派出单位层级', '驻村职务', '在岗状态', '搬迁安置规模', '是否国家乡村振兴重点帮扶县', '巩固任务较轻', '是否脱产', '党组织关系是否转入'];
    const seen: string[] = [];
    for (const sheet of SHEETS) {
      const found = validations(sheet.name);
      for (const spec of sheet.columns) {
        const letter = columnLetter(columnOf(sheet, spec.header));
        const validation = found.get(`${letter}2:${letter}5000`);
        if (spec.type.kind === 'enum' && !spec.type.multiple) {
          expect(validation, spec.header).toMatchObject({ type: 'list', errorStyle: 'stop', formula1: `"${spec.type.values.join(',')}"` });
          seen.push(spec.header);
        } else if (spec.type.kind === 'yes-no') {
          expect(validation, spec.header).toMatchObject({ type: 'list', errorStyle: 'stop', formula1: '"是,否"' });
          seen.push(spec.header);
        }
      }
    }
    expect(seen.sort()).toEqual(named.sort());
  });

  it('lets 备案情况 take a date and 村类型 take several values, past their drop-downs', () => {
    const filed = validations('驻村干部').get(`${columnLetter(columnOf(SHEETS[1], '备案情况'))}2:${columnLetter(columnOf(SHEETS[1], '备案情况'))}5000`);
    expect(filed).toMatchObject({ type: 'list', errorStyle: 'information', formula1: '"是,否"' });
    const letter = columnLetter(columnOf(SHEETS[0], '村类型'));
    const categories = validations('村庄').get(`${letter}2:${letter}5000`);
    expect(categories).toMatchObject({ type: 'list', errorStyle: 'information', formula1: '"脱贫村,易地扶贫搬迁安置村,乡村振兴任务重的村,党组织软弱涣散村,其他"' });
  });

  it('checks the length of ID numbers and codes, and that dates are dates (a warning: 2021年9月 is read too)', () => {
    const cadres = validations('驻村干部');
    const at = (header: string) => {
      const letter = columnLetter(columnOf(SHEETS[1], header));
      return cadres.get(`${letter}2:${letter}5000`);
    };
    expect(at('身份证号')).toMatchObject({ type: 'textLength', operator: 'equal', formula1: '18', errorStyle: 'stop' });
    expect(at('所驻村代码')).toMatchObject({ type: 'textLength', operator: 'equal', formula1: '12' });
    expect(at('驻村时间')).toMatchObject({ type: 'date', errorStyle: 'warning', formula1: '61', formula2: '109574' });
    const villageCode = columnLetter(columnOf(SHEETS[0], '村代码'));
    expect(validations('村庄').get(`${villageCode}2:${villageCode}5000`)).toMatchObject({ type: 'textLength', formula1: '12' });
  });

  it('formats ID number, phone, code and team id columns as text, and date columns as dates', () => {
    for (const sheet of SHEETS) {
      const formats = columnFormats(sheet.name);
      for (const spec of sheet.columns) {
        const format = formats.get(columnLetter(columnOf(sheet, spec.header)));
        const kind = spec.type.kind;
        if (kind === 'id-number' || kind === 'phone' || kind === 'code' || spec.key === 'teamId' || spec.key === 'coveringTeam') {
          expect(format, spec.header).toBe('@');
        } else if (kind === 'date') {
          expect(format, spec.header).toBe('yyyy-mm-dd');
        } else {
          expect(format ?? 'General', spec.header).toBe('General');
        }
      }
    }
  });

  it('explains every column and lists every rule in 填表说明, generated from the columns and the rules', () => {
    const rows = rowsOf('填表说明');
    const texts = rows.flat().filter((v): v is string => typeof v === 'string');
    const firstColumn = rows.map((row) => row[0]);
    for (const sheet of SHEETS) for (const spec of sheet.columns) expect(firstColumn, spec.header).toContain(spec.header);
    for (const rule of loadRuleSet().rules) expect(firstColumn, rule.id).toContain(rule.id);
    const idRow = rows.find((row) => row[0] === '身份证号')!;
    expect(idRow[1]).toBe('必填');
    expect(String(idRow[5]).split('\n')).toEqual(expect.arrayContaining(['id-number-valid', 'id-number-consistent', 'required-field', 'cadre-posted-once']));
    const scale = rows.find((row) => row[0] === '搬迁安置规模')!;
    expect(scale[1]).toBe('条件必填');
    expect(texts.join('\n')).toContain('整村 / 接近整村 / 少量 / 插花');
  });

  it('marks its version, and the checker can recognise it from the sheets as loaded', () => {
    expect(cell('填表说明', 'B2')?.v).toBe(`zhucun-template:${TEMPLATE_VERSION}`);
    const names = elements(parts.get('xl/workbook.xml')!, 'definedName');
    expect(names.map((n) => [n.attrs.name, n.inner.replace(/&apos;/g, "'")])).toEqual([['zhucun_template_version', "'填表说明'!$B$2"]]);
    expect(templateVersionOf(loadRoster({ path: FILE, files: [FILE] }).sheets)).toBe(TEMPLATE_VERSION);
    expect(templateVersionOf(loadRoster({ path: 'fixtures/weining-county.xlsx', files: ['fixtures/weining-county.xlsx'] }).sheets)).toBeNull();
    expect(templateNotice(TEMPLATE_VERSION)).toBeNull();
    expect(templateNotice(null)).toBeNull();
    expect(templateNotice(TEMPLATE_VERSION - 1)?.zh).toContain('zhucun template');
    expect(templateNotice(TEMPLATE_VERSION + 1)?.en).toContain('upgrade');
  });

  it('checks clean when blank: both sheets found by their headers, the example rows skipped, every rule able to run', async () => {
    const result = await check({ inputs: [FILE], asOf: '2026-11-27' });
    const [roster] = result.rosters;
    expect(roster.failure).toBeNull();
    expect(roster.findings).toEqual([]);
    expect(roster.notChecked).toEqual([]);
    expect(roster.notices).toEqual([]);
  });

  it('writes 填表说明 in English with --lang en; the headers stay as the roster format has them', async () => {
    const english = XLSX.read(await writeTemplate({ lang: 'en' }), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(english.Sheets['填表说明'], { header: 1, defval: null });
    expect(rows[0][0]).toBe('Village work-team roster: how to fill it in');
    expect(rows.some((row) => row.join('|').startsWith('column|required|meaning|values'))).toBe(true);
    expect(XLSX.utils.sheet_to_json<unknown[]>(english.Sheets['驻村干部'], { header: 1 })[0]).toEqual(['序号', ...CADRE_COLUMNS.map((c) => c.header)]);
  });
});

describe('what the template is made from', () => {
  it('has a meaning and an example value for every column of columns.ts', () => {
    expect(Object.keys(VILLAGE_NOTES).sort()).toEqual(VILLAGE_COLUMNS.map((c) => c.key).sort());
    expect(Object.keys(CADRE_NOTES).sort()).toEqual(CADRE_COLUMNS.map((c) => c.key).sort());
    expect(Object.keys(VILLAGE_EXAMPLE).sort()).toEqual(VILLAGE_COLUMNS.map((c) => c.key).sort());
    expect(Object.keys(CADRE_EXAMPLE).sort()).toEqual(CADRE_COLUMNS.map((c) => c.key).sort());
  });

  it('finds the columns every built-in rule reads', () => {
    for (const rule of loadRuleSet().rules) {
      const columns = columnsOfRule(rule);
      expect(columns.villages.size + columns.cadres.size, rule.id).toBeGreaterThan(0);
    }
    const byId = new Map(loadRuleSet().rules.map((rule) => [rule.id, columnsOfRule(rule)]));
    expect([...byId.get('tuopin-village-team')!.villages]).toEqual(['categories']);
    expect([...byId.get('tuopin-village-team')!.cadres].sort()).toEqual(['status', 'teamId', 'villageCode']);
    expect([...byId.get('first-secretary-party-standing')!.cadres].sort()).toEqual(['partyFullDate', 'partyJoinDate', 'politicalStatus', 'role', 'status']);
    expect([...byId.get('relocation-site-covered')!.villages].sort()).toEqual(['categories', 'coveringTeam', 'relocationScale']);
    expect([...byId.get('filing-recorded')!.cadres].sort()).toEqual(['filed', 'status']);
  });
});
