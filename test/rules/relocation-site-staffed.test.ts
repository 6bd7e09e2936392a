import { describe, test } from 'vitest';
import { expectFindings, RosterBuilder, V } from '../helpers/roster-builder.js';

// A 易地扶贫搬迁安置村 of scale 整村 or 接近整村 has a first secretary and a team.
function site(scale: string, category = '易地扶贫搬迁安置村') {
  const roster = RosterBuilder.baseline();
  const row = roster.addVillage({ 村类型: category, 搬迁安置规模: scale, 村: '幸福社区' });
  return { roster, row, code: roster.villageCodeAt(row) };
}

describe('relocation-site-staffed', () => {
  test.each(['整村', '接近整村'])('a %s site with no cadre', (scale) => {
    const { roster, row } = site(scale);
    expectFindings(roster, [V('relocation-site-staffed', row, 'error')]);
  });

  test.each(['整村', '接近整村'])('a %s site with a team but no first secretary', (scale) => {
    const { roster, row, code } = site(scale);
    roster.addTeam(code, 'T02', ['队长', '队员', '队员']);
    expectFindings(roster, [V('relocation-site-staffed', row, 'error')]);
  });

  test.each(['整村', '接近整村'])('a %s site with a 第一书记兼队长 and a 队员 is staffed', (scale) => {
    const { roster, code } = site(scale);
    roster.addTeam(code, 'T02', ['第一书记兼队长', '队员']);
    expectFindings(roster, []);
  });

  test('a first secretary who is recalled does not staff the site', () => {
    const { roster, row, code } = site('整村');
    roster.addTeam(code, 'T02', ['第一书记兼队长'], { 在岗状态: '已召回' });
    roster.addTeam(code, 'T02', ['队长', '队员']);
    expectFindings(roster, [V('relocation-site-staffed', row, 'error')]);
  });

  test.each(['易地扶贫搬迁安置社区', '易地搬迁安置点', '搬迁安置村'])('the spelling %s is a relocation site', (category) => {
    const { roster, row } = site('整村', category);
    expectFindings(roster, [V('relocation-site-staffed', row, 'error')]);
  });

  test('a covering team (覆盖工作队) does not staff a whole-village site', () => {
    const roster = RosterBuilder.baseline();
    const row = roster.addVillage({ 村类型: '易地扶贫搬迁安置村', 搬迁安置规模: '整村', 覆盖工作队: 'T01' });
    expectFindings(roster, [V('relocation-site-staffed', row, 'error')]);
  });

  test.each(['少量', '插花'])('a %s site is not required to be staffed (only covered)', (scale) => {
    const { roster, row } = site(scale);
    expectFindings(roster, [V('relocation-site-covered', row, 'warning')]);
  });
});
