// The roll-up for Excel and WPS: one row per county, prefecture, province and the total, told
// apart by the level column. UTF-8 with a BOM, CRLF, RFC 4180 quoting, no cell a spreadsheet
// would run as a formula. Figures are plain numbers: shares in percent to one decimal.
import { spreadsheetSafe } from '../../reporters/spreadsheet-safe.js';
import { CATEGORIES, type Lang } from '../../types.js';
import type { Level, StatsData, StatsRow, TeamSize } from './data.js';

const BOM = '\uFEFF';
const CRLF = '\r\n';

export const CSV_LEVEL_WORDS: Readonly<Record<Lang, Readonly<Record<Level, string>>>> = {
  zh: { county: '县', prefecture: '市', province: '省', total: '合计' },
  en: { county: 'county', prefecture: 'prefecture', province: 'province', total: 'total' },
};

const HEADER = {
  zh: {
    level: '层级', province: '省', city: '市', name: '名称', code: '县代码', keyCounty: '重点帮扶县', counties: '县数', keyCounties: '重点帮扶县数',
    villages: '村数', category: (c: string) => (c === '其他' ? '其他村数' : `${c}数`), teams: '工作队数', activeCadres: '在岗干部数', firstSecretaries: '第一书记数',
    withTeam: '有工作队的脱贫村数', withFirstSecretary: '有第一书记的脱贫村数',
    shareWithTeam: '脱贫村有工作队占比(%)', shareWithFirstSecretary: '脱贫村有第一书记占比(%)',
    members: '工作队在岗人数', average: '队均人数',
    size: (who: string) => [`${who}工作队数`, `${who}工作队在岗人数`, `${who}队均人数`],
    key: '重点帮扶县', other: '其他县',
    errors: '错误', warnings: '警告', infos: '提示', findings: '问题合计', perHundred: '每百村错误数', rule: (id: string) => `规则:${id}`,
    yes: '是', no: '否',
  },
  en: {
    level: 'level', province: 'province', city: 'prefecture', name: 'name', code: 'county code', keyCounty: 'key county', counties: 'counties', keyCounties: 'key counties',
    villages: 'villages', category: (c: string) => `villages ${c}`, teams: 'teams', activeCadres: 'active cadres', firstSecretaries: 'first secretaries',
    withTeam: '脱贫村 with a team', withFirstSecretary: '脱贫村 with a first secretary',
    shareWithTeam: '脱贫村 with a team (%)', shareWithFirstSecretary: '脱贫村 with a first secretary (%)',
    members: 'team members', average: 'average team',
    size: (who: string) => [`${who}teams`, `${who}team members`, `${who}average team`],
    key: 'key-county ', other: 'other-county ',
    errors: 'errors', warnings: 'warnings', infos: 'infos', findings: 'findings', perHundred: 'errors per 100 villages', rule: (id: string) => `rule:${id}`,
    yes: 'yes', no: 'no',
  },
} as const;

const fixed = (value: number | null, digits: number): string => (value === null ? '' : value.toFixed(digits));
const percent = (value: number | null): string => (value === null ? '' : (value * 100).toFixed(1));
const size = (s: TeamSize): string[] => [String(s.teams), String(s.members), fixed(s.average, 2)];

/**
 * The columns, in order: the same for every level and every run with the same rules. (The count
 * of 脱贫村 is its category's column; the teams of all counties are the teams column.)
 */
export function csvHeader(data: StatsData, lang: Lang): string[] {
  const h = HEADER[lang];
  return [
    h.level, h.province, h.city, h.name, h.code, h.keyCounty, h.counties, h.keyCounties,
    h.villages, ...CATEGORIES.map(h.category), h.teams, h.activeCadres, h.firstSecretaries,
    h.withTeam, h.withFirstSecretary, h.shareWithTeam, h.shareWithFirstSecretary,
    h.members, h.average, ...h.size(h.key), ...h.size(h.other),
    h.errors, h.warnings, h.infos, h.findings, h.perHundred,
    ...Object.keys(data.total.findings.byRule).map(h.rule),
  ];
}

function csvRow(row: StatsRow, lang: Lang): string[] {
  const h = HEADER[lang];
  return [
    CSV_LEVEL_WORDS[lang][row.level],
    row.province,
    row.city,
    row.level === 'total' ? CSV_LEVEL_WORDS[lang].total : row.name,
    row.code ?? '',
    row.keyCounty === null ? '' : row.keyCounty ? h.yes : h.no,
    String(row.counties),
    String(row.keyCounties),
    String(row.villages),
    ...CATEGORIES.map((c) => String(row.villagesByCategory[c])),
    String(row.teams),
    String(row.activeCadres),
    String(row.firstSecretaries),
    String(row.tuopin.withTeam),
    String(row.tuopin.withFirstSecretary),
    percent(row.tuopin.shareWithTeam),
    percent(row.tuopin.shareWithFirstSecretary),
    String(row.teamSize.all.members),
    fixed(row.teamSize.all.average, 2),
    ...size(row.teamSize.keyCounties),
    ...size(row.teamSize.otherCounties),
    String(row.findings.bySeverity.error),
    String(row.findings.bySeverity.warning),
    String(row.findings.bySeverity.info),
    String(row.findings.total),
    fixed(row.errorsPerHundredVillages, 2),
    ...Object.values(row.findings.byRule).map(String),
  ];
}

/** RFC 4180: quoted when it holds a quote, a comma or a line break; quotes doubled. */
function csvField(value: string): string {
  const safe = spreadsheetSafe(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderCsv(data: StatsData, lang: Lang): string {
  const rows = [...data.counties, ...data.prefectures, ...data.provinces, data.total].map((row) => csvRow(row, lang));
  return BOM + [csvHeader(data, lang), ...rows].map((row) => row.map(csvField).join(',') + CRLF).join('');
}
