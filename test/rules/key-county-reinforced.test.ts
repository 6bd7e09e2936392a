import { describe, test } from 'vitest';
import { C, expectFindings, KEY_COUNTY, PLAIN_COUNTY, RosterBuilder, V } from '../helpers/roster-builder.js';

// A team in a 脱贫村 of a key-assistance county has at least 4 active members; 巩固任务较轻 villages are exempt.
// The roster's own 是否国家乡村振兴重点帮扶县, when filled, takes precedence over rules/reference/key-counties.csv.
const IN_KEY_COUNTY = { 省: KEY_COUNTY.省, 市: KEY_COUNTY.市, 县: KEY_COUNTY.县, 乡镇: '草海镇', 村代码: `${KEY_COUNTY.code}100201` };
const IN_PLAIN_COUNTY = { 省: PLAIN_COUNTY.省, 市: PLAIN_COUNTY.市, 县: PLAIN_COUNTY.县, 村代码: `${PLAIN_COUNTY.code}200201` };
/** A village of 威宁 whose own key-county cell is blank: key by the reference list. */
const KEY_BY_LIST = { ...IN_KEY_COUNTY, 是否国家乡村振兴重点帮扶县: null };
const THREE = ['第一书记兼队长', '队员', '队员'];
const FOUR = [...THREE, '队员'];

function team(village: Record<string, string | null>, roles: readonly string[], overrides: Record<string, string | null> = {}) {
  const roster = new RosterBuilder();
  const row = roster.addVillage(village);
  const cadres = roster.addTeam(roster.villageCodeAt(row), 'T01', roles, overrides);
  return { roster, row, cadres };
}

describe('key-county-reinforced', () => {
  test.each([
    ['blank: the reference list says key', KEY_BY_LIST, true],
    ['是 in a county the list does not hold', { ...IN_PLAIN_COUNTY, 是否国家乡村振兴重点帮扶县: '是' }, true],
    ['Y in a county the list does not hold', { ...IN_PLAIN_COUNTY, 是否国家乡村振兴重点帮扶县: 'Y' }, true],
    ['否 in a county the list holds', { ...IN_KEY_COUNTY, 是否国家乡村振兴重点帮扶县: '否' }, false],
    ['blank in a county the list does not hold', { ...IN_PLAIN_COUNTY, 是否国家乡村振兴重点帮扶县: null }, false],
  ])('the roster’s key-county cell %s: a team of three', (_label, village, key) => {
    const { roster, row } = team(village, THREE);
    expectFindings(roster, key ? [V('key-county-reinforced', row, 'warning')] : []);
  });

  test('with no key-county column, the reference list decides', () => {
    const key = new RosterBuilder().dropColumn('villages', '是否国家乡村振兴重点帮扶县');
    const row = key.addVillage(IN_KEY_COUNTY);
    key.addTeam(key.villageCodeAt(row), 'T01', THREE);
    expectFindings(key, [V('key-county-reinforced', row, 'warning')]);

    const plain = new RosterBuilder().dropColumn('villages', '是否国家乡村振兴重点帮扶县');
    plain.addVillage(IN_PLAIN_COUNTY);
    plain.addTeam(plain.villageCodeAt(2), 'T01', THREE);
    expectFindings(plain, []);
  });

  test('a reinforced team of four in a key county', () => {
    expectFindings(team({ ...IN_KEY_COUNTY, 是否国家乡村振兴重点帮扶县: '是' }, FOUR).roster, []);
  });

  test('a team of four of whom one is recalled has three active members', () => {
    const { roster, row } = team(KEY_BY_LIST, THREE);
    roster.addTeam(roster.villageCodeAt(row), 'T01', ['队员'], { 在岗状态: '已召回' });
    expectFindings(roster, [V('key-county-reinforced', row, 'warning')]);
  });

  test('a village marked 巩固任务较轻 is exempt', () => {
    const { roster } = team({ ...IN_KEY_COUNTY, 是否国家乡村振兴重点帮扶县: '是', 巩固任务较轻: '是' }, THREE);
    expectFindings(roster, []);
  });

  test('a village marked 巩固任务较轻 with a team of two: team-min-size as info only', () => {
    const { roster, row } = team({ ...KEY_BY_LIST, 巩固任务较轻: '是' }, ['第一书记兼队长', '队员']);
    expectFindings(roster, [V('team-min-size', row, 'info')]);
  });

  test('a team of two in a key county that is not light: both findings', () => {
    const { roster, row } = team(KEY_BY_LIST, ['第一书记兼队长', '队员']);
    expectFindings(roster, [V('key-county-reinforced', row, 'warning'), V('team-min-size', row, 'error')]);
  });

  test('a village of a key county that is not a 脱贫村', () => {
    const { roster } = team({ ...KEY_BY_LIST, 村类型: '乡村振兴任务重的村' }, THREE);
    expectFindings(roster, []);
  });

  test('a misspelt role still counts as a member of a team of four', () => {
    const { roster, cadres } = team(KEY_BY_LIST, ['第一书记兼队长', '队员', '队员', '对员']);
    expectFindings(roster, [C('value-format', cadres[3], 'error')]);
  });

  test('a 县代码 column names the county when the village code does not', () => {
    const roster = new RosterBuilder().addColumn('villages', '县代码');
    const row = roster.addVillage({ ...IN_PLAIN_COUNTY, 是否国家乡村振兴重点帮扶县: null, 县代码: KEY_COUNTY.code });
    roster.addTeam(roster.villageCodeAt(row), 'T01', THREE);
    expectFindings(roster, [V('key-county-reinforced', row, 'warning')]);
  });
});
