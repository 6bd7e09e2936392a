// The example row of each template sheet: a plausible, valid row (so that copying it gives no
// finding), marked 示例 in its 序号 cell, which the normaliser skips. The people are invented.
import { checkCharacter } from '../checks/gb11643.js';
import type { CadreKey, VillageKey } from '../types.js';

/** Text, a date (YYYY-MM-DD, written as a date cell), or blank. */
export type ExampleValue = string | { readonly date: string } | null;

/** What marks the row as an example: src/normalise/rows.ts skips a row whose 序号 is 示例, 样例 or 例. */
export const EXAMPLE_MARK = '示例';

const ID_BODY = '53082819850615013';
/** An invented ID number with a right check character: a man born 1985-06-15. */
export const EXAMPLE_ID_NUMBER = ID_BODY + checkCharacter(ID_BODY);

export const VILLAGE_EXAMPLE: Readonly<Record<VillageKey, ExampleValue>> = {
  province: '云南省',
  city: '普洱市',
  county: '澜沧拉祜族自治县',
  countyCode: '530828',
  township: '勐朗镇',
  village: '唐胜村',
  villageCode: '530828100201',
  categories: '脱贫村',
  relocationScale: null,
  keyCounty: '是',
  lightTask: '否',
  coveringTeam: null,
};

export const CADRE_EXAMPLE: Readonly<Record<CadreKey, ExampleValue>> = {
  name: '张明',
  gender: '男',
  idNumber: EXAMPLE_ID_NUMBER,
  birthDate: { date: '1985-06-15' },
  politicalStatus: '中共党员',
  partyJoinDate: { date: '2008-07-01' },
  unit: '云南省农业农村厅',
  unitLevel: '省',
  post: '四级调研员',
  role: '第一书记兼队长',
  teamId: 'T01',
  villageCode: '530828100201',
  village: '唐胜村',
  startDate: { date: '2025-03-01' },
  endDate: null,
  status: '在岗',
  filed: '是',
  phone: '13900001234',
  partyFullDate: { date: '2009-07-01' },
  workStartDate: { date: '2007-08-01' },
  fullTime: '是',
  partyRelationMoved: '是',
};
