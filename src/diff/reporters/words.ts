// The diff's words in both languages, shared by its stylish and markdown reports.
import { maskIdNumber, maskPii } from '../../reporters/pii.js';
import type { RenderOptions } from '../../reporters/render.js';
import type { Lang } from '../../types.js';
import type { DiffReport, FieldChange, PersonChange, RowRef, TeamChange, VillageChange, VillageEvent, VillageRef } from '../types.js';

export const DIFF_WORDS = {
  zh: {
    title: (previous: string, current: string) => `名册变化: ${previous} → ${current}`,
    asOf: (date: string) => `截止日期 ${date}`,
    people: '人员',
    joined: '新增',
    left: '离开',
    moved: '调整到其他村',
    changed: '信息变更',
    teams: '工作队在岗人数变化',
    villages: '村的工作队和第一书记变化',
    findings: '问题',
    new: '新出现',
    fixed: '已整改',
    open: '仍存在',
    none: '无',
    persons: (n: number) => `${n} 人`,
    teamCount: (n: number) => `${n} 支`,
    villageCount: (n: number) => `${n} 个村`,
    findingCount: (n: number) => `${n} 个`,
    row: (row: number) => `第${row}行`,
    previousRow: (row: number) => `原第${row}行`,
    team: (change: TeamChange) => (change.teamId === null ? '(按村)' : change.teamId),
    teamChange: { formed: '新组建', dissolved: '撤销', resized: '调整' },
    size: (before: number, after: number) => `在岗 ${before} → ${after} 人`,
    events: {
      added: '新列入村庄表',
      removed: '从村庄表删除',
      'gained-team': '增加工作队',
      'lost-team': '减少工作队',
      'gained-first-secretary': '增加第一书记',
      'lost-first-secretary': '减少第一书记',
    } as Record<VillageEvent, string>,
    counts: (teams: string, secretaries: string) => `工作队 ${teams},第一书记 ${secretaries}`,
    unkeyed: (previous: number, current: number) => `没有身份证号的行无法比对(上次 ${previous} 行,本次 ${current} 行)`,
    total: (r: DiffReport) =>
      `人员: 新增 ${r.joined.length}、离开 ${r.left.length}、调整村 ${r.moved.length}、信息变更 ${r.changed.length};工作队变化 ${r.teams.length} 支;村变化 ${r.villages.length} 个;问题: 新出现 ${r.findings.new.length}、已整改 ${r.findings.fixed.length}、仍存在 ${r.findings.open.length}`,
    separator: ';',
  },
  en: {
    title: (previous: string, current: string) => `Roster changes: ${previous} → ${current}`,
    asOf: (date: string) => `as of ${date}`,
    people: 'People',
    joined: 'joined',
    left: 'left',
    moved: 'moved to another village',
    changed: 'changed',
    teams: 'Teams whose active strength changed',
    villages: 'Villages that gained or lost a team or a first secretary',
    findings: 'Findings',
    new: 'new',
    fixed: 'fixed',
    open: 'still open',
    none: 'none',
    persons: (n: number) => `${n}`,
    teamCount: (n: number) => `${n}`,
    villageCount: (n: number) => `${n}`,
    findingCount: (n: number) => `${n}`,
    row: (row: number) => `row ${row}`,
    previousRow: (row: number) => `was row ${row}`,
    team: (change: TeamChange) => (change.teamId === null ? '(by village)' : change.teamId),
    teamChange: { formed: 'formed', dissolved: 'dissolved', resized: 'resized' },
    size: (before: number, after: number) => `active ${before} → ${after}`,
    events: {
      added: 'added to the village sheet',
      removed: 'removed from the village sheet',
      'gained-team': 'gained a team',
      'lost-team': 'lost a team',
      'gained-first-secretary': 'gained a first secretary',
      'lost-first-secretary': 'lost a first secretary',
    } as Record<VillageEvent, string>,
    counts: (teams: string, secretaries: string) => `teams ${teams}, first secretaries ${secretaries}`,
    unkeyed: (previous: number, current: number) => `rows without an ID number cannot be compared (${previous} before, ${current} now)`,
    total: (r: DiffReport) =>
      `people: ${r.joined.length} joined, ${r.left.length} left, ${r.moved.length} moved, ${r.changed.length} changed; ${r.teams.length} team(s) changed; ${r.villages.length} village(s) changed; findings: ${r.findings.new.length} new, ${r.findings.fixed.length} fixed, ${r.findings.open.length} still open`,
    separator: '; ',
  },
} as const;

export type DiffWords = (typeof DIFF_WORDS)[Lang];

export function idText(id: string, options: RenderOptions): string {
  return options.showPii ? id : maskIdNumber(id);
}

export function villageText(village: VillageRef): string {
  return village.village === '' ? village.villageCode : `${village.village}(${village.villageCode})`;
}

export function rowText(ref: RowRef | null, words: DiffWords): string {
  return ref ? `${ref.sheet} ${words.row(ref.row)}` : '';
}

/** Where the person is now, and where they were when the row moved. */
export function rowsText(change: PersonChange, words: DiffWords): string {
  const { previous, current } = change.rows;
  if (!current) return previous ? `${previous.sheet} ${words.previousRow(previous.row)}` : '';
  if (!previous || previous.row === current.row) return rowText(current, words);
  return `${rowText(current, words)} (${words.previousRow(previous.row)})`;
}

export function fieldsText(fields: readonly FieldChange[], words: DiffWords, options: RenderOptions): string {
  const show = (value: string) => (options.showPii ? value : maskPii(value)) || '—';
  return fields.map((field) => `${field.column}: ${show(field.before)} → ${show(field.after)}`).join(words.separator);
}

export function villageEventsText(change: VillageChange, words: DiffWords): string {
  const events = change.events.map((event) => words.events[event]).join(words.separator);
  const counts = words.counts(`${change.teams.before} → ${change.teams.after}`, `${change.firstSecretaries.before} → ${change.firstSecretaries.after}`);
  return `${events} (${counts})`;
}
