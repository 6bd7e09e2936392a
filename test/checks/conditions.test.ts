import { describe, expect, test } from 'vitest';
import { matches, type Condition } from '../../src/checks/conditions.js';
import { normalise, RosterBuilder } from '../helpers/roster-builder.js';
import { cadreRows, villageRows } from '../helpers/rows.js';

// `where` filters of rule files: named facts and predicates, combined with all / any / not.
const builder = RosterBuilder.baseline();
builder.addVillage({ 村类型: '易地扶贫搬迁安置村、党组织软弱涣散村', 搬迁安置规模: '少量', 巩固任务较轻: '是' });
builder.addCadre({ 政治面貌: null, 入党时间: null, 在岗状态: '已召回' });
const roster = normalise(builder);
const [tuopin, site] = villageRows(roster);
const [firstSecretary, , , masses, blankStatus] = cadreRows(roster);
const [team] = roster.teams;

describe('where conditions', () => {
  test.each<[string, Condition, boolean, boolean]>([
    ['includes', { 'village.categories': { includes: '脱贫村' } }, true, false],
    ['includesAny', { 'village.categories': { includesAny: ['脱贫村', '党组织软弱涣散村'] } }, true, true],
    ['in, on a blank cell', { 'village.relocationScale': { in: ['少量', '插花'] } }, false, true],
    ['equals', { 'village.lightTask': { equals: true } }, false, true],
    ['equals false', { 'village.lightTask': { equals: false } }, true, false],
    ['not', { not: { 'village.lightTask': { equals: true } } }, true, false],
    ['all', { all: [{ 'village.categories': { includes: '党组织软弱涣散村' } }, { 'village.lightTask': { equals: true } }] }, false, true],
    ['any', { any: [{ 'village.categories': { includes: '脱贫村' } }, { 'village.lightTask': { equals: true } }] }, true, true],
    ['two facts at once', { 'village.categories': { includes: '脱贫村' }, 'village.keyCounty': { equals: false } }, true, false],
    ['a cadre fact of a village', { 'cadre.active': { equals: true } }, false, false],
  ])('%s', (_label, condition, onTuopin, onSite) => {
    expect(matches(condition, tuopin, roster)).toBe(onTuopin);
    expect(matches(condition, site, roster)).toBe(onSite);
  });

  test('no condition matches everything', () => {
    expect(matches(undefined, tuopin, roster)).toBe(true);
  });

  test('cadre facts', () => {
    expect(matches({ 'cadre.firstSecretary': { equals: true }, 'cadre.leader': { equals: true } }, firstSecretary, roster)).toBe(true);
    expect(matches({ 'cadre.partyMember': { equals: false } }, masses, roster)).toBe(true);
    expect(matches({ 'cadre.role': { in: ['第一书记', '第一书记兼队长'] } }, firstSecretary, roster)).toBe(true);
    expect(matches({ 'cadre.active': { equals: false } }, blankStatus, roster)).toBe(true);
  });

  test('a blank cell matches neither a value nor its opposite', () => {
    expect(matches({ 'cadre.partyMember': { equals: true } }, blankStatus, roster)).toBe(false);
    expect(matches({ 'cadre.partyMember': { equals: false } }, blankStatus, roster)).toBe(false);
  });

  test('a team’s village facts are those of the village it is stationed in', () => {
    expect(matches({ 'village.categories': { includes: '脱贫村' } }, team, roster)).toBe(true);
    expect(matches({ 'row.sheet': { equals: 'cadre' } }, firstSecretary, roster)).toBe(true);
    expect(matches({ 'row.sheet': { equals: 'village' } }, team, roster)).toBe(false);
  });

  test('a cadre’s village facts are those of the village it is posted to', () => {
    expect(matches({ 'village.categories': { includes: '脱贫村' } }, firstSecretary, roster)).toBe(true);
  });
});
