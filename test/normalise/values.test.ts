import { describe, expect, test } from 'vitest';
import type { RawCell } from '../../src/types.js';
import { normalise, RosterBuilder } from '../helpers/roster-builder.js';
import { cadreRows, villageRows } from '../helpers/rows.js';

// Cell values: dates in every spelling of roster-format.md, yes/no spellings, multi-value cells,
// and "did you mean" suggestions. Each case is one cell of an added cadre (or village) row.
function cadreCell(header: string, value: RawCell) {
  const builder = RosterBuilder.baseline();
  builder.addCadre({ [header]: value });
  return cadreRows(normalise(builder))[4].fields;
}

function villageCell(header: string, value: RawCell) {
  const builder = RosterBuilder.baseline();
  builder.addVillage({ [header]: value });
  return villageRows(normalise(builder))[1];
}

const SEPT_1 = { kind: 'date', year: 2021, month: 9, day: 1 };

describe('dates', () => {
  test.each<[string, RawCell]>([
    ['ISO', '2021-09-01'],
    ['slashes, no padding', '2021/9/1'],
    ['slashes, padded', '2021/09/01'],
    ['dots', '2021.09.01'],
    ['dots, no padding', '2021.9.1'],
    ['dots, a month alone', '2021.09'],
    ['dots, a month alone, no padding', '2021.9'],
    ['dashes, a month alone', '2021-09'],
    ['slashes, a month alone', '2021/9'],
    ['年月日', '2021年9月1日'],
    ['年月日, padded', '2021年09月01日'],
    ['年月日 with spaces', '2021 年 9 月 1 日'],
    ['年月', '2021年9月'],
    ['six digits', '202109'],
    ['eight digits', '20210901'],
    ['six digits as a number', 202109],
    ['eight digits as a number', 20210901],
    ['an Excel serial', 44440],
    ['an Excel serial with a time of day', 44440.75],
    ['an Excel serial as text (CSV)', '44440'],
    ['a date cell', { kind: 'date', year: 2021, month: 9, day: 1 }],
    ['full-width digits', '２０２１年９月１日'],
    ['full-width dashes', '２０２１－０９－０１'],
    ['with a time', '2021-09-01 08:30'],
    ['with spaces around', '  2021-09-01  '],
    ['mixed separators', '2021-9/1'],
    ['a padded month, a bare day', '2021-09-1'],
    ['a bare month, a padded day', '2021/9/01'],
  ])('%s: %j is 2021-09-01', (_label, value) => {
    const cell = cadreCell('驻村时间', value).startDate!;
    expect(cell.value).toEqual(SEPT_1);
    expect(cell.problem).toBeUndefined();
  });

  test.each<[string, RawCell]>([
    ['a day that does not exist', '2021-02-30'],
    ['month 13', '2021-13-01'],
    ['a two-digit year', '21-9-1'],
    ['words', '去年九月'],
    ['seven digits', '2021091'],
    ['a three-digit month', '2021-109-1'],
    ['a three-digit day', '2021/9/101'],
    ['a separator at the end', '2021/9/'],
    ['a letter in the day', '2021/9/1a'],
    ['a serial before 1900-03-01', 59],
  ])('%s: %j does not read', (_label, value) => {
    const cell = cadreCell('驻村时间', value).startDate!;
    expect(cell.value).toBeNull();
    expect(cell.problem?.kind).toBe('date');
  });

  test('29 February exists in a leap year only', () => {
    expect(cadreCell('驻村时间', '2024-02-29').startDate?.value).toEqual({ kind: 'date', year: 2024, month: 2, day: 29 });
    expect(cadreCell('驻村时间', '2023-02-29').startDate?.value).toBeNull();
  });

  test('Excel’s serials around its phantom 1900-02-29 and at the turn of a year', () => {
    expect(cadreCell('出生日期', 61).birthDate?.value).toEqual({ kind: 'date', year: 1900, month: 3, day: 1 });
    expect(cadreCell('驻村时间', 45658).startDate?.value).toEqual({ kind: 'date', year: 2025, month: 1, day: 1 });
    expect(cadreCell('驻村时间', 45657).startDate?.value).toEqual({ kind: 'date', year: 2024, month: 12, day: 31 });
  });

  test('a blank date cell is null with no problem', () => {
    const cell = cadreCell('参加工作时间', null).workStartDate!;
    expect(cell).toMatchObject({ raw: '', value: null });
    expect(cell.problem).toBeUndefined();
  });
});

describe('yes/no', () => {
  test.each<[RawCell, boolean]>([
    ['是', true], ['√', true], ['✓', true], ['Y', true], ['y', true], ['YES', true], ['yes', true], [true, true], [' 是 ', true],
    ['否', false], ['N', false], ['n', false], ['NO', false], ['×', false], [false, false], [null, false], ['', false], ['  ', false],
  ])('是否脱产 %j is %s', (value, expected) => {
    const cell = cadreCell('是否脱产', value).fullTime!;
    expect(cell.value).toBe(expected);
    expect(cell.problem).toBeUndefined();
  });

  test.each(['可能', '半脱产', 'X'])('是否脱产 %j does not read', (value) => {
    const cell = cadreCell('是否脱产', value).fullTime!;
    expect(cell.value).toBeNull();
    expect(cell.problem?.kind).toBe('yes-no');
  });

  test.each<[RawCell, boolean]>([['2025-02-20', true], [45708, true], [{ kind: 'date', year: 2025, month: 2, day: 20 }, true], ['否', false], [null, false]])(
    '备案情况 %j (yes, no, or a date, which means yes) is %s',
    (value, expected) => {
      expect(cadreCell('备案情况', value).filed?.value).toBe(expected);
    },
  );
});

describe('multi-value 村类型', () => {
  test.each(['、', '，', ',', ';', '；', '/', '／', ' / '])('separated by 「%s」', (separator) => {
    const village = villageCell('村类型', `脱贫村${separator}易地扶贫搬迁安置社区${separator}软弱涣散村`);
    expect(village.categories).toEqual(['脱贫村', '易地扶贫搬迁安置村', '党组织软弱涣散村']);
    expect(village.fields.categories?.problem).toBeUndefined();
  });

  test('a value given twice is one category', () => {
    expect(villageCell('村类型', '脱贫村、原贫困村').categories).toEqual(['脱贫村']);
  });
});

describe('did you mean', () => {
  test.each([
    ['驻村职务', '对员', '队员'],
    ['驻村职务', '第一书纪', '第一书记'],
    ['驻村职务', '第一书记兼对长', '第一书记兼队长'],
    ['性别', '男性', '男'],
    ['政治面貌', '党员', '中共党员'],
    ['派出单位层级', '市级', '市'],
    ['在岗状态', '在职', '在岗'],
    ['在岗状态', '已召会', '已召回'],
  ])('%s 「%s」: %s?', (header, value, suggestion) => {
    const fields = cadreCell(header, value) as Record<string, { value: unknown; problem?: { kind: string; suggestion?: string } }>;
    const cell = Object.values(fields).find((c) => c.problem)!;
    expect(cell.value).toBeNull();
    expect(cell.problem).toEqual({ kind: 'enum', suggestion });
  });

  test('a misspelt category is suggested by its canonical name', () => {
    expect(villageCell('村类型', '贫困村').fields.categories?.problem).toEqual({ kind: 'enum', suggestion: '脱贫村' });
    expect(villageCell('搬迁安置规模', '全村').fields.relocationScale?.problem).toEqual({ kind: 'enum', suggestion: '整村' });
  });

  test('no suggestion for a word like nothing known', () => {
    const cell = cadreCell('政治面貌', 'xyz').politicalStatus!;
    expect(cell.problem).toEqual({ kind: 'enum' });
  });
});

describe('codes and ID numbers', () => {
  test('a village code with stray spaces and full-width digits', () => {
    expect(cadreCell('所驻村代码', ' ５３０８２８２００２０１ ').villageCode?.value).toBe('530828200201');
  });

  test.each(['53082820020', '5308282002011', '53082820020A'])('a village code 「%s」 is not 12 digits', (code) => {
    expect(cadreCell('所驻村代码', code).villageCode?.problem).toMatchObject({ kind: 'code' });
  });

  test('an ID number stored as a number is marked as having lost digits', () => {
    const cell = cadreCell('身份证号', 520526197202120000).idNumber!;
    expect(cell.lostDigits).toBe(true);
    expect(cell.value).toBe('520526197202120000');
  });

  test('an ID number as text with a lowercase x is upper-cased', () => {
    expect(cadreCell('身份证号', '11010519491231002x').idNumber?.value).toBe('11010519491231002X');
  });
});
