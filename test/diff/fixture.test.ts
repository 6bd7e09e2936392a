// `zhucun diff` on the committed fixture pair: a workbook (openpyxl) against a CSV pair with other
// header spellings, half a year apart, one change of every kind (fixtures/diff/README.md).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDiff, type DiffFlags } from '../../src/diff/command.js';

const PREVIOUS = 'fixtures/diff/previous.xlsx';
const CURRENT = 'fixtures/diff/current';
const OUT = mkdtempSync(join(tmpdir(), 'zhucun-diff-'));

async function diffText(flags: Partial<DiffFlags>, name: string): Promise<string> {
  const output = join(OUT, name);
  await runDiff(PREVIOUS, CURRENT, { format: 'stylish', lang: 'zh', asOf: '2026-11-27', rules: [], ...flags, output });
  return readFileSync(output, 'utf8');
}

// The people of fixtures/diff/make.py, by their ID numbers.
const ID = {
  D: '532823199002030145',
  E: '532823197609180159',
  F: '532823198806300177',
  G: '532823199204150188',
  H: '532823198308250197',
  L: '53282319810304025X',
  M: '532823198906220262',
  N1: '532823198408100276',
  N2: '532823199102270290', // written with a wrong check character
  N3: '532823199310140303',
  N4: '532823198605280325',
};
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let report: any;

beforeAll(async () => {
  report = JSON.parse(await diffText({ format: 'json' }, 'diff.json'));
});

describe('zhucun diff previous.xlsx current/ (a workbook against a CSV pair)', () => {
  it('validates against schemas/diff.schema.json, with every top-level list the issue names', () => {
    const schema = JSON.parse(readFileSync('schemas/diff.schema.json', 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    for (const key of ['joined', 'left', 'moved', 'changed', 'teams', 'villages']) expect(Array.isArray(report[key])).toBe(true);
    for (const key of ['new', 'fixed', 'open']) expect(Array.isArray(report.findings[key])).toBe(true);
  });

  it('lists who joined and who left, masked, with their rows in each file', () => {
    expect(report.joined.map((p: { idNumber: string; name: string; rows: unknown }) => [p.name, p.idNumber, p.rows])).toEqual([
      ['孙丽', masked(ID.N4), { previous: null, current: { file: 'fixtures/diff/current/cadres.csv', sheet: 'cadres.csv', row: 5 } }],
      ['赵海', masked(ID.N1), { previous: null, current: { file: 'fixtures/diff/current/cadres.csv', sheet: 'cadres.csv', row: 14 } }],
      ['岩香', masked(ID.N2), { previous: null, current: { file: 'fixtures/diff/current/cadres.csv', sheet: 'cadres.csv', row: 15 } }],
      ['玉波', masked(ID.N3), { previous: null, current: { file: 'fixtures/diff/current/cadres.csv', sheet: 'cadres.csv', row: 16 } }],
    ]);
    expect(report.left.map((p: { idNumber: string; villageCode: string; rows: unknown }) => [p.idNumber, p.villageCode, p.rows])).toEqual([
      [masked(ID.D), '532823100201', { previous: { file: PREVIOUS, sheet: '驻村干部', row: 5 }, current: null }],
      [masked(ID.M), '532823100205', { previous: { file: PREVIOUS, sheet: '驻村干部', row: 14 }, current: null }],
    ]);
  });

  it('lists who moved to another village, from where to where', () => {
    expect(report.moved).toEqual([
      {
        idNumber: masked(ID.F),
        name: '岩罕',
        villageCode: '532823100203',
        village: '南平村',
        rows: { previous: { file: PREVIOUS, sheet: '驻村干部', row: 7 }, current: { file: 'fixtures/diff/current/cadres.csv', sheet: 'cadres.csv', row: 7 } },
        from: { villageCode: '532823100202', village: '曼龙村' },
        to: { villageCode: '532823100203', village: '南平村' },
      },
    ]);
  });

  it('lists changed role, unit and level, and status, with the header of the current file', () => {
    const changed = report.changed.map((p: { idNumber: string; fields: unknown }) => [p.idNumber, p.fields]);
    expect(changed).toEqual([
      [masked(ID.E), [{ field: 'role', column: '担任职务', before: '第一书记兼队长', after: '队长' }]],
      [masked(ID.G), [{ field: 'status', column: '状态', before: '在岗', after: '已轮换' }]],
      [
        masked(ID.H),
        [
          { field: 'unit', column: '选派单位', before: '勐腊县交通运输局', after: '勐腊县发展和改革局' },
          { field: 'unitLevel', column: '选派层级', before: '县', after: '市' },
        ],
      ],
      [masked(ID.L), [{ field: 'status', column: '状态', before: '在岗', after: '已召回' }]],
    ]);
  });

  it('lists teams whose active strength changed: resized, dissolved, formed', () => {
    expect(report.teams.map((t: Record<string, unknown>) => [t.teamId, t.villageCode, t.before, t.after, t.change])).toEqual([
      ['T02', '532823100202', 4, 2, 'resized'],
      ['T03', '532823100203', 3, 4, 'resized'],
      ['T04', '532823100204', 1, 0, 'dissolved'],
      ['T05', '532823100205', 1, 0, 'dissolved'],
      ['T06', '532823100206', 0, 3, 'formed'],
    ]);
  });

  it('lists villages that gained or lost a team or a first secretary, or left or joined the village sheet', () => {
    expect(report.villages.map((v: Record<string, unknown>) => [v.villageCode, v.village, v.events])).toEqual([
      ['532823100202', '曼龙村', ['lost-first-secretary']],
      ['532823100204', '象明村', ['lost-team', 'lost-first-secretary']],
      ['532823100205', '曼庄村', ['removed', 'lost-team']],
      ['532823100206', '新山村', ['added', 'gained-team', 'gained-first-secretary']],
    ]);
    expect(report.villages[3].listed).toEqual({ before: false, after: true });
  });

  it('matches findings by rule, entity and column (not row): new, fixed, still open across header spellings', () => {
    const brief = (f: { ruleId: string; location: { sheet: string; row: number } }) => `${f.ruleId}@${f.location.sheet}!${f.location.row}`;
    expect(report.findings.new.map(brief)).toEqual([
      'id-number-valid@cadres.csv!15',
      'team-min-size@villages.csv!3',
      'tuopin-village-first-secretary@villages.csv!3',
      'priority-village-first-secretary@villages.csv!5',
    ]);
    expect(report.findings.fixed.map(brief)).toEqual(['filing-recorded@驻村干部!4']);
    expect(report.findings.open.map(brief)).toEqual(['filing-recorded@cadres.csv!3', 'id-number-consistent@cadres.csv!12']);
    // 备案情况 in the workbook, 是否备案 in the CSV: one column, so one finding still open.
    expect(report.findings.open[0].location.column).toBe('是否备案');
    expect(report.findings.open[0].previousLocation).toMatchObject({ sheet: '驻村干部', row: 3, column: '备案情况' });
  });

  it('masks personal data in every format, and shows it with --show-pii', async () => {
    const unmaskedId = /(?<![0-9])\d{17}[\dX](?![0-9])/;
    for (const format of ['json', 'stylish', 'markdown'] as const) {
      const text = await diffText({ format }, `masked.${format}`);
      expect(text, format).not.toMatch(unmaskedId);
      expect(text, format).not.toMatch(/1398811\d{4}/);
    }
    const shown = JSON.parse(await diffText({ format: 'json', showPii: true }, 'shown.json'));
    expect(shown.joined[0].idNumber).toBe(ID.N4);
    expect(shown.findings.new[0].message).toContain(ID.N2);
  });

  it('prints a stylish summary and a markdown report, in Chinese and English', async () => {
    const stylish = await diffText({}, 'diff.txt');
    expect(stylish).toContain('名册变化: fixtures/diff/previous.xlsx → fixtures/diff/current');
    expect(stylish).toContain('调整到其他村 1 人');
    expect(stylish).toContain('曼龙村(532823100202) → 南平村(532823100203)');
    expect(stylish).toContain('人员: 新增 4、离开 2、调整村 1、信息变更 4;工作队变化 5 支;村变化 4 个;问题: 新出现 4、已整改 1、仍存在 2');
    expect(stylish).not.toMatch(/\u001b\[/);
    const english = await diffText({ lang: 'en' }, 'diff.en.txt');
    expect(english).toContain('people: 4 joined, 2 left, 1 moved, 4 changed; 5 team(s) changed; 4 village(s) changed; findings: 4 new, 1 fixed, 2 still open');
    const markdown = await diffText({ format: 'markdown' }, 'diff.md');
    expect(markdown).toMatch(/^## 名册变化/);
    expect(markdown).toContain('| T06 | 新山村(532823100206) | 新组建 | 0 → 3 |');
    expect(markdown).toContain('### 问题: 已整改 1');
  });
});
