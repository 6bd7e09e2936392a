// The roll-up's formats, read back and checked against figures counted by hand (fixture.ts).
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderStats, STATS_FORMATS, type StatsData, type StatsRow } from '../../src/stats/report/index.js';
import type { RunResult } from '../../src/types.js';
import { runResult as singleRosterRun } from '../reporters/run-result.js';
import { batchResult, EXPECTED, FAILED_PATH, FORMULA_NAME, renameCounty, SCRIPT_NAME } from './fixture.js';

const ZH = { lang: 'zh', showPii: false } as const;
const EN = { lang: 'en', showPii: false } as const;

function json(result: RunResult = batchResult()): StatsData {
  return JSON.parse(renderStats(result, 'json', ZH)) as StatsData;
}

function csvRecords(result: RunResult, lang: 'zh' | 'en' = 'zh'): Record<string, string>[] {
  return parse(renderStats(result, 'csv', lang === 'zh' ? ZH : EN), { bom: true, columns: true }) as Record<string, string>[];
}

type Expected = (typeof EXPECTED)[keyof typeof EXPECTED];

/** The sum of some counties' hand-counted figures. */
function sum(codes: readonly (keyof typeof EXPECTED)[]): Record<keyof Expected, number> {
  const total = {} as Record<keyof Expected, number>;
  for (const code of codes) for (const [key, value] of Object.entries(EXPECTED[code])) total[key as keyof Expected] = (total[key as keyof Expected] ?? 0) + value;
  return total;
}

function expectFigures(row: StatsRow, expected: Record<keyof Expected, number>): void {
  expect(row.villages).toBe(expected.villages);
  expect(row.villagesByCategory).toEqual({
    脱贫村: expected.tuopin,
    易地扶贫搬迁安置村: 0,
    乡村振兴任务重的村: expected.heavy,
    党组织软弱涣散村: expected.weak,
    其他: expected.other,
  });
  expect(row.teams).toBe(expected.teams);
  expect(row.activeCadres).toBe(expected.activeCadres);
  expect(row.firstSecretaries).toBe(expected.firstSecretaries);
  expect(row.tuopin.villages).toBe(expected.tuopin);
  expect(row.tuopin.withTeam).toBe(expected.tuopinWithTeam);
  expect(row.tuopin.withFirstSecretary).toBe(expected.tuopinWithFirstSecretary);
  expect(row.teamSize.all.teams).toBe(expected.teams);
  expect(row.teamSize.all.members).toBe(expected.teamMembers);
  expect(row.findings.bySeverity).toEqual({ error: expected.errors, warning: expected.warnings, info: 0 });
  expect(row.findings.total).toBe(expected.errors + expected.warnings);
}

describe('stats json', () => {
  it('gives each county the figures counted by hand, in county-code order', () => {
    const data = json();
    expect(data.statsVersion).toBe(1);
    expect(data.asOf).toBe('2026-11-27');
    expect(data.counties.map((row) => row.code)).toEqual(['520302', '520526', '520527', '530828']);
    for (const row of data.counties) {
      expect(row.level).toBe('county');
      expectFigures(row, sum([row.code as keyof typeof EXPECTED]));
    }
    const weining = data.counties[1];
    expect(weining).toMatchObject({ name: '威宁彝族回族苗族自治县', province: '贵州省', city: '毕节市', keyCounty: true, counties: 1, keyCounties: 1 });
    expect(weining.tuopin).toEqual({ villages: 3, withTeam: 2, withFirstSecretary: 2, shareWithTeam: 0.6667, shareWithFirstSecretary: 0.6667 });
    expect(weining.teamSize).toEqual({
      all: { teams: 3, members: 10, average: 3.33 },
      keyCounties: { teams: 3, members: 10, average: 3.33 },
      otherCounties: { teams: 0, members: 0, average: null },
    });
    expect(weining.errorsPerHundredVillages).toBe(75);
    expect(data.counties[3]).toMatchObject({ name: '澜沧拉祜族自治县', keyCounty: false, errorsPerHundredVillages: 133.33 });
    expect(data.counties[3].tuopin.shareWithFirstSecretary).toBe(0.3333);
  });

  it('sums prefectures, provinces and the total', () => {
    const data = json();
    expect(data.prefectures.map((row) => [row.province, row.name, row.counties, row.keyCounties])).toEqual([
      ['贵州省', '遵义市', 1, 0],
      ['贵州省', '毕节市', 2, 2],
      ['云南省', '普洱市', 1, 0],
    ]);
    expectFigures(data.prefectures[0], sum(['520302']));
    expectFigures(data.prefectures[1], sum(['520526', '520527']));
    expectFigures(data.prefectures[2], sum(['530828']));
    // In the order of the statistical division codes, as the counties are.
    expect(data.provinces.map((row) => [row.name, row.city, row.code, row.keyCounty, row.counties])).toEqual([
      ['贵州省', '', null, null, 3],
      ['云南省', '', null, null, 1],
    ]);
    expectFigures(data.provinces[0], sum(['520302', '520526', '520527']));
    expectFigures(data.total, sum(['520302', '520526', '520527', '530828']));
    expect(data.total).toMatchObject({ level: 'total', name: '', counties: 4, keyCounties: 2, villages: 11, teams: 8, activeCadres: 25, firstSecretaries: 6 });
    // 6 of 8 脱贫村 have a team, 5 a first secretary.
    expect(data.total.tuopin).toEqual({ villages: 8, withTeam: 6, withFirstSecretary: 5, shareWithTeam: 0.75, shareWithFirstSecretary: 0.625 });
    expect(data.total.errorsPerHundredVillages).toBe(63.64);
  });

  it('sets the team size of key-assistance counties against the others', () => {
    const { total, provinces } = json();
    // Key: 威宁 4+3+3, 赫章 3 (one of four recalled). Others: 红花岗 2+3, 澜沧 4+3.
    expect(total.teamSize).toEqual({
      all: { teams: 8, members: 25, average: 3.13 },
      keyCounties: { teams: 4, members: 13, average: 3.25 },
      otherCounties: { teams: 4, members: 12, average: 3 },
    });
    expect(provinces[1].teamSize.keyCounties).toEqual({ teams: 0, members: 0, average: null });
  });

  it('counts findings by rule for every rule of the run, and ranks counties by errors per hundred villages', () => {
    const data = json();
    const counted = Object.fromEntries(Object.entries(data.total.findings.byRule).filter(([, n]) => n > 0));
    expect(counted).toEqual({
      'id-number-valid': 1,
      'key-county-reinforced': 2,
      'tuopin-village-first-secretary': 3,
      'tuopin-village-team': 2,
      'weak-org-village-first-secretary': 1,
    });
    const ids = data.rules.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
    for (const row of [...data.counties, ...data.prefectures, ...data.provinces, data.total]) expect(Object.keys(row.findings.byRule)).toEqual(ids);
    expect(data.counties[3].findings.byRule['tuopin-village-first-secretary']).toBe(2);
    expect(data.ranking.map((county) => [county.rank, county.code, county.errors, county.errorsPerHundredVillages])).toEqual([
      [1, '530828', 4, 133.33],
      [2, '520526', 3, 75],
      [3, '520302', 0, 0],
      [4, '520527', 0, 0],
    ]);
    expect(data.unattributedFindings).toBe(0);
  });

  it('has one shape at every level', () => {
    const data = json();
    const shape = (value: unknown): unknown =>
      value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([key, v]) => [key, shape(v)])) : typeof value;
    const keys = (row: StatsRow) => JSON.stringify(Object.keys(row)) + JSON.stringify(Object.keys(row.tuopin)) + JSON.stringify(Object.keys(row.teamSize.all));
    for (const row of [...data.prefectures, ...data.provinces, data.total]) expect(keys(row)).toBe(keys(data.counties[0]));
    expect(shape(data.counties[0].findings)).toEqual(shape(data.total.findings));
  });

  it('lists the rosters that could not be read, and counts none of them', () => {
    const data = json(batchResult({ failed: true }));
    expect(data.rosters).toEqual({ total: 5, read: 4, skipped: 0, failed: [{ path: FAILED_PATH, code: 'ENCRYPTED', message: `${FAILED_PATH}: 文件已加密` }] });
    expect(data.total.villages).toBe(11);
  });

  it('is all zeros, and shares null, for a run with nothing read', () => {
    const empty: RunResult = { ...batchResult(), rosters: [] };
    const data = json(empty);
    expect(data.counties).toEqual([]);
    expect(data.total).toMatchObject({ villages: 0, teams: 0, counties: 0, errorsPerHundredVillages: null });
    expect(data.total.tuopin.shareWithTeam).toBeNull();
    expect(data.total.teamSize.all.average).toBeNull();
    for (const format of STATS_FORMATS) expect(() => renderStats(empty, format, ZH)).not.toThrow();
  });

  it('counts findings of a roster without county figures as unattributed', () => {
    const result = singleRosterRun();
    const data = json(result);
    expect(data.unattributedFindings).toBe(result.rosters[0].findings.length);
    expect(data.total.findings.total).toBe(0);
  });
});

describe('stats csv', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    const raw = Buffer.from(renderStats(batchResult(), 'csv', ZH), 'utf8');
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = raw.toString('utf8');
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has one row per county, prefecture, province and the total, with their figures', () => {
    const records = csvRecords(batchResult());
    expect(records.map((r) => [r['层级'], r['名称']])).toEqual([
      ['县', '红花岗区'],
      ['县', '威宁彝族回族苗族自治县'],
      ['县', '赫章县'],
      ['县', '澜沧拉祜族自治县'],
      ['市', '遵义市'],
      ['市', '毕节市'],
      ['市', '普洱市'],
      ['省', '贵州省'],
      ['省', '云南省'],
      ['合计', '合计'],
    ]);
    const weining = records[1];
    expect(weining).toMatchObject({
      省: '贵州省', 市: '毕节市', 县代码: '520526', 重点帮扶县: '是', 村数: '4', 脱贫村数: '3', 党组织软弱涣散村数: '1', 工作队数: '3', 在岗干部数: '10',
      第一书记数: '2', 有工作队的脱贫村数: '2', '脱贫村有工作队占比(%)': '66.7', 队均人数: '3.33', 错误: '3', 警告: '1', 每百村错误数: '75.00',
      '规则:key-county-reinforced': '1', '规则:tuopin-village-team': '1',
    });
    const total = records[9];
    const expected = sum(['520302', '520526', '520527', '530828']);
    expect(Number(total['村数'])).toBe(expected.villages);
    expect(Number(total['在岗干部数'])).toBe(expected.activeCadres);
    expect(total).toMatchObject({
      县数: '4', 重点帮扶县数: '2', '脱贫村有工作队占比(%)': '75.0', '脱贫村有第一书记占比(%)': '62.5',
      重点帮扶县工作队数: '4', 重点帮扶县工作队在岗人数: '13', 重点帮扶县队均人数: '3.25', 其他县工作队数: '4', 其他县队均人数: '3.00',
      问题合计: '9', '规则:tuopin-village-first-secretary': '3',
    });
    // A province with no key county has no key-county average: an empty cell, not 0.
    expect(records[8]['重点帮扶县队均人数']).toBe('');
  });

  it('has every row as wide as the header, and headers in English with --lang en', () => {
    const text = renderStats(batchResult(), 'csv', EN);
    const rows = parse(text, { bom: true }) as string[][];
    expect(new Set(rows.map((row) => row.length)).size).toBe(1);
    expect(rows[0].slice(0, 6)).toEqual(['level', 'province', 'prefecture', 'name', 'county code', 'key county']);
    expect(rows.slice(1).map((row) => row[0])).toEqual([...Array(4).fill('county'), ...Array(3).fill('prefecture'), 'province', 'province', 'total']);
  });

  it('never lets a cell start a formula', () => {
    const result = renameCounty(renameCounty(batchResult(), '530828', FORMULA_NAME), '520302', '+SUM(A1)');
    const records = csvRecords(result);
    expect(records[0]['名称']).toBe("'+SUM(A1)");
    expect(records[3]['名称']).toBe(`'${FORMULA_NAME}`);
    const raw = renderStats(result, 'csv', ZH);
    expect(raw.split('\r\n').flatMap((line) => line.split(',')).filter((cell) => /^"?[=+\-@\t\r]/.test(cell))).toEqual([]);
  });
});

describe('stats markdown and stylish', () => {
  it('lays out the same tables, the total row last', () => {
    const md = renderStats(batchResult({ failed: true }), 'markdown', ZH);
    expect(md.split('\n')[0]).toBe('## 驻村第一书记和工作队统计(截至 2026-11-27)');
    for (const heading of ['按县统计', '按市(州)统计', '按省统计', '问题按规则统计', '各县每百村错误数排名']) expect(md).toContain(`### ${heading}`);
    expect(md).toContain('| 520526 | 威宁彝族回族苗族自治县 | 毕节市 | 是 | 4 | 3 | 0 | 0 | 1 | 0 | 3 | 10 | 2 | 66.7%(2/3) | 66.7%(2/3) | 3.33 | 3 | 1 | 0 |');
    expect(md).toContain('| **合计** |   |   |   | **11** | **8** |');
    expect(md).toContain('| 1 | 530828 | 澜沧拉祜族自治县 | 普洱市 | 云南省 | 3 | 4 | 133.33 |');
    expect(md).toContain('### 无法读取的名册');
    const en = renderStats(batchResult(), 'markdown', EN);
    expect(en).toContain('### By county');
    expect(en).toContain('66.7% (2/3)');
  });

  it('escapes a county name as Markdown text', () => {
    const md = renderStats(renameCounty(batchResult(), '530828', SCRIPT_NAME), 'markdown', ZH);
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
  });

  it('aligns the terminal tables and keeps control characters out', () => {
    const out = renderStats(renameCounty(batchResult(), '530828', 'bad\u001b[31mname\nnext'), 'stylish', ZH);
    expect(out).not.toMatch(/\u001b/);
    expect(out).toContain('bad [31mname next');
    const lines = out.split('\n');
    const header = lines.find((line) => line.includes('县代码') && line.includes('队均人数'))!;
    const weining = lines.find((line) => line.startsWith('  520526'))!;
    expect(weining).toContain('66.7%(2/3)');
    // Right-aligned figures end in the same column as their header.
    const width = (text: string) => Array.from(text).reduce((w, c) => w + (/[\u2e80-\uffff]/.test(c) ? 2 : 1), 0);
    expect(width(weining.slice(0, weining.indexOf('3.33') + 4))).toBe(width(header.slice(0, header.indexOf('队均人数') + 4)));
    const en = renderStats(batchResult(), 'stylish', EN);
    expect(en).toContain('Average active members per team: key-assistance counties and the others');
    expect(en).toContain('4 counties (2 national key-assistance counties), 11 villages, 8 teams, 25 active cadres, 6 first secretaries');
  });

  it('renders the same bytes twice, in every format', () => {
    for (const format of STATS_FORMATS) expect(renderStats(batchResult({ failed: true }), format, ZH)).toBe(renderStats(batchResult({ failed: true }), format, ZH));
  });
});
