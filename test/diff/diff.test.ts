// diffRosters on small in-memory rosters: one test per kind of change and per matching rule.
import { describe, expect, it } from 'vitest';
import { diffRosters, type DiffReport } from '../../src/diff/index.js';
import { AS_OF, cadre, CADRE_HEADERS, idOf, RUN, side, village, type SideSpec } from './sides.js';

const V1 = '532823100201';
const V2 = '532823100202';

const A = idOf('19800312', 11);
const B = idOf('19851107', 12);
const C = idOf('19790521', 13);
const D = idOf('19900203', 14);
const E = idOf('19760918', 15);

/** One 脱贫村 with a team of four, and a second 脱贫村 with a team of three. */
function baseline(): { villages: Record<string, unknown>[]; cadres: Record<string, unknown>[] } {
  return {
    villages: [village('勐腊村', V1), village('曼龙村', V2)],
    cadres: [
      cadre('岩温', A, '第一书记兼队长', 'T01', V1),
      cadre('玉香', B, '队员', 'T01', V1),
      cadre('刀国栋', C, '队员', 'T01', V1),
      cadre('李春梅', D, '队员', 'T01', V1),
      cadre('张建华', E, '第一书记兼队长', 'T02', V2),
      cadre('岩罕', idOf('19880630', 17), '队员', 'T02', V2),
      cadre('玉罕', idOf('19920415', 18), '队员', 'T02', V2),
    ],
  };
}

function diff(previous: SideSpec, current: SideSpec): DiffReport {
  return diffRosters(side('previous.xlsx', previous), side('current.xlsx', current), { run: RUN });
}

function edit(spec: ReturnType<typeof baseline>, id: string, changes: Record<string, unknown>): SideSpec {
  return { ...spec, cadres: spec.cadres.map((row) => (row['身份证号'] === id ? { ...row, ...changes } : row)) } as SideSpec;
}

describe('diffRosters', () => {
  it('finds nothing between two equal rosters', () => {
    const report = diff(baseline() as SideSpec, baseline() as SideSpec);
    expect([report.joined, report.left, report.moved, report.changed, report.teams, report.villages]).toEqual([[], [], [], [], [], []]);
    expect(report.findings).toEqual({ new: [], fixed: [], open: [] });
    expect(report.asOf).toBe(AS_OF);
  });

  it('follows people by ID number, not by row or name: a reordered, renamed roster is unchanged', () => {
    const previous = baseline();
    const current = { ...previous, cadres: [...previous.cadres].reverse().map((row) => ({ ...row, 姓名: `${row['姓名']}(改)` })) };
    const report = diff(previous as SideSpec, current as SideSpec);
    expect([report.joined, report.left, report.moved, report.changed]).toEqual([[], [], [], []]);
  });

  it('reports a person who joined and one who left', () => {
    const previous = baseline();
    const current = { ...previous, cadres: [...previous.cadres.filter((row) => row['身份证号'] !== D), cadre('孙丽', idOf('19860528', 32), '队员', 'T01', V1)] };
    const report = diff(previous as SideSpec, current as SideSpec);
    expect(report.joined.map((p) => [p.name, p.rows])).toEqual([['孙丽', { previous: null, current: { file: 'current.xlsx', sheet: '驻村干部', row: 8 } }]]);
    expect(report.left.map((p) => [p.name, p.rows])).toEqual([['李春梅', { previous: { file: 'previous.xlsx', sheet: '驻村干部', row: 5 }, current: null }]]);
    expect(report.teams).toEqual([]);
  });

  it('reports a move to another village, without calling the new team a change', () => {
    const previous = baseline();
    const report = diff(previous as SideSpec, edit(previous, D, { 所驻村代码: V2, 工作队编号: 'T02' }));
    expect(report.moved.map((p) => [p.name, p.from, p.to])).toEqual([
      ['李春梅', { villageCode: V1, village: '勐腊村' }, { villageCode: V2, village: '曼龙村' }],
    ]);
    expect(report.changed).toEqual([]);
    expect(report.teams.map((t) => [t.teamId, t.before, t.after, t.change])).toEqual([
      ['T01', 4, 3, 'resized'],
      ['T02', 3, 4, 'resized'],
    ]);
  });

  it.each([
    ['role', { 驻村职务: '队长' }, '驻村职务', '队员', '队长'],
    ['unit', { 派出单位: '勐腊县财政局' }, '派出单位', '勐腊县农业农村局', '勐腊县财政局'],
    ['unitLevel', { 派出单位层级: '市' }, '派出单位层级', '县', '市'],
    ['teamId', { 工作队编号: 'T01B' }, '工作队编号', 'T01', 'T01B'],
    ['status', { 在岗状态: '期满离岗' }, '在岗状态', '在岗', '期满离岗'],
  ])('reports a changed %s with the values before and after', (field, changes, column, before, after) => {
    const previous = baseline();
    const report = diff(previous as SideSpec, edit(previous, D, changes));
    expect(report.changed.map((p) => [p.name, p.fields])).toEqual([['李春梅', [{ field, column, before, after }]]]);
  });

  it('treats a blank status as 在岗, and spacing or full-width forms as no change', () => {
    const previous = baseline();
    const current = edit(edit(previous, D, { 在岗状态: null }), C, { 派出单位: ' 勐腊县农业农村局 ' });
    expect(diff(previous as SideSpec, current).changed).toEqual([]);
  });

  it('does not compare a column one roster lacks', () => {
    const previous = baseline();
    const headers = CADRE_HEADERS.filter((header) => header !== '派出单位层级');
    const current = { ...edit(previous, D, { 驻村职务: '队长' }), cadreHeaders: headers };
    const report = diff(previous as SideSpec, current);
    expect(report.changed.map((p) => p.fields.map((f) => f.field))).toEqual([['role']]);
  });

  it('follows a person posted twice through the active post', () => {
    const previous = baseline();
    const current = { ...previous, cadres: [...previous.cadres, cadre('李春梅', D, '队员', 'T02', V2, { 在岗状态: '已轮换' })] };
    const report = diff(previous as SideSpec, current as SideSpec);
    expect([report.joined, report.left, report.moved, report.changed]).toEqual([[], [], [], []]);
  });

  it('counts rows without an ID number, which cannot be followed', () => {
    const previous = baseline();
    const current = { ...previous, cadres: [...previous.cadres, cadre('无名', '', '队员', 'T01', V1)] };
    const report = diff(previous as SideSpec, current as SideSpec);
    expect(report.unkeyed).toEqual({ previous: 0, current: 1 });
    expect(report.joined).toEqual([]);
  });

  it('reports a team formed and one dissolved, and the villages that gained and lost them', () => {
    const previous = baseline();
    const current = {
      villages: previous.villages,
      cadres: previous.cadres.map((row) => (row['所驻村代码'] === V2 ? { ...row, 在岗状态: '已召回' } : row)),
    };
    const report = diff(previous as SideSpec, current as SideSpec);
    expect(report.teams.map((t) => [t.teamId, t.change, t.before, t.after])).toEqual([['T02', 'dissolved', 3, 0]]);
    expect(report.villages.map((v) => [v.villageCode, v.events, v.teams, v.firstSecretaries])).toEqual([
      [V2, ['lost-team', 'lost-first-secretary'], { before: 1, after: 0 }, { before: 1, after: 0 }],
    ]);
    const back = diff(current as SideSpec, previous as SideSpec);
    expect(back.teams.map((t) => [t.teamId, t.change])).toEqual([['T02', 'formed']]);
    expect(back.villages[0].events).toEqual(['gained-team', 'gained-first-secretary']);
  });

  it('compares teams by village when one roster has no 工作队编号, and team ids do not split findings', () => {
    const base = baseline();
    // 曼龙村's team is two strong in both: team-min-size, once with team id T02, once without any.
    const previous = { ...base, cadres: base.cadres.slice(0, 6) };
    const headers = CADRE_HEADERS.filter((header) => header !== '工作队编号');
    const current = { villages: base.villages, cadres: previous.cadres.filter((row) => row['身份证号'] !== D), cadreHeaders: headers };
    const report = diff(previous as SideSpec, current as SideSpec);
    expect(report.teams.map((t) => [t.teamId, t.villageCode, t.before, t.after])).toEqual([[null, V1, 4, 3]]);
    expect(report.findings.new).toEqual([]);
    expect(report.findings.fixed).toEqual([]);
    expect(report.findings.open.map((pair) => [pair.previous.entity.teamId, pair.current.entity.teamId, pair.current.ruleId])).toEqual([
      ['T02', undefined, 'team-min-size'],
    ]);
  });

  it('matches a finding by rule, entity and column when its row moved: still open, not fixed and new', () => {
    const previous = edit(baseline(), D, { 备案情况: '否' });
    const moved = { ...previous, cadres: [previous.cadres[3], ...previous.cadres.filter((_, i) => i !== 3)] } as SideSpec;
    const report = diff(previous, moved);
    expect(report.findings.new).toEqual([]);
    expect(report.findings.fixed).toEqual([]);
    expect(report.findings.open.map((pair) => [pair.previous.location.row, pair.current.location.row])).toEqual([[5, 2]]);
  });

  it('tells apart findings of one rule on two people, and on two columns of one person', () => {
    const previous = edit(edit(baseline(), D, { 备案情况: '否' }), C, { 备案情况: '否' });
    const current = edit(edit(baseline(), D, { 备案情况: '否', 派出单位层级: '具' }), C, {});
    const report = diff(previous, current);
    expect(report.findings.fixed.map((f) => [f.ruleId, f.entity.idNumber])).toEqual([['filing-recorded', C]]);
    expect(report.findings.new.map((f) => [f.ruleId, f.location.column])).toEqual([['value-format', '派出单位层级']]);
    expect(report.findings.open.map((pair) => [pair.current.ruleId, pair.current.entity.idNumber])).toEqual([['filing-recorded', D]]);
  });

  it('reports a village added to and one removed from the village sheet', () => {
    const previous = baseline();
    const current = { ...previous, villages: [village('勐腊村', V1), village('曼龙村', V2), village('南平村', '532823100203', '其他')] };
    const added = diff(previous as SideSpec, current as SideSpec);
    expect(added.villages.map((v) => [v.villageCode, v.events, v.listed])).toEqual([['532823100203', ['added'], { before: false, after: true }]]);
    const removed = diff(current as SideSpec, previous as SideSpec);
    expect(removed.villages.map((v) => [v.villageCode, v.events])).toEqual([['532823100203', ['removed']]]);
  });

  it('summarises each side', () => {
    const report = diff(baseline() as SideSpec, edit(baseline(), D, { 在岗状态: '已召回' }));
    expect(report.previous).toMatchObject({ path: 'previous.xlsx', villages: 2, cadres: 7, activeCadres: 7, teams: 2, errors: 0 });
    expect(report.current).toMatchObject({ path: 'current.xlsx', cadres: 7, activeCadres: 6 });
  });
});
