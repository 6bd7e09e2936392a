// The roster's columns: canonical header, accepted aliases, value type, whether required.
// One source of truth for the normaliser, the checks' column names and the template.
import {
  CATEGORIES,
  GENDERS,
  POLITICAL_STATUSES,
  RELOCATION_SCALES,
  ROLES,
  STATUSES,
  UNIT_LEVELS,
  type CadreKey,
  type VillageKey,
} from '../types.js';

export type ValueType =
  | { kind: 'text' }
  | { kind: 'code'; digits: number }
  | { kind: 'id-number' }
  | { kind: 'phone' }
  | { kind: 'date' }
  | { kind: 'yes-no' }
  /** 是/否, or a date, which means 是 (备案时间). */
  | { kind: 'yes-no-or-date' }
  | { kind: 'enum'; values: readonly string[]; spellings?: Readonly<Record<string, string>>; multiple?: boolean };

export interface ColumnSpec<K extends string> {
  readonly key: K;
  readonly header: string;
  readonly aliases: readonly string[];
  readonly type: ValueType;
  readonly required: boolean;
}

const text = { kind: 'text' } as const;
const date = { kind: 'date' } as const;
const yesNo = { kind: 'yes-no' } as const;

const CATEGORY_SPELLINGS: Record<string, string> = {
  原贫困村: '脱贫村',
  已脱贫村: '脱贫村',
  易地扶贫搬迁安置社区: '易地扶贫搬迁安置村',
  易地搬迁安置点: '易地扶贫搬迁安置村',
  搬迁安置村: '易地扶贫搬迁安置村',
  乡村振兴任务重村: '乡村振兴任务重的村',
  任务重的村: '乡村振兴任务重的村',
  软弱涣散村: '党组织软弱涣散村',
  一般村: '其他',
};

export const VILLAGE_COLUMNS: readonly ColumnSpec<VillageKey>[] = [
  { key: 'province', header: '省', aliases: ['省份', '省(区、市)'], type: text, required: true },
  { key: 'city', header: '市', aliases: ['市(州)', '地市'], type: text, required: true },
  { key: 'county', header: '县', aliases: ['县(市、区)', '区县'], type: text, required: true },
  { key: 'countyCode', header: '县代码', aliases: ['县级区划代码'], type: { kind: 'code', digits: 6 }, required: false },
  { key: 'township', header: '乡镇', aliases: ['乡(镇、街道)'], type: text, required: true },
  { key: 'village', header: '村', aliases: ['村(社区)', '村名', '村名称'], type: text, required: true },
  {
    key: 'villageCode',
    header: '村代码',
    aliases: ['统计用区划代码', '村级区划代码'],
    type: { kind: 'code', digits: 12 },
    required: true,
  },
  {
    key: 'categories',
    header: '村类型',
    aliases: ['村类别', '派驻类型'],
    type: { kind: 'enum', values: CATEGORIES, spellings: CATEGORY_SPELLINGS, multiple: true },
    required: true,
  },
  {
    key: 'relocationScale',
    header: '搬迁安置规模',
    aliases: ['安置类型'],
    type: { kind: 'enum', values: RELOCATION_SCALES },
    required: false,
  },
  { key: 'keyCounty', header: '是否国家乡村振兴重点帮扶县', aliases: ['重点帮扶县'], type: yesNo, required: false },
  { key: 'lightTask', header: '巩固任务较轻', aliases: ['是否巩固任务较轻'], type: yesNo, required: false },
  { key: 'coveringTeam', header: '覆盖工作队', aliases: ['负责工作队编号'], type: text, required: false },
];

export const CADRE_COLUMNS: readonly ColumnSpec<CadreKey>[] = [
  { key: 'name', header: '姓名', aliases: [], type: text, required: true },
  { key: 'gender', header: '性别', aliases: [], type: { kind: 'enum', values: GENDERS }, required: true },
  { key: 'idNumber', header: '身份证号', aliases: ['公民身份号码', '身份证号码'], type: { kind: 'id-number' }, required: true },
  { key: 'birthDate', header: '出生年月', aliases: ['出生日期'], type: date, required: false },
  {
    key: 'politicalStatus',
    header: '政治面貌',
    aliases: [],
    type: { kind: 'enum', values: POLITICAL_STATUSES },
    required: true,
  },
  { key: 'partyJoinDate', header: '入党时间', aliases: [], type: date, required: false },
  { key: 'unit', header: '派出单位', aliases: ['选派单位', '派出单位名称'], type: text, required: true },
  {
    key: 'unitLevel',
    header: '派出单位层级',
    aliases: ['单位层级', '选派层级'],
    type: { kind: 'enum', values: UNIT_LEVELS },
    required: true,
  },
  { key: 'post', header: '职务职级', aliases: ['现任职务'], type: text, required: false },
  { key: 'role', header: '驻村职务', aliases: ['驻村身份', '担任职务'], type: { kind: 'enum', values: ROLES }, required: true },
  { key: 'teamId', header: '工作队编号', aliases: [], type: text, required: false },
  { key: 'villageCode', header: '所驻村代码', aliases: ['驻村代码'], type: { kind: 'code', digits: 12 }, required: false },
  { key: 'village', header: '所驻村', aliases: ['驻村名称', '所驻村名称'], type: text, required: false },
  { key: 'startDate', header: '驻村时间', aliases: ['驻村开始时间', '到村时间'], type: date, required: true },
  { key: 'endDate', header: '离村时间', aliases: ['任期届满时间'], type: date, required: false },
  { key: 'status', header: '在岗状态', aliases: ['状态'], type: { kind: 'enum', values: STATUSES }, required: false },
  { key: 'filed', header: '备案情况', aliases: ['是否备案', '备案时间'], type: { kind: 'yes-no-or-date' }, required: false },
  { key: 'phone', header: '联系电话', aliases: ['手机号码'], type: { kind: 'phone' }, required: false },
  { key: 'partyFullDate', header: '转正时间', aliases: [], type: date, required: false },
  { key: 'workStartDate', header: '参加工作时间', aliases: [], type: date, required: false },
  { key: 'fullTime', header: '是否脱产', aliases: [], type: yesNo, required: false },
  {
    key: 'partyRelationMoved',
    header: '党组织关系是否转入',
    aliases: ['党组织关系转入所驻村'],
    type: yesNo,
    required: false,
  },
];

/** Extra header aliases per column key, e.g. from a province's configuration. */
export type ColumnAliases = Readonly<Record<string, readonly string[]>>;
