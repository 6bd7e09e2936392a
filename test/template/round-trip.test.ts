// The template filled in programmatically (with exceljs, as a clerk's Excel keeps the template's
// column formats) and checked: a roster with known defects gets exactly those findings, and a clean
// one gets none. The check reads the file with the project's loader (SheetJS), not exceljs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../src/checks/gb11643.js';
import { check } from '../../src/index.js';
import { writeTemplate } from '../../src/template/index.js';

const TMP = mkdtempSync(join(tmpdir(), 'zhucun-template-fill-'));

type Row = Record<string, string | Date | null>;

function id(birth: string, sequence: number): string {
  const body = `532823${birth}${String(sequence).padStart(3, '0')}`;
  return body + checkCharacter(body);
}

function withWrongCheck(valid: string): string {
  return valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
}

const day = (text: string) => new Date(`${text}T00:00:00Z`);

const V1 = '532823100201';
const V2 = '532823100202';

function village(name: string, code: string, category: string): Row {
  return { 省: '云南省', 市: '西双版纳傣族自治州', 县: '勐腊县', 县代码: '532823', 乡镇: '勐腊镇', 村: name, 村代码: code, 村类型: category, 是否国家乡村振兴重点帮扶县: '否', 巩固任务较轻: '否' };
}

let sequence = 11;
function cadre(role: string, team: string, code: string, changes: Row = {}): Row {
  sequence += 2;
  const birth = `19${80 + (sequence % 15)}0${1 + (sequence % 9)}1${sequence % 10}`;
  return {
    姓名: `干部${sequence}`,
    性别: '男',
    身份证号: id(birth, sequence),
    出生年月: day(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`),
    政治面貌: '中共党员',
    入党时间: day('2008-07-01'),
    派出单位: '勐腊县农业农村局',
    派出单位层级: '县',
    职务职级: '一级科员',
    驻村职务: role,
    工作队编号: team,
    所驻村代码: code,
    驻村时间: day('2025-03-01'),
    在岗状态: '在岗',
    备案情况: '是',
    联系电话: `1398812${String(sequence).padStart(4, '0')}`,
    转正时间: day('2009-07-01'),
    参加工作时间: day('2005-08-01'),
    是否脱产: '是',
    党组织关系是否转入: '是',
    ...changes,
  };
}

/** The template with these rows written under its example rows (from row 3), saved as a file. */
async function filledTemplate(name: string, villages: Row[], cadres: Row[]): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeTemplate({ lang: 'zh' })) as unknown as ArrayBuffer);
  for (const [sheetName, rows] of [['村庄', villages], ['驻村干部', cadres]] as const) {
    const sheet = workbook.getWorksheet(sheetName)!;
    const headers = (sheet.getRow(1).values as unknown[]).map((value) => (typeof value === 'string' ? value : ''));
    rows.forEach((row, index) => {
      const excelRow = sheet.getRow(3 + index);
      excelRow.getCell(1).value = index + 1;
      for (const [header, value] of Object.entries(row)) {
        const column = headers.indexOf(header);
        if (column < 1) throw new Error(`no column ${header}`);
        excelRow.getCell(column).value = value;
      }
    });
  }
  const file = join(TMP, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

async function findingsOf(file: string): Promise<string[]> {
  const result = await check({ inputs: [file], asOf: '2026-11-27' });
  expect(result.rosters[0].failure).toBeNull();
  expect(result.rosters[0].notChecked).toEqual([]);
  return result.rosters[0].findings.map((f) => `${f.ruleId}@${f.location.sheet}!${f.location.ref ?? f.location.row}:${f.severity}`).sort();
}

function cleanRoster(): { villages: Row[]; cadres: Row[] } {
  sequence = 11;
  return {
    villages: [village('勐腊村', V1, '脱贫村'), village('曼龙村', V2, '脱贫村、党组织软弱涣散村')],
    cadres: [
      cadre('第一书记兼队长', 'T01', V1),
      cadre('队员', 'T01', V1, { 性别: '女', 身份证号: id('19900203', 14), 出生年月: day('1990-02-03') }),
      cadre('队员', 'T01', V1),
      cadre('第一书记', 'T02', V2),
      cadre('队长', 'T02', V2),
      cadre('队员', 'T02', V2, { 政治面貌: '群众', 入党时间: null, 转正时间: null, 党组织关系是否转入: null }),
    ],
  };
}

describe('a filled-in template', () => {
  it('checks with no finding at all when filled in correctly', async () => {
    const { villages, cadres } = cleanRoster();
    expect(await findingsOf(await filledTemplate('clean.xlsx', villages, cadres))).toEqual([]);
  });

  it('gets exactly the findings of the defects written into it', async () => {
    const { villages, cadres } = cleanRoster();
    const defective = [...cadres];
    defective[1] = { ...defective[1], 身份证号: withWrongCheck(String(defective[1]['身份证号'])) }; // row 4
    defective[2] = { ...defective[2], 是否脱产: '否' }; // row 5
    defective[4] = { ...defective[4], 驻村职务: '对长', 备案情况: '否' }; // row 7: a typo past the drop-down, and not filed
    defective.push(cadre('队员', 'T09', '532823100299')); // row 9: a village not in the village sheet
    defective.push(cadre('队员', 'T01', V1, { 性别: '女' })); // row 10: the ID says a man
    defective.push(cadre('队员', 'T01', V1, { 驻村时间: day('2023-03-01') })); // row 11: due for review
    defective.push(cadre('队员', 'T01', V1, { 派出单位: null })); // row 12: required
    const file = await filledTemplate('defects.xlsx', [...villages, village('南平村', '532823100203', '脱贫村')], defective);
    expect(await findingsOf(file)).toEqual(
      [
        'id-number-valid@驻村干部!D4:error',
        'full-time-in-village@驻村干部!V5:warning',
        'value-format@驻村干部!K7:error',
        'filing-recorded@驻村干部!R7:warning',
        'village-exists@驻村干部!M9:error',
        'id-number-consistent@驻村干部!C10:warning',
        'tenure-review@驻村干部!O11:info',
        'required-field@驻村干部!H12:error',
        'tuopin-village-team@村庄!5:error',
        'tuopin-village-first-secretary@村庄!5:error',
      ].sort(),
    );
  });
});
