import { describe, expect, test } from 'vitest';
import { C, CADRE_SHEET, cellsOf, expectFindings, RosterBuilder, V } from '../helpers/roster-builder.js';

// A first secretary has at least one year of full membership (as of 2026-11-27): from 转正时间 when given,
// else at least two years since 入党时间 (one year's probation).
function firstSecretary(cells: Record<string, unknown>) {
  const roster = new RosterBuilder();
  roster.addVillage();
  const row = roster.addCadre({ 驻村职务: '第一书记兼队长', ...(cells as object) });
  roster.addTeam(roster.villageCodeAt(2), 'T01', ['队员', '队员']);
  return { roster, row };
}

describe('first-secretary-party-standing: from 转正时间', () => {
  test.each([
    ['2026-03-01', true],
    ['2025-11-28', true],
    ['2025-11-27', false],
    ['2020-07-01', false],
    [{ kind: 'date', year: 2026, month: 3, day: 1 }, true],
    [46082, true], // Excel serial of 2026-03-01
    ['2025年12月', true],
    ['2025.11', false],
  ])('转正时间 %j', (partyFullDate, fires) => {
    const { roster, row } = firstSecretary({ 入党时间: '2024-06-01', 转正时间: partyFullDate });
    expectFindings(roster, fires ? [C('first-secretary-party-standing', row, 'warning')] : []);
  });

  test('转正时间 takes precedence over 入党时间 + 1 year (a delayed full membership)', () => {
    const { roster, row } = firstSecretary({ 入党时间: '2023-06-01', 转正时间: '2026-01-01' });
    expectFindings(roster, [C('first-secretary-party-standing', row, 'warning')]);
    expect(cellsOf(roster, 'first-secretary-party-standing')).toEqual([`${CADRE_SHEET}!${row}/转正时间`]);
  });
});

describe('first-secretary-party-standing: from 入党时间 when 转正时间 is blank', () => {
  test.each([
    ['2025-06-01', true],
    ['2024-11-28', true],
    ['2024-11-27', false],
    ['2010-07-01', false],
  ])('入党时间 %s', (partyJoinDate, fires) => {
    const { roster, row } = firstSecretary({ 入党时间: partyJoinDate, 转正时间: null });
    expectFindings(roster, fires ? [C('first-secretary-party-standing', row, 'warning')] : []);
  });

  test('with no 转正时间 column the rule still runs, from 入党时间', () => {
    const fs = new RosterBuilder().dropColumn('cadres', '转正时间');
    fs.addVillage();
    const row = fs.addCadre({ 驻村职务: '第一书记兼队长', 入党时间: '2025-06-01' });
    fs.addTeam(fs.villageCodeAt(2), 'T01', ['队员', '队员']);
    expectFindings(fs, [C('first-secretary-party-standing', row, 'warning')]);
  });

  test('with no 入党时间 column the rule still judges from 转正时间 (the column is required: its own finding)', () => {
    const fs = new RosterBuilder().dropColumn('cadres', '入党时间');
    fs.addVillage();
    const row = fs.addCadre({ 驻村职务: '第一书记兼队长', 转正时间: '2026-03-01' });
    fs.addTeam(fs.villageCodeAt(2), 'T01', ['队员', '队员']);
    expectFindings(fs, [C('required-field', 1, 'error'), C('first-secretary-party-standing', row, 'warning')]);
  });
});

describe('first-secretary-party-standing: whom it judges', () => {
  test('a 预备党员 is reported by first-secretary-party-member alone', () => {
    const { roster, row } = firstSecretary({ 政治面貌: '中共预备党员', 入党时间: '2026-06-01', 转正时间: null });
    expectFindings(roster, [C('first-secretary-party-member', row, 'error')]);
  });

  test('a 第一书记 (not leading the team) is judged too', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addCadre({ 驻村职务: '第一书记', 转正时间: '2026-03-01' });
    expectFindings(roster, [C('first-secretary-party-standing', row, 'warning'), V('single-first-secretary', 2, 'warning')]);
  });

  test('a 队员 of short standing is not judged', () => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 入党时间: '2025-06-01', 转正时间: '2026-06-01' });
    expectFindings(roster, []);
  });

  test('a recalled first secretary is not judged', () => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 驻村职务: '第一书记', 在岗状态: '已召回', 转正时间: '2026-03-01' });
    expectFindings(roster, []);
  });

  test('blank 入党时间 and 转正时间: required-field, nothing to judge the standing by', () => {
    const { roster, row } = firstSecretary({ 入党时间: null, 转正时间: null });
    expectFindings(roster, [C('required-field', row, 'error')]);
  });
});
