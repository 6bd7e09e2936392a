// A real RunResult for the reporter tests: a small roster built in memory, run through the real
// normalise → check pipeline, with the defects every format has to show (and mask, and escape).
import { checkCharacter } from '../../src/checks/gb11643.js';
import { checkRun } from '../../src/engine/index.js';
import { normaliseRoster } from '../../src/normalise/index.js';
import type { ReporterOptions } from '../../src/reporters/index.js';
import { loadRuleSet } from '../../src/ruleset/index.js';
import type { LoadedRoster, RawCell, RosterResult, RunResult, WaiverReport } from '../../src/types.js';

export const AS_OF = '2026-11-27';
export const ROSTER_PATH = 'rosters/威宁县 名册#1.xlsx';
export const FAILED_PATH = 'rosters/加密,名册.xlsx';

/** A valid GB 11643 number: region, birth date, sequence (odd for men), check character. */
export function idNumber(birth: string, sequence: string): string {
  const first17 = `520526${birth}${sequence}`;
  return first17 + checkCharacter(first17);
}

/** The same number with a wrong check character: quoted in full by id-number-valid. */
export const BAD_ID = (() => {
  const valid = idNumber('19850315', '002');
  return valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
})();
export const GOOD_ID = idNumber('19800101', '011');
/** A mobile number typed into 备案情况: value-format quotes it. */
export const STRAY_PHONE = '13812345678';
export const LISTED_PHONE = '13987654321';

/** Cadre names that are formulas to a spreadsheet; filing-recorded messages start with them. */
export const FORMULA_NAMES = ['=HYPERLINK("http://x")', '+1', '-1', '@SUM(A1)'];
/** A name that puts %, comma and colon into a message. */
export const PUNCTUATED_NAME = 'Li, 50%: x';

export const VILLAGES = { xuelin: '520526100201', shimen: '520526100202', huayuan: '520526100203' };

const VILLAGE_HEADER = ['省', '市', '县', '乡镇', '村', '村代码', '村类型', '是否国家乡村振兴重点帮扶县'];
const village = (name: string, code: string, category: string, key: string): RawCell[] => [
  '贵州省',
  '毕节市',
  '威宁县',
  '雪山镇',
  name,
  code,
  category,
  key,
];

const CADRE_HEADER = [
  '姓名',
  '性别',
  '身份证号',
  '政治面貌',
  '入党时间',
  '派出单位',
  '派出单位层级',
  '驻村职务',
  '工作队编号',
  '所驻村代码',
  '驻村时间',
  '在岗状态',
  '备案情况',
  '联系电话',
];

interface CadreRow {
  name: string;
  gender: '男' | '女';
  id: string;
  party?: boolean;
  role?: string;
  team: string;
  village: string;
  start?: string;
  filed?: string;
  phone?: string;
}

const cadre = (c: CadreRow): RawCell[] => [
  c.name,
  c.gender,
  c.id,
  c.party === false ? '群众' : '中共党员',
  c.party === false ? null : '2005-01-01',
  '威宁县农业农村局',
  '县',
  c.role ?? '队员',
  c.team,
  c.village,
  c.start ?? '2025-03-01',
  '在岗',
  c.filed ?? '是',
  c.phone ?? null,
];

const CADRES: CadreRow[] = [
  // 雪林村, a 脱贫村 in a key county: a team of three (key-county-reinforced wants four).
  { name: '张伟', gender: '男', id: GOOD_ID, role: '第一书记兼队长', team: 'T-01', village: VILLAGES.xuelin, phone: LISTED_PHONE },
  { name: '李娜', gender: '女', id: BAD_ID, team: 'T-01', village: VILLAGES.xuelin },
  { name: '王强', gender: '男', id: idNumber('19900202', '031'), party: false, team: 'T-01', village: VILLAGES.xuelin, filed: STRAY_PHONE },
  // 花园村 (其他): people whose names a spreadsheet would run, none of them filed.
  ...[...FORMULA_NAMES, PUNCTUATED_NAME].map(
    (name, index): CadreRow => ({
      name,
      gender: '男',
      id: idNumber('19860303', `0${index + 1}1`),
      role: index === 0 ? '第一书记兼队长' : '队员',
      team: 'T-03',
      village: VILLAGES.huayuan,
      start: index === 0 ? '2023-01-01' : '2025-03-01',
      filed: '否',
    }),
  ),
];

export interface RosterShape {
  /** Title rows above each sheet's header: every row moves down by this many. */
  readonly titleRows?: number;
}

export function loadedRoster(shape: RosterShape = {}): LoadedRoster {
  const titles = (text: string): RawCell[][] => Array.from({ length: shape.titleRows ?? 0 }, () => [text]);
  return {
    path: ROSTER_PATH,
    sheets: [
      {
        file: ROSTER_PATH,
        name: '村庄',
        merges: [],
        rows: [
          ...titles('威宁县派驻村名单'),
          VILLAGE_HEADER,
          village('雪林村', VILLAGES.xuelin, '脱贫村', '是'),
          village('石门村', VILLAGES.shimen, '脱贫村', '否'),
          village('花园村', VILLAGES.huayuan, '其他', '否'),
        ],
      },
      {
        file: ROSTER_PATH,
        name: '驻村干部',
        merges: [],
        rows: [...titles('威宁县驻村第一书记和工作队员花名册'), CADRE_HEADER, ...CADRES.map(cadre)],
      },
    ],
  };
}

const ruleSet = loadRuleSet();

export const FAILED_ROSTER: RosterResult = {
  path: FAILED_PATH,
  failure: {
    code: 'ENCRYPTED',
    message: { zh: `${FAILED_PATH}: 文件已加密,请另存为未加密的工作簿`, en: `${FAILED_PATH}: the file is encrypted; save it without a password` },
  },
  notChecked: [],
  findings: [],
  waived: [],
  notices: [],
};

export interface RunShape extends RosterShape {
  /** Add the roster that could not be read. */
  readonly failed?: boolean;
}

/** The run over the roster (and the failed one, when asked). */
export function runResult(shape: RunShape = {}): RunResult {
  const roster = normaliseRoster(loadedRoster(shape), { keyCounties: ruleSet.keyCounties });
  const [verdict] = checkRun([roster], ruleSet.rules, { kind: 'date', year: 2026, month: 11, day: 27 });
  const checked: RosterResult = { path: ROSTER_PATH, failure: null, waived: [], ...verdict };
  return {
    tool: { name: 'zhucun', version: '0.1.0' },
    asOf: AS_OF,
    rules: ruleSet.rules,
    rosters: shape.failed ? [checked, FAILED_ROSTER] : [checked],
    waivers: [],
  };
}

export const WAIVER: WaiverReport = {
  rule: 'tuopin-village-first-secretary',
  document: '威组通〔2026〕12号',
  approvedBy: '威宁县委组织部',
  reason: '石门村合并,第一书记待派',
  expires: '2027-06-30',
  state: 'live',
  matched: 1,
  at: 'zhucun.config.yaml:7',
};

/** The run with the findings of WAIVER's rule moved to `waived`, as a live waiver does. */
export function waivedRun(shape: RunShape = {}): RunResult {
  const result = runResult(shape);
  return {
    ...result,
    rosters: result.rosters.map((roster) => ({
      ...roster,
      findings: roster.findings.filter((f) => f.ruleId !== WAIVER.rule),
      waived: roster.findings.filter((f) => f.ruleId === WAIVER.rule),
    })),
    waivers: [WAIVER],
  };
}

export function options(overrides: Partial<ReporterOptions> = {}): ReporterOptions {
  return { lang: 'zh', showPii: false, color: false, ...overrides };
}

/** A full 18-character ID number or an 11-digit mobile, not part of a longer number. */
export const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
export const FULL_MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

export function text(output: string | Uint8Array): string {
  return typeof output === 'string' ? output : new TextDecoder('utf-8', { ignoreBOM: true }).decode(output);
}
