import { describe, test } from 'vitest';
import { BASELINE_TEAM, expectFindings, RosterBuilder, V } from '../helpers/roster-builder.js';

// A 易地扶贫搬迁安置村 of scale 少量 or 插花 has a team stationed in it, or a covering team that exists.
function site(scale: string, coveringTeam: string | null = null) {
  const roster = RosterBuilder.baseline();
  const row = roster.addVillage({ 村类型: '易地扶贫搬迁安置村', 搬迁安置规模: scale, 覆盖工作队: coveringTeam });
  return { roster, row, code: roster.villageCodeAt(row) };
}

describe('relocation-site-covered', () => {
  test.each(['少量', '插花'])('a %s site with no team and no covering team', (scale) => {
    const { roster, row } = site(scale);
    expectFindings(roster, [V('relocation-site-covered', row, 'warning')]);
  });

  test.each(['少量', '插花'])('a %s site covered by a team that exists (T01, stationed elsewhere)', (scale) => {
    const { roster } = site(scale, BASELINE_TEAM);
    expectFindings(roster, []);
  });

  test.each(['少量', '插花'])('a %s site whose covering team does not exist', (scale) => {
    const { roster, row } = site(scale, 'T99');
    expectFindings(roster, [V('relocation-site-covered', row, 'warning')]);
  });

  test('a covering team whose members are all recalled does not exist', () => {
    const { roster, row } = site('少量', 'T05');
    const other = roster.addVillage({ 村类型: '其他' });
    roster.addTeam(roster.villageCodeAt(other), 'T05', ['队长', '队员'], { 在岗状态: '已召回' });
    expectFindings(roster, [V('relocation-site-covered', row, 'warning')]);
  });

  test('a team stationed in the site covers it', () => {
    const { roster, code } = site('插花');
    roster.addTeam(code, 'T02', ['队长', '队员']);
    expectFindings(roster, []);
  });

  test('a whole-village site is judged by relocation-site-staffed, not by this rule', () => {
    const { roster, row } = site('整村', BASELINE_TEAM);
    expectFindings(roster, [V('relocation-site-staffed', row, 'error')]);
  });
});
