import { describe, expect, test } from 'vitest';
import {
  BASELINE_VILLAGE_CODE, C, checkAll, expectFindings, idNumberEndingInX, RosterBuilder,
} from '../helpers/roster-builder.js';

// One ID number is active in one post only, across every file of the run; every row involved is reported,
// and each of those rows counts towards its own team.

/** A copy of cadre row `row` (same person: name, gender, ID number, birth date) with other cells. */
function samePerson(roster: RosterBuilder, row: number, cells: Record<string, string | null> = {}) {
  const person = Object.fromEntries(['姓名', '性别', '身份证号', '出生日期'].map((h) => [h, roster.cadreCell(row, h)]));
  return roster.addCadre({ ...person, ...cells });
}

describe('cadre-posted-once', () => {
  test('one person active in two villages: both rows, and each counts towards its own team', () => {
    const roster = RosterBuilder.baseline();
    const village = roster.addVillage();
    const code = roster.villageCodeAt(village);
    roster.addTeam(code, 'T02', ['第一书记兼队长', '队员']);
    // the third member of T02 is the baseline's row 3: without them T02 would be too small
    const twice = samePerson(roster, 3, { 所驻村代码: code, 工作队编号: 'T02' });
    expectFindings(roster, [C('cadre-posted-once', 3, 'error'), C('cadre-posted-once', twice, 'error')]);
  });

  test('a duplicate row of one team: both rows', () => {
    const roster = RosterBuilder.baseline();
    const twice = samePerson(roster, 4);
    expectFindings(roster, [C('cadre-posted-once', 4, 'error'), C('cadre-posted-once', twice, 'error')]);
  });

  test('three posts: all three rows', () => {
    const roster = RosterBuilder.baseline();
    const a = samePerson(roster, 4);
    const b = samePerson(roster, 4);
    expectFindings(roster, [C('cadre-posted-once', 4, 'error'), C('cadre-posted-once', a, 'error'), C('cadre-posted-once', b, 'error')]);
  });

  test.each(['已召回', '已轮换', '期满离岗'])('an earlier post that is %s is not a second post', (status) => {
    const roster = RosterBuilder.baseline();
    const village = roster.addVillage({ 村类型: '其他' });
    samePerson(roster, 3, { 所驻村代码: roster.villageCodeAt(village), 工作队编号: 'T09', 在岗状态: status, 驻村时间: '2021-06-01' });
    expectFindings(roster, []);
  });

  test('a check character x and X are one person', () => {
    const id = idNumberEndingInX('530828', '19800115', '男');
    const roster = RosterBuilder.baseline();
    const a = roster.addCadre({ 身份证号: id, 性别: '男', 出生日期: '1980-01-15' });
    const b = roster.addCadre({ 身份证号: id.toLowerCase(), 性别: '男', 出生日期: '1980-01-15' });
    expectFindings(roster, [C('cadre-posted-once', a, 'error'), C('cadre-posted-once', b, 'error')]);
  });

  test('across the files of one run: each file reports its own row', () => {
    const first = RosterBuilder.baseline(0);
    const second = RosterBuilder.baseline(100);
    const person = Object.fromEntries(['姓名', '性别', '身份证号', '出生日期'].map((h) => [h, first.cadreCell(3, h)]));
    const row = second.addCadre(person);
    const [a, b] = checkAll([first, second]);
    expect(a.list).toEqual([C('cadre-posted-once', 3, 'error')]);
    expect(b.list).toEqual([C('cadre-posted-once', row, 'error')]);
    expect(a.findings[0].location.file).not.toBe(b.findings[0].location.file);
  });

  test('three posts in one file: each row says three', () => {
    const roster = RosterBuilder.baseline();
    samePerson(roster, 4);
    samePerson(roster, 4);
    const [verdict] = checkAll([roster]);
    expect(verdict.findings.filter((f) => f.ruleId === 'cadre-posted-once').map((f) => f.data.count)).toEqual([3, 3, 3]);
  });

  test('twice in one file and once in another: all three rows, each saying three', () => {
    const first = RosterBuilder.baseline(0);
    const again = samePerson(first, 3);
    const second = RosterBuilder.baseline(100);
    const row = second.addCadre(Object.fromEntries(['姓名', '性别', '身份证号', '出生日期'].map((h) => [h, first.cadreCell(3, h)])));
    const [a, b] = checkAll([first, second]);
    expect(a.list).toEqual([C('cadre-posted-once', 3, 'error'), C('cadre-posted-once', again, 'error')].sort());
    expect(b.list).toEqual([C('cadre-posted-once', row, 'error')]);
    expect([...a.findings, ...b.findings].map((f) => f.data.count)).toEqual([3, 3, 3]);
  });

  test('two files of one run with different people: nothing', () => {
    const [a, b] = checkAll([RosterBuilder.baseline(0), RosterBuilder.baseline(100)]);
    expect([...a.list, ...b.list]).toEqual([]);
  });

  test('two rows of one number that lost digits in Excel: id-number-valid only', () => {
    const roster = RosterBuilder.baseline();
    const a = roster.addCadre({ 身份证号: 520526197202120000 });
    const b = roster.addCadre({ 身份证号: 520526197202120000, 所驻村代码: BASELINE_VILLAGE_CODE });
    expectFindings(roster, [C('id-number-valid', a, 'error'), C('id-number-valid', b, 'error')]);
  });
});
