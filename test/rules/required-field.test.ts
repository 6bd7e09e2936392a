import { describe, expect, test } from 'vitest';
import { C, CADRE_SHEET, cellsOf, expectFindings, RosterBuilder, V, VILLAGE_SHEET } from '../helpers/roster-builder.js';

// The required columns of roster-format.md are present (else one finding at the header row) and filled.

describe('required-field: blank cells', () => {
  test.each(['姓名', '性别', '身份证号', '政治面貌', '派出单位', '派出单位层级', '驻村职务', '所驻村代码', '驻村时间'])(
    'a blank %s in the cadre sheet',
    (header) => {
      const roster = RosterBuilder.baseline();
      roster.addCadre({ 驻村职务: '队员' });
      const row = roster.addCadre({ [header]: null });
      expectFindings(roster, [C('required-field', row, 'error')]);
      expect(cellsOf(roster, 'required-field')).toEqual([`${CADRE_SHEET}!${row}/${header}`]);
    },
  );

  test('a cell of spaces only is blank', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 姓名: ' \u3000 ' });
    expectFindings(roster, [C('required-field', row, 'error')]);
  });

  test.each(['省', '市', '县', '乡镇', '村', '村代码', '村类型'])('a blank %s in the village sheet', (header) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: '其他', [header]: null });
    expectFindings(roster, [V('required-field', row, 'error')]);
    expect(cellsOf(roster, 'required-field')).toEqual([`${VILLAGE_SHEET}!${row}/${header}`]);
  });

  test('a recalled cadre’s row is judged too', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 在岗状态: '已召回', 派出单位: null });
    expectFindings(roster, [C('required-field', row, 'error')]);
  });
});

describe('required-field: conditional cells', () => {
  test.each(['中共党员', '中共预备党员'])('入党时间 is required of a %s', (status) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 政治面貌: status, 入党时间: null, 转正时间: null });
    expectFindings(roster, [C('required-field', row, 'error')]);
    expect(cellsOf(roster, 'required-field')).toEqual([`${CADRE_SHEET}!${row}/入党时间`]);
  });

  test.each(['群众', '共青团员', '民主党派', '无党派人士'])('入党时间 is not required of a %s', (status) => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 政治面貌: status, 入党时间: null, 转正时间: null, 党组织关系是否转入: null });
    expectFindings(roster, []);
  });

  test.each(['易地扶贫搬迁安置村', '脱贫村、易地扶贫搬迁安置村'])('搬迁安置规模 is required of a %s', (category) => {
    const roster = new RosterBuilder();
    const row = roster.addVillage({ 村类型: category, 搬迁安置规模: null });
    roster.addTeam(roster.villageCodeAt(row), 'T01', ['第一书记兼队长', '队员', '队员']);
    expectFindings(roster, [V('required-field', row, 'error')]);
    expect(cellsOf(roster, 'required-field')).toEqual([`${VILLAGE_SHEET}!${row}/搬迁安置规模`]);
  });

  test('搬迁安置规模 is not required of a village that is not a relocation site (the baseline leaves it blank)', () => {
    expectFindings(RosterBuilder.baseline(), []);
  });

  test('所驻村代码 or 所驻村: the name alone is enough', () => {
    const roster = RosterBuilder.baseline().addColumn('cadres', '所驻村');
    roster.addCadre({ 所驻村代码: null, 所驻村: '糯福村' });
    expectFindings(roster, []);
  });

  test('所驻村代码 or 所驻村: both blank is one finding', () => {
    const roster = RosterBuilder.baseline().addColumn('cadres', '所驻村');
    const row = roster.addCadre({ 所驻村代码: null, 所驻村: null });
    expectFindings(roster, [C('required-field', row, 'error')]);
  });

  test('所驻村 blank when it is the only village column', () => {
    const roster = RosterBuilder.baseline().dropColumn('cadres', '所驻村代码').addColumn('cadres', '所驻村');
    const row = roster.addCadre({ 所驻村: null });
    expectFindings(roster, [C('required-field', row, 'error')]);
    expect(cellsOf(roster, 'required-field')).toEqual([`${CADRE_SHEET}!${row}/所驻村`]);
  });
});

describe('required-field: missing columns (one finding at the header row)', () => {
  test.each([
    ['姓名', []],
    ['性别', []],
    ['派出单位', []],
    ['派出单位层级', []],
    ['身份证号', ['cadre-posted-once', 'id-number-consistent', 'id-number-valid']],
    ['驻村时间', ['first-secretary-work-experience', 'start-date-plausible', 'tenure-review']],
    ['政治面貌', ['first-secretary-party-member']],
  ])('no %s column', (header, notChecked) => {
    const roster = RosterBuilder.baseline().dropColumn('cadres', header);
    roster.addCadre();
    expectFindings(roster, [C('required-field', 1, 'error')], notChecked);
  });

  test('no 驻村职务 column: nobody is a first secretary or a leader', () => {
    const roster = RosterBuilder.baseline().dropColumn('cadres', '驻村职务');
    expectFindings(roster, [
      C('required-field', 1, 'error'),
      V('tuopin-village-first-secretary', 2, 'error'),
      V('team-has-leader', 2, 'warning'),
    ]);
  });

  test('no 所驻村代码 and no 所驻村 column: nobody is posted anywhere', () => {
    const roster = RosterBuilder.baseline().dropColumn('cadres', '所驻村代码');
    expectFindings(roster, [
      C('required-field', 1, 'error'),
      V('tuopin-village-team', 2, 'error'),
      V('tuopin-village-first-secretary', 2, 'error'),
    ]);
  });

  test('no 入党时间 nor 转正时间 column while the sheet lists party members', () => {
    const roster = RosterBuilder.baseline().dropColumn('cadres', '入党时间').dropColumn('cadres', '转正时间');
    expectFindings(roster, [C('required-field', 1, 'error')], ['first-secretary-party-standing']);
  });

  test('no 村类型 column', () => {
    const roster = RosterBuilder.baseline().dropColumn('villages', '村类型');
    expectFindings(roster, [V('required-field', 1, 'error')]);
  });

  test.each(['省', '市', '县', '乡镇', '村'])('no %s column in the village sheet', (header) => {
    const roster = RosterBuilder.baseline().dropColumn('villages', header);
    expectFindings(roster, [V('required-field', 1, 'error')]);
  });

  test('no 搬迁安置规模 column: a finding only when a village is a relocation site', () => {
    const without = RosterBuilder.baseline().dropColumn('villages', '搬迁安置规模');
    expectFindings(without, []);
    const site = RosterBuilder.baseline().dropColumn('villages', '搬迁安置规模');
    site.addVillage({ 村类型: '易地扶贫搬迁安置村' });
    expectFindings(site, [V('required-field', 1, 'error')]);
  });

  test('one finding for the missing column, not one per row', () => {
    const roster = RosterBuilder.baseline().dropColumn('cadres', '性别');
    for (let i = 0; i < 5; i++) roster.addCadre();
    expectFindings(roster, [C('required-field', 1, 'error')]);
  });

  test('the missing column’s finding names the column', () => {
    const roster = RosterBuilder.baseline().dropColumn('cadres', '派出单位层级');
    const text = JSON.stringify(expectFindings(roster, [C('required-field', 1, 'error')]).findings[0].data);
    expect(text).toContain('派出单位层级');
  });
});
