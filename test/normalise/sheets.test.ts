import { describe, expect, test } from 'vitest';
import { LoadError } from '../../src/errors.js';
import type { RawSheet } from '../../src/types.js';
import { findingsOfRoster, normaliseSheets, rawSheet, RosterBuilder } from '../helpers/roster-builder.js';
import { cadreRows } from '../helpers/rows.js';

// Sheets are found by their headers, not by their names or order.
function renamed(sheet: RawSheet, name: string): RawSheet {
  return { ...sheet, name };
}

describe('finding the sheets', () => {
  test.each([
    ['Sheet1', 'Sheet2'],
    ['人员', '村名单'],
    ['花名册', '派驻村'],
    ['第一书记和工作队员', '村庄'],
    ['村庄', '驻村干部'], // names swapped on purpose: the headers decide
  ])('cadres in 「%s」, villages in 「%s」, the cadre sheet first', (cadreName, villageName) => {
    const [villages, cadres] = RosterBuilder.baseline().build().sheets;
    const roster = normaliseSheets([renamed(cadres, cadreName), renamed(villages, villageName)]);
    expect(roster.cadreSheet).toBe(cadreName);
    expect(roster.villageSheet).toBe(villageName);
    expect(cadreRows(roster)).toHaveLength(4);
    expect(roster.villages).toHaveLength(1);
    expect(findingsOfRoster(roster)).toEqual([]);
  });

  test('other sheets (instructions, a pivot) are passed over', () => {
    const [villages, cadres] = RosterBuilder.baseline().build().sheets;
    const notes = rawSheet('填表说明', [['填表说明'], ['1. 身份证号请以文本格式填写'], ['2. 日期格式为2021-09-01']]);
    const pivot = rawSheet('统计', [['县', '人数', '队数'], ['澜沧拉祜族自治县', 4, 1]]);
    const roster = normaliseSheets([notes, cadres, pivot, villages]);
    expect([roster.cadreSheet, roster.villageSheet]).toEqual(['驻村干部', '村庄']);
    expect(findingsOfRoster(roster)).toEqual([]);
  });

  test('a cadre sheet alone: no village sheet', () => {
    const [, cadres] = RosterBuilder.baseline().build().sheets;
    const roster = normaliseSheets([cadres]);
    expect(roster.villages).toBeNull();
    expect(roster.villageSheet).toBeNull();
    expect(cadreRows(roster)).toHaveLength(4);
  });

  test('a CSV pair: the sheet named as the village file is the village sheet', () => {
    const [villages, cadres] = RosterBuilder.baseline().build().sheets;
    const roster = normaliseSheets([renamed(cadres, 'cadres.csv'), renamed(villages, 'villages.csv')], { villageSheetName: 'villages.csv' });
    expect([roster.cadreSheet, roster.villageSheet]).toEqual(['cadres.csv', 'villages.csv']);
  });
});

describe('no roster sheet: NO_ROSTER', () => {
  function noRoster(sheets: RawSheet[]): LoadError {
    try {
      normaliseSheets(sheets);
    } catch (error) {
      expect(error).toBeInstanceOf(LoadError);
      return error as LoadError;
    }
    throw new Error('normalise did not fail');
  }

  test('the error lists the sheets and the headers found, and the headers expected', () => {
    const error = noRoster([
      rawSheet('产品', [['产品名称', '单价', '数量'], ['苹果', 3, 10]]),
      rawSheet('空白', []),
    ]);
    expect(error.code).toBe('NO_ROSTER');
    for (const text of [error.text.zh, error.text.en]) {
      expect(text).toContain('产品');
      expect(text).toContain('产品名称');
      expect(text).toContain('空白');
      expect(text).toContain('身份证号');
      expect(text).toContain('county.xlsx');
    }
  });

  test('a workbook with no sheet', () => {
    expect(noRoster([]).code).toBe('NO_ROSTER');
  });

  test('a village sheet alone is no roster', () => {
    const [villages] = RosterBuilder.baseline().build().sheets;
    const error = noRoster([villages]);
    expect(error.code).toBe('NO_ROSTER');
    expect(error.text.zh).toContain('村庄');
  });
});
