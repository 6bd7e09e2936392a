import { describe, expect, test } from 'vitest';
import { C, CADRE_SHEET, cellsOf, check, expectFindings, RosterBuilder, V } from '../helpers/roster-builder.js';

// The cadre's village (code, or name when there is no code) is a row of the village sheet.
describe('village-exists: by code', () => {
  test('a code that is not in the village sheet', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 所驻村代码: '530828200299' });
    expectFindings(roster, [C('village-exists', row, 'error')]);
    expect(cellsOf(roster, 'village-exists')).toEqual([`${CADRE_SHEET}!${row}/所驻村代码`]);
  });

  test('a recalled cadre’s row is judged too', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 所驻村代码: '530828200299', 在岗状态: '已召回' });
    expectFindings(roster, [C('village-exists', row, 'error')]);
  });

  test('a whole team posted to a village not in the sheet: no coverage finding for it', () => {
    const roster = RosterBuilder.baseline();
    const rows = roster.addTeam('530828200299', 'T02', ['第一书记兼队长', '队员']);
    expectFindings(roster, rows.map((row) => C('village-exists', row, 'error')));
  });

  test('a code written with spaces or full-width digits is the same code', () => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 所驻村代码: '５３０８２８２００２０１' });
    roster.addCadre({ 所驻村代码: ' 530828200201 ' });
    expectFindings(roster, []);
  });
});

describe('village-exists: by name, when there is no code column', () => {
  function byName() {
    return RosterBuilder.baseline().dropColumn('cadres', '所驻村代码').addColumn('cadres', '所驻村');
  }

  test('the baseline by village name: its team is formed and nothing is found', () => {
    const roster = byName();
    const verdict = expectFindings(roster, []);
    expect(verdict.roster.teams.map((t) => [t.villageCode, t.activeMembers.length])).toEqual([['530828200201', 4]]);
  });

  test('a name that is not in the village sheet', () => {
    const roster = byName();
    const row = roster.addCadre({ 所驻村: '不存在村' });
    expectFindings(roster, [C('village-exists', row, 'error')]);
    expect(cellsOf(roster, 'village-exists')).toEqual([`${CADRE_SHEET}!${row}/所驻村`]);
  });

  test('a name with stray spaces is the same name', () => {
    const roster = byName();
    roster.addCadre({ 所驻村: ' 糯福村 ' });
    expectFindings(roster, []);
  });

  test('a name two villages share names no one village', () => {
    const roster = byName();
    roster.addVillage({ 村: '糯福村', 乡镇: '竹塘乡', 村类型: '其他' });
    const verdict = check(roster);
    // nobody is placed: every cadre is reported, and the 脱贫村 has no team
    expect(verdict.list).toEqual(
      [2, 3, 4, 5].map((row) => C('village-exists', row, 'error')).concat([
        V('tuopin-village-first-secretary', 2, 'error'),
        V('tuopin-village-team', 2, 'error'),
      ]).sort(),
    );
  });
});

describe('village-exists: by code or name', () => {
  test('a blank code and a known name', () => {
    const roster = RosterBuilder.baseline().addColumn('cadres', '所驻村');
    roster.addCadre({ 所驻村代码: null, 所驻村: '糯福村' });
    expectFindings(roster, []);
  });

  test('a blank code and an unknown name', () => {
    const roster = RosterBuilder.baseline().addColumn('cadres', '所驻村');
    const row = roster.addCadre({ 所驻村代码: null, 所驻村: '不存在村' });
    expectFindings(roster, [C('village-exists', row, 'error')]);
  });
});
