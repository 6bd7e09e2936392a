import { describe, expect, test } from 'vitest';
import { C, CADRE_SHEET, cellsOf, check, expectFindings, RosterBuilder, V, VILLAGE_SHEET } from '../helpers/roster-builder.js';

// Enumerated columns hold a known value (with a "did you mean" hint), dates parse, codes have their length.
describe('value-format: the cadre sheet', () => {
  test.each([
    ['驻村职务', '对员', '队员'],
    ['驻村职务', '队员。', '队员'],
    ['性别', '男性', '男'],
    ['政治面貌', '党员', '中共党员'],
    ['派出单位层级', '县级', '县'],
    ['在岗状态', '再岗', '在岗'],
  ])('%s 「%s」: did you mean %s?', (header, value, suggestion) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 驻村职务: '队员', [header]: value });
    const verdict = expectFindings(roster, [C('value-format', row, 'error')]);
    expect(cellsOf(roster, 'value-format')).toEqual([`${CADRE_SHEET}!${row}/${header}`]);
    expect(JSON.stringify(verdict.findings[0].data.hint)).toContain(suggestion);
  });

  test('a value like nothing known gets no hint', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 政治面貌: 'xyz' });
    const verdict = expectFindings(roster, [C('value-format', row, 'error')]);
    expect(verdict.findings[0].data.hint).toEqual({ zh: '', en: '' });
  });

  test.each([
    ['驻村时间', '2025-13-01'],
    ['驻村时间', '去年三月'],
    ['入党时间', '2005-02-30'],
    ['转正时间', 'unknown'],
    ['参加工作时间', '2003/8/32'],
    ['出生日期', '19xx'],
    ['是否脱产', '可能'],
    ['党组织关系是否转入', '办理中'],
    ['备案情况', '待定'],
    ['所驻村代码', '53082820020'],
  ])('%s 「%s」 does not read', (header, value) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ [header]: value });
    const expected = [C('value-format', row, 'error')];
    // a village code that cannot be read is not a village of the sheet either
    if (header === '所驻村代码') expected.push(C('village-exists', row, 'error'));
    expectFindings(roster, expected);
    expect(cellsOf(roster, 'value-format')).toEqual([`${CADRE_SHEET}!${row}/${header}`]);
  });

  test('several bad cells in one row: one finding each', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 性别: 'M', 驻村职务: '对员', 驻村时间: '2025-02-30' });
    expectFindings(roster, [C('value-format', row, 'error'), C('value-format', row, 'error'), C('value-format', row, 'error')]);
    expect(cellsOf(roster, 'value-format')).toEqual(['性别', '驻村时间', '驻村职务'].map((h) => `${CADRE_SHEET}!${row}/${h}`).sort());
  });

  test('a recalled cadre’s row is judged too', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 在岗状态: '已召回', 驻村职务: '对员' });
    expectFindings(roster, [C('value-format', row, 'error')]);
  });

  test.each([
    ['驻村职务', ' 队员 '],
    ['性别', '女'],
    ['是否脱产', 'Y'],
    ['是否脱产', '√'],
    ['备案情况', '2025-02-20'],
    ['驻村时间', '2025年3月'],
    ['驻村时间', '２０２５－０３－０１'],
    ['政治面貌', '中共党员'],
  ])('%s 「%s」 is a known spelling', (header, value) => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ [header]: value });
    expectFindings(roster, []);
  });
});

describe('value-format: the village sheet', () => {
  test('村类型 「贫困村」: did you mean 脱贫村?', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: '贫困村' });
    const verdict = expectFindings(roster, [V('value-format', row, 'error')]);
    expect(JSON.stringify(verdict.findings[0].data.hint)).toContain('脱贫村');
  });

  test('a multi-value 村类型 with one unknown part: the known part still counts', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: '脱贫村、一般般' });
    // still a 脱贫村: it has no team and no first secretary
    expectFindings(roster, [
      V('value-format', row, 'error'),
      V('tuopin-village-team', row, 'error'),
      V('tuopin-village-first-secretary', row, 'error'),
    ]);
  });

  test.each([
    ['搬迁安置规模', '全村', '整村'],
    ['巩固任务较轻', 'maybe', undefined],
    ['是否国家乡村振兴重点帮扶县', '不详', undefined],
  ])('%s 「%s」', (header, value, suggestion) => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: '其他', [header]: value });
    const verdict = expectFindings(roster, [V('value-format', row, 'error')]);
    expect(cellsOf(roster, 'value-format')).toEqual([`${VILLAGE_SHEET}!${row}/${header}`]);
    if (suggestion) expect(JSON.stringify(verdict.findings[0].data.hint)).toContain(suggestion);
  });

  test('a 县代码 of five digits', () => {
    const roster = RosterBuilder.baseline().addColumn('villages', '县代码');
    const row = roster.addVillage({ 村类型: '其他', 县代码: '53082' });
    expectFindings(roster, [V('value-format', row, 'error')]);
  });

  test('a 村代码 of eleven digits', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: '其他', 村代码: '53082820020' });
    expectFindings(roster, [V('value-format', row, 'error')]);
  });

  test('the hint is data, and the message names the column', () => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 驻村职务: '对员' });
    const [finding] = check(roster).findings;
    expect(finding.location.column).toBe('驻村职务');
    expect(finding.data.value).toBe('对员');
  });
});
