import { describe, expect, test } from 'vitest';
import { C, CADRE_SHEET, cellsOf, expectFindings, RosterBuilder, V } from '../helpers/roster-builder.js';

// A first secretary had at least two years of work (参加工作时间) when starting (驻村时间); checked when the column is there.
function firstSecretary(cells: Record<string, unknown>, role = '第一书记兼队长') {
  const roster = new RosterBuilder();
  roster.addVillage();
  const row = roster.addCadre({ 驻村职务: role, 驻村时间: '2025-03-01', ...(cells as object) });
  roster.addTeam(roster.villageCodeAt(2), 'T01', ['队员', '队员']);
  return { roster, row };
}

describe('first-secretary-work-experience', () => {
  test.each([
    ['2024-07-01', true],
    ['2023-03-02', true],
    ['2023-03-01', false],
    ['2003-08-01', false],
    ['2023年4月', true],
    ['202303', false],
  ])('参加工作时间 %s, in the village from 2025-03-01', (workStartDate, fires) => {
    const { roster, row } = firstSecretary({ 参加工作时间: workStartDate });
    expectFindings(roster, fires ? [C('first-secretary-work-experience', row, 'warning')] : []);
  });

  test('the finding points at 参加工作时间', () => {
    const { roster, row } = firstSecretary({ 参加工作时间: '2024-07-01' });
    expect(cellsOf(roster, 'first-secretary-work-experience')).toEqual([`${CADRE_SHEET}!${row}/参加工作时间`]);
  });

  test('a 第一书记 is judged as well as a 第一书记兼队长', () => {
    const { roster, row } = firstSecretary({ 参加工作时间: '2024-07-01' }, '第一书记');
    expectFindings(roster, [C('first-secretary-work-experience', row, 'warning'), V('team-has-leader', 2, 'warning')]);
  });

  test('a 队员 or 队长 with little work is not judged', () => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 参加工作时间: '2024-07-01' });
    expectFindings(roster, []);
  });

  test('a recalled first secretary is not judged', () => {
    const roster = RosterBuilder.baseline();
    roster.addCadre({ 驻村职务: '第一书记', 在岗状态: '已召回', 参加工作时间: '2024-07-01' });
    expectFindings(roster, []);
  });

  test('a blank 参加工作时间 is not judged', () => {
    expectFindings(firstSecretary({ 参加工作时间: null }).roster, []);
  });

  test('no 参加工作时间 column: not checked, and said so', () => {
    const roster = RosterBuilder.baseline().dropColumn('cadres', '参加工作时间');
    roster.addCadre({ 驻村职务: '第一书记' });
    expectFindings(roster, [V('single-first-secretary', 2, 'warning')], ['first-secretary-work-experience']);
  });
});
