// A small batch for the roll-up and HTML report tests: four county rosters in two provinces and
// three prefectures, built in memory and run through the real normalise → check pipeline, each
// with its county figures. The figures are small enough to count by hand (see EXPECTED).
import { checkCharacter } from '../../src/checks/gb11643.js';
import { checkRun } from '../../src/engine/index.js';
import { normaliseRoster } from '../../src/normalise/index.js';
import { loadRuleSet } from '../../src/ruleset/index.js';
import { countyStats } from '../../src/stats/county-stats.js';
import type { LoadedRoster, RawCell, RosterResult, RunResult } from '../../src/types.js';

export const AS_OF = '2026-11-27';

/** Names a report must show as text: markup, and a spreadsheet formula (DDE). */
export const SCRIPT_NAME = '<script>alert(1)</script>';
export const FORMULA_NAME = "=cmd|' /C calc'!A0";

interface VillageRow {
  readonly name: string;
  readonly code: string;
  readonly category: string;
}

interface TeamRow {
  readonly village: string;
  readonly team: string;
  /** One cadre per role, all 在岗 unless listed in `recalled`. */
  readonly roles: readonly string[];
  readonly recalled?: number;
  /** Index of the member whose ID number has a wrong check character. */
  readonly badId?: number;
}

interface County {
  readonly path: string;
  readonly province: string;
  readonly city: string;
  readonly county: string;
  readonly code: string;
  readonly key: boolean;
  readonly villages: readonly VillageRow[];
  readonly teams: readonly TeamRow[];
}

const FS = '第一书记兼队长';
const M = '队员';

export const COUNTIES: readonly County[] = [
  {
    // Key county: a full team, a team of three (key-county-reinforced), a 脱贫村 without a team,
    // and a weak-organisation village whose team has no first secretary.
    path: 'rosters/贵州/威宁.xlsx',
    province: '贵州省',
    city: '毕节市',
    county: '威宁彝族回族苗族自治县',
    code: '520526',
    key: true,
    villages: [
      { name: '雪林村', code: '520526100201', category: '脱贫村' },
      { name: '石门村', code: '520526100202', category: '脱贫村' },
      { name: '花园村', code: '520526100203', category: '脱贫村' },
      { name: '团结村', code: '520526100204', category: '党组织软弱涣散村' },
    ],
    teams: [
      { village: '520526100201', team: 'WN-01', roles: [FS, M, M, M] },
      { village: '520526100202', team: 'WN-02', roles: [FS, M, M] },
      { village: '520526100204', team: 'WN-04', roles: ['队长', M, M] },
    ],
  },
  {
    // Key county: a team of three in a 脱贫村, one member recalled (not counted); a village of 其他.
    path: 'rosters/贵州/赫章.xlsx',
    province: '贵州省',
    city: '毕节市',
    county: '赫章县',
    code: '520527',
    key: true,
    villages: [
      { name: '河镇村', code: '520527100101', category: '脱贫村' },
      { name: '平山村', code: '520527100102', category: '其他' },
    ],
    teams: [{ village: '520527100101', team: 'HZ-01', roles: [FS, M, M, M], recalled: 3 }],
  },
  {
    path: 'rosters/贵州/红花岗.xlsx',
    province: '贵州省',
    city: '遵义市',
    county: '红花岗区',
    code: '520302',
    key: false,
    villages: [
      { name: '金鼎村', code: '520302100101', category: '乡村振兴任务重的村' },
      { name: '深溪村', code: '520302100102', category: '脱贫村' },
    ],
    teams: [
      { village: '520302100101', team: 'HHG-01', roles: [FS, M] },
      { village: '520302100102', team: 'HHG-02', roles: [FS, M, M] },
    ],
  },
  {
    // Not a key county: a bad ID number, a 脱贫村 team without a first secretary, a 脱贫村 without
    // a team; two of its villages have names that are markup and a formula.
    path: 'rosters/云南/澜沧.xlsx',
    province: '云南省',
    city: '普洱市',
    county: '澜沧拉祜族自治县',
    code: '530828',
    key: false,
    villages: [
      { name: '糯福村', code: '530828200201', category: '脱贫村' },
      { name: SCRIPT_NAME, code: '530828200202', category: '脱贫村' },
      { name: FORMULA_NAME, code: '530828200203', category: '脱贫村' },
    ],
    teams: [
      { village: '530828200201', team: 'LC-01', roles: [FS, M, M, M], badId: 2 },
      { village: '530828200202', team: 'LC-02', roles: ['队长', M, M] },
    ],
  },
];

/**
 * The figures of each county, counted by hand from COUNTIES (and the findings the rules give them).
 * Findings: WN key-county-reinforced (WN-02, 3 < 4) warning; 花园村 tuopin-village-team and
 * tuopin-village-first-secretary errors; 团结村 weak-org-village-first-secretary error;
 * HZ-01 key-county-reinforced warning (3 active); 澜沧 id-number-valid error, LC-02's village
 * tuopin-village-first-secretary error, the formula village tuopin-village-team and
 * tuopin-village-first-secretary errors.
 */
export const EXPECTED = {
  '520526': {
    villages: 4, tuopin: 3, weak: 1, other: 0, heavy: 0, teams: 3, activeCadres: 10, firstSecretaries: 2, teamMembers: 10,
    tuopinWithTeam: 2, tuopinWithFirstSecretary: 2, errors: 3, warnings: 1,
  },
  '520527': {
    villages: 2, tuopin: 1, weak: 0, other: 1, heavy: 0, teams: 1, activeCadres: 3, firstSecretaries: 1, teamMembers: 3,
    tuopinWithTeam: 1, tuopinWithFirstSecretary: 1, errors: 0, warnings: 1,
  },
  '520302': {
    villages: 2, tuopin: 1, weak: 0, other: 0, heavy: 1, teams: 2, activeCadres: 5, firstSecretaries: 2, teamMembers: 5,
    tuopinWithTeam: 1, tuopinWithFirstSecretary: 1, errors: 0, warnings: 0,
  },
  '530828': {
    villages: 3, tuopin: 3, weak: 0, other: 0, heavy: 0, teams: 2, activeCadres: 7, firstSecretaries: 1, teamMembers: 7,
    tuopinWithTeam: 2, tuopinWithFirstSecretary: 1, errors: 4, warnings: 0,
  },
} as const;

const VILLAGE_HEADER = ['省', '市', '县', '乡镇', '村', '村代码', '村类型', '是否国家乡村振兴重点帮扶县'];
const CADRE_HEADER = ['姓名', '性别', '身份证号', '政治面貌', '入党时间', '派出单位', '派出单位层级', '驻村职务', '工作队编号', '所驻村代码', '驻村时间', '在岗状态', '备案情况'];

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明'];

/** A valid GB 11643 number of the county, unique per person. */
function idNumber(county: string, person: number): string {
  const first17 = `${county}1980${String(1 + (person % 12)).padStart(2, '0')}${String(10 + (person % 18)).padStart(2, '0')}${String(100 + person).slice(-3)}`;
  return first17 + checkCharacter(first17);
}

function wrongCheck(id: string): string {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}

function loaded(county: County, base: number): LoadedRoster {
  const villages: RawCell[][] = county.villages.map((v) => [county.province, county.city, county.county, '城关镇', v.name, v.code, v.category, county.key ? '是' : '否']);
  let person = base;
  const cadres: RawCell[][] = county.teams.flatMap((team) =>
    team.roles.map((role, index) => {
      person += 1;
      const id = idNumber(county.code, person);
      return [
        `${SURNAMES[person % SURNAMES.length]}${GIVEN[(person * 5) % GIVEN.length]}${person}`,
        person % 2 === 0 ? '女' : '男',
        index === team.badId ? wrongCheck(id) : id,
        '中共党员',
        '2005-07-01',
        `${county.county}农业农村局`,
        '县',
        role,
        team.team,
        team.village,
        '2025-03-01',
        index === team.recalled ? '已召回' : '在岗',
        '是',
      ];
    }),
  );
  return {
    path: county.path,
    sheets: [
      { file: county.path, name: '村庄', merges: [], rows: [VILLAGE_HEADER, ...villages] },
      { file: county.path, name: '驻村干部', merges: [], rows: [CADRE_HEADER, ...cadres] },
    ],
  };
}

const ruleSet = loadRuleSet();

export const FAILED_PATH = 'rosters/贵州/加密.xlsx';

export const FAILED_ROSTER: RosterResult = {
  path: FAILED_PATH,
  files: [FAILED_PATH],
  failure: { code: 'ENCRYPTED', message: { zh: `${FAILED_PATH}: 文件已加密`, en: `${FAILED_PATH}: the file is encrypted` } },
  notChecked: [],
  findings: [],
  waived: [],
  notices: [],
  stats: null,
};

export interface BatchShape {
  /** Add a roster that could not be read. */
  readonly failed?: boolean;
  /** Only these counties (by code). */
  readonly only?: readonly string[];
}

/** The batch as check() returns it: every roster with its findings and county figures. */
export function batchResult(shape: BatchShape = {}): RunResult {
  const counties = COUNTIES.filter((county) => !shape.only || shape.only.includes(county.code));
  const rosters = counties.map((county, index) => normaliseRoster(loaded(county, index * 20), { keyCounties: ruleSet.keyCounties }));
  const verdicts = checkRun(rosters, ruleSet.rules, { kind: 'date', year: 2026, month: 11, day: 27 });
  const results: RosterResult[] = rosters.map((roster, index) => ({
    path: roster.path,
    files: [roster.path],
    failure: null,
    waived: [],
    ...verdicts[index],
    stats: countyStats(roster),
  }));
  return {
    tool: { name: 'zhucun', version: '0.1.0' },
    asOf: AS_OF,
    rules: ruleSet.rules,
    rosters: shape.failed ? [...results, FAILED_ROSTER] : results,
    waivers: [],
    skipped: [],
  };
}

/** The batch with a county's name (as its village sheet gives it) replaced: for names that are markup or formulas. */
export function renameCounty(result: RunResult, code: string, county: string): RunResult {
  return {
    ...result,
    rosters: result.rosters.map((roster) => ({
      ...roster,
      stats: roster.stats?.map((stats) => (stats.countyCode === code ? { ...stats, county } : stats)) ?? null,
    })),
  };
}
