// The roll-up as tables of text in the chosen language: laid out by the stylish, Markdown and HTML
// formats alike, so that they show the same figures under the same headings.
import { CATEGORIES, type Category, type Lang } from '../../types.js';
import type { StatsData, StatsRow, TeamSize } from './data.js';

export interface Table {
  /** A stable name: `counties`, `prefectures`, `provinces`, `team-size`, `rules`, `ranking`. */
  readonly id: string;
  readonly title: string;
  readonly header: readonly string[];
  /** Which columns hold figures (right-aligned). */
  readonly numeric: readonly boolean[];
  readonly rows: readonly (readonly string[])[];
  /** The last row is a total (合计). */
  readonly totalRow: boolean;
}

const CATEGORY_WORDS: Readonly<Record<Lang, Readonly<Record<Category, string>>>> = {
  zh: { 脱贫村: '脱贫村', 易地扶贫搬迁安置村: '搬迁安置村', 乡村振兴任务重的村: '任务重村', 党组织软弱涣散村: '软弱涣散村', 其他: '其他村' },
  en: { 脱贫村: '脱贫村', 易地扶贫搬迁安置村: 'relocation', 乡村振兴任务重的村: 'heavy task', 党组织软弱涣散村: 'weak org.', 其他: 'other' },
};

export const STATS_WORDS = {
  zh: {
    title: '驻村第一书记和工作队统计',
    asOf: (date: string) => `截至 ${date}`,
    rosters: (data: StatsData) =>
      `名册 ${data.rosters.total} 份` +
      (data.rosters.failed.length ? `,其中 ${data.rosters.failed.length} 份无法读取(未计入统计)` : '') +
      (data.rosters.skipped ? `;跳过非名册文件 ${data.rosters.skipped} 个` : ''),
    overview: (t: StatsRow) =>
      `${t.counties} 个县(其中国家乡村振兴重点帮扶县 ${t.keyCounties} 个),${t.villages} 个村,工作队 ${t.teams} 支,在岗驻村干部 ${t.activeCadres} 人,第一书记 ${t.firstSecretaries} 人`,
    tables: {
      counties: '按县统计',
      prefectures: '按市(州)统计',
      provinces: '按省统计',
      teamSize: '工作队平均在岗人数:重点帮扶县与其他县',
      rules: '问题按规则统计',
      ranking: '各县每百村错误数排名',
    },
    code: '县代码',
    county: '县',
    prefecture: '市(州)',
    province: '省',
    counties: '县数',
    key: '重点县',
    yes: '是',
    villages: '村',
    teams: '工作队',
    activeCadres: '在岗干部',
    firstSecretaries: '第一书记',
    withTeam: '脱贫村有工作队',
    withFirstSecretary: '脱贫村有第一书记',
    average: '队均人数',
    errors: '错误',
    warnings: '警告',
    infos: '提示',
    total: '合计',
    keyTeams: '重点县工作队',
    keyAverage: '重点县队均人数',
    otherTeams: '其他县工作队',
    otherAverage: '其他县队均人数',
    rule: '规则',
    ruleTitle: '名称',
    count: '数量',
    rank: '名次',
    perHundred: '每百村错误',
    none: '—',
    failed: '无法读取的名册',
    unattributed: (n: number) => `另有 ${n} 个问题所在名册无县级数据,未计入各县`,
    noFindings: '未发现问题',
  },
  en: {
    title: 'Village work teams and first secretaries: roll-up',
    asOf: (date: string) => `as of ${date}`,
    rosters: (data: StatsData) =>
      `${data.rosters.total} roster(s)` +
      (data.rosters.failed.length ? `, ${data.rosters.failed.length} could not be read (not counted)` : '') +
      (data.rosters.skipped ? `; ${data.rosters.skipped} file(s) skipped as not rosters` : ''),
    overview: (t: StatsRow) =>
      `${t.counties} counties (${t.keyCounties} national key-assistance counties), ${t.villages} villages, ${t.teams} teams, ${t.activeCadres} active cadres, ${t.firstSecretaries} first secretaries`,
    tables: {
      counties: 'By county',
      prefectures: 'By prefecture',
      provinces: 'By province',
      teamSize: 'Average active members per team: key-assistance counties and the others',
      rules: 'Findings by rule',
      ranking: 'Counties by errors per hundred villages',
    },
    code: 'code',
    county: 'county',
    prefecture: 'prefecture',
    province: 'province',
    counties: 'counties',
    key: 'key county',
    yes: 'yes',
    villages: 'villages',
    teams: 'teams',
    activeCadres: 'active cadres',
    firstSecretaries: 'first secretaries',
    withTeam: '脱贫村 with a team',
    withFirstSecretary: '脱贫村 with a first secretary',
    average: 'avg. team',
    errors: 'errors',
    warnings: 'warnings',
    infos: 'infos',
    total: 'total',
    keyTeams: 'key-county teams',
    keyAverage: 'key-county avg.',
    otherTeams: 'other teams',
    otherAverage: 'other avg.',
    rule: 'rule',
    ruleTitle: 'title',
    count: 'count',
    rank: 'rank',
    perHundred: 'errors per 100 villages',
    none: '—',
    failed: 'Rosters that could not be read',
    unattributed: (n: number) => `${n} more finding(s) are in rosters without county figures and in no county's row`,
    noFindings: 'no findings',
  },
} as const;

/** 66.7% (2/3), or — without 脱贫村. */
export function shareText(part: number, whole: number, share: number | null, lang: Lang): string {
  if (share === null) return STATS_WORDS[lang].none;
  const percent = `${(share * 100).toFixed(1)}%`;
  return lang === 'zh' ? `${percent}(${part}/${whole})` : `${percent} (${part}/${whole})`;
}

export function averageText(size: TeamSize, lang: Lang): string {
  return size.average === null ? STATS_WORDS[lang].none : size.average.toFixed(2);
}

/** The figures every level's table shows, after its own name columns. */
function figureHeader(lang: Lang): string[] {
  const w = STATS_WORDS[lang];
  return [w.villages, ...CATEGORIES.map((c) => CATEGORY_WORDS[lang][c]), w.teams, w.activeCadres, w.firstSecretaries, w.withTeam, w.withFirstSecretary, w.average, w.errors, w.warnings, w.infos];
}

function figureCells(row: StatsRow, lang: Lang): string[] {
  const t = row.tuopin;
  return [
    String(row.villages),
    ...CATEGORIES.map((c) => String(row.villagesByCategory[c])),
    String(row.teams),
    String(row.activeCadres),
    String(row.firstSecretaries),
    shareText(t.withTeam, t.villages, t.shareWithTeam, lang),
    shareText(t.withFirstSecretary, t.villages, t.shareWithFirstSecretary, lang),
    averageText(row.teamSize.all, lang),
    String(row.findings.bySeverity.error),
    String(row.findings.bySeverity.warning),
    String(row.findings.bySeverity.info),
  ];
}

const FIGURES = 1 + CATEGORIES.length + 3 + 3 + 3;

function levelTable(id: string, title: string, names: string[], rows: readonly StatsRow[], nameCells: (row: StatsRow) => string[], data: StatsData, lang: Lang): Table {
  const totalNames = names.map((_, index) => (index === 0 ? STATS_WORDS[lang].total : ''));
  // A names column that counts (县数) is a figure; so is every figure column.
  const numeric = [...names.map((name) => name === STATS_WORDS[lang].counties), ...Array<boolean>(FIGURES).fill(true)];
  const totalRow = nameCells(data.total).map((cell, index) => (names[index] === STATS_WORDS[lang].counties ? cell : totalNames[index]));
  return {
    id,
    title,
    header: [...names, ...figureHeader(lang)],
    numeric,
    rows: [...rows.map((row) => [...nameCells(row), ...figureCells(row, lang)]), [...totalRow, ...figureCells(data.total, lang)]],
    totalRow: true,
  };
}

export function statsTables(data: StatsData, lang: Lang): Table[] {
  const w = STATS_WORDS[lang];
  const counties = levelTable('counties', w.tables.counties, [w.code, w.county, w.prefecture, w.key], data.counties, (row) => [row.code ?? '', row.name, row.city, row.keyCounty ? w.yes : ''], data, lang);
  const prefectures = levelTable('prefectures', w.tables.prefectures, [w.prefecture, w.province, w.counties], data.prefectures, (row) => [row.name, row.province, String(row.counties)], data, lang);
  const provinces = levelTable('provinces', w.tables.provinces, [w.province, w.counties], data.provinces, (row) => [row.name, String(row.counties)], data, lang);
  const teamSizeRow = (name: string, row: StatsRow) => [
    name,
    String(row.teamSize.keyCounties.teams),
    averageText(row.teamSize.keyCounties, lang),
    String(row.teamSize.otherCounties.teams),
    averageText(row.teamSize.otherCounties, lang),
  ];
  const teamSize: Table = {
    id: 'team-size',
    title: w.tables.teamSize,
    header: [w.province, w.keyTeams, w.keyAverage, w.otherTeams, w.otherAverage],
    numeric: [false, true, true, true, true],
    rows: [...data.provinces.map((row) => teamSizeRow(row.name, row)), teamSizeRow(w.total, data.total)],
    totalRow: true,
  };
  const titles = new Map(data.rules.map((rule) => [rule.id, rule.title]));
  const counted = Object.entries(data.total.findings.byRule)
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  const rules: Table = {
    id: 'rules',
    title: w.tables.rules,
    header: [w.rule, w.ruleTitle, w.count],
    numeric: [false, false, true],
    rows: [...counted.map(([id, count]) => [id, titles.get(id) ?? '', String(count)]), [w.total, '', String(data.total.findings.total)]],
    totalRow: true,
  };
  const ranking: Table = {
    id: 'ranking',
    title: w.tables.ranking,
    header: [w.rank, w.code, w.county, w.prefecture, w.province, w.villages, w.errors, w.perHundred],
    numeric: [true, false, false, false, false, true, true, true],
    rows: data.ranking.map((county) => [
      String(county.rank),
      county.code,
      county.name,
      county.city,
      county.province,
      String(county.villages),
      String(county.errors),
      county.errorsPerHundredVillages === null ? w.none : county.errorsPerHundredVillages.toFixed(2),
    ]),
    totalRow: false,
  };
  return [counties, prefectures, provinces, teamSize, rules, ranking];
}

/** 驻村第一书记和工作队统计(截至 2026-11-27) */
export function headline(data: StatsData, lang: Lang): string {
  const w = STATS_WORDS[lang];
  return lang === 'zh' ? `${w.title}(${w.asOf(data.asOf)})` : `${w.title} (${w.asOf(data.asOf)})`;
}

/** A roster that could not be read: its path, then why (once, when the message names it already). */
export function failureText(failed: StatsData['rosters']['failed'][number]): string {
  return failed.message.startsWith(failed.path) ? failed.message : `${failed.path}: ${failed.message}`;
}
