// A small builder of in-memory rosters for the rule tests: a valid baseline (one 脱贫村 with a
// valid team of four), helpers to add villages and cadres by column header, and a harness that
// lists every finding as `ruleId@sheet!row:severity`, so a test states all the findings it expects.
import { expect } from 'vitest';
import { checkRun } from '../../src/engine/index.js';
import { normaliseRoster } from '../../src/normalise/index.js';
import { loadRuleSet } from '../../src/ruleset/index.js';
import type { CalendarDate, Finding, LoadedRoster, MergedRange, RawCell, RawSheet, Roster } from '../../src/types.js';

/** A date cell, as a spreadsheet date cell is read. */
export function date(year: number, month: number, day: number): CalendarDate {
  return { kind: 'date', year, month, day };
}

/** The reporting date of every test (截止日期). */
export const AS_OF: CalendarDate = { kind: 'date', year: 2026, month: 11, day: 27 };

export const ruleSet = loadRuleSet();

export const VILLAGE_SHEET = '村庄';
export const CADRE_SHEET = '驻村干部';

export const VILLAGE_HEADERS = [
  '序号', '省', '市', '县', '乡镇', '村', '村代码', '村类型', '搬迁安置规模', '是否国家乡村振兴重点帮扶县', '巩固任务较轻', '覆盖工作队',
];
export const CADRE_HEADERS = [
  '序号', '姓名', '性别', '身份证号', '出生日期', '政治面貌', '入党时间', '转正时间', '派出单位', '派出单位层级', '驻村职务',
  '工作队编号', '所驻村代码', '驻村时间', '在岗状态', '备案情况', '参加工作时间', '是否脱产', '党组织关系是否转入', '联系电话',
];

/** 澜沧拉祜族自治县 (530828) is not in rules/reference/key-counties.csv. */
export const PLAIN_COUNTY = { 省: '云南省', 市: '普洱市', 县: '澜沧拉祜族自治县', code: '530828' } as const;
/** 威宁彝族回族苗族自治县 (520526) is in rules/reference/key-counties.csv. */
export const KEY_COUNTY = { 省: '贵州省', 市: '毕节市', 县: '威宁彝族回族苗族自治县', code: '520526' } as const;

export const BASELINE_VILLAGE_CODE = '530828200201';

/** The rule ids of the catalogue (rule-catalogue.md): a public interface. Other rules may be added. */
export const CATALOGUE_IDS = [
  'tuopin-village-team', 'tuopin-village-first-secretary', 'one-team-per-village', 'relocation-site-staffed',
  'relocation-site-covered', 'priority-village-first-secretary', 'weak-org-village-first-secretary', 'single-first-secretary',
  'team-min-size', 'key-county-reinforced', 'team-has-leader',
  'required-field', 'value-format', 'id-number-valid', 'id-number-consistent', 'cadre-posted-once', 'village-exists',
  'first-secretary-party-member', 'first-secretary-party-standing', 'first-secretary-work-experience', 'full-time-in-village',
  'party-relation-moved', 'filing-recorded', 'tenure-review', 'start-date-plausible',
];
export const BASELINE_TEAM = 'T01';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** A GB 11643 ID number: region, birth date YYYYMMDD, 3-digit sequence (odd: man, even: woman), check character. */
export function makeIdNumber(region: string, birth: string, sequence: number): string {
  const body = `${region}${birth}${String(sequence).padStart(3, '0')}`;
  if (!/^\d{17}$/.test(body)) throw new Error(`makeIdNumber: bad parts ${region} ${birth} ${sequence}`);
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(body[index]), 0);
  return body + CHECK_CHARACTERS[sum % 11];
}

/** The same ID number with a wrong check character. */
export function withWrongCheck(id: string): string {
  const wrong = CHECK_CHARACTERS.split('').find((c) => c !== id[17])!;
  return id.slice(0, 17) + wrong;
}

const NAMES = ['李明', '王芳', '张伟', '赵磊', '刘洋', '陈静', '杨帆', '黄勇', '周涛', '吴敏', '徐强', '孙丽', '马军', '朱红', '胡斌', '郭燕'];
const VILLAGE_NAMES = ['糯福村', '竹塘村', '南岭村', '雪林村', '帕令村', '木戛村', '文东村', '拉巴村', '富东村', '大山村', '团结村', '幸福社区'];

export type Overrides = Readonly<Record<string, RawCell>>;
export type SheetKind = 'villages' | 'cadres';

interface PendingCadre {
  readonly overrides: Overrides;
  readonly person: number;
}

export class RosterBuilder {
  villageHeaders = [...VILLAGE_HEADERS];
  cadreHeaders = [...CADRE_HEADERS];
  villageSheet: string | null = VILLAGE_SHEET;
  readonly villages: Overrides[] = [];
  /** Header text written in the file instead of the builder's own (an alias, a misspelling). */
  private readonly renamed = new Map<string, string>();
  private readonly cadres: PendingCadre[] = [];

  /** `personBase` numbers the people (names, ID numbers) and the villages' codes: give two rosters of one run different bases. */
  constructor(readonly personBase = 0) {}

  /** One 脱贫村 (糯福村, not in a key county) with team T01: a 第一书记兼队长 and three 队员, every value valid. */
  static baseline(personBase = 0): RosterBuilder {
    const builder = new RosterBuilder(personBase);
    builder.addVillage();
    builder.addCadre({ 驻村职务: '第一书记兼队长', 派出单位: '云南省农业农村厅', 派出单位层级: '省' });
    builder.addCadre({ 性别: '女' });
    builder.addCadre({ 派出单位层级: '市', 派出单位: '普洱市财政局' });
    builder.addCadre({ 政治面貌: '群众', 入党时间: null, 转正时间: null, 党组织关系是否转入: null, 派出单位层级: '乡' });
    return builder;
  }

  /** The spreadsheet row of the i-th village (0-based) or cadre: the header is row 1. */
  static rowOf(index: number): number {
    return index + 2;
  }

  /** Adds a village row; returns its spreadsheet row. Defaults: a 脱贫村 of 澜沧, not a key county. */
  addVillage(overrides: Overrides = {}): number {
    const n = this.villages.length;
    const defaults: Record<string, RawCell> = {
      序号: n + 1,
      省: PLAIN_COUNTY.省,
      市: PLAIN_COUNTY.市,
      县: PLAIN_COUNTY.县,
      乡镇: '糯福乡',
      村: VILLAGE_NAMES[n % VILLAGE_NAMES.length],
      村代码: `${PLAIN_COUNTY.code}200${String(201 + this.personBase + n)}`,
      村类型: '脱贫村',
      搬迁安置规模: null,
      是否国家乡村振兴重点帮扶县: '否',
      巩固任务较轻: '否',
      覆盖工作队: null,
    };
    checkHeaders('villages', this.villageHeaders, overrides);
    this.villages.push(merge(defaults, overrides));
    return RosterBuilder.rowOf(n);
  }

  /** Adds a cadre row; returns its spreadsheet row. Defaults: an active 队员 of T01 in the first village. */
  addCadre(overrides: Overrides = {}): number {
    checkHeaders('cadres', this.cadreHeaders, overrides);
    this.cadres.push({ overrides, person: this.personBase + this.cadres.length });
    return RosterBuilder.rowOf(this.cadres.length - 1);
  }

  /** Adds one cadre per role, all of one team (null: no team id) in one village; returns their rows. */
  addTeam(villageCode: string, teamId: string | null, roles: readonly string[], overrides: Overrides = {}): number[] {
    const team: Overrides = teamId !== null || this.cadreHeaders.includes('工作队编号') ? { 工作队编号: teamId } : {};
    return roles.map((role) => this.addCadre({ 所驻村代码: villageCode, ...team, 驻村职务: role, ...overrides }));
  }

  /** The code of the village at a spreadsheet row. */
  villageCodeAt(row: number): string {
    return String(this.villages[row - 2]['村代码']);
  }

  dropColumn(sheet: SheetKind, header: string): this {
    const headers = sheet === 'villages' ? this.villageHeaders : this.cadreHeaders;
    const index = headers.indexOf(header);
    if (index < 0) throw new Error(`dropColumn: no column ${header}`);
    headers.splice(index, 1);
    return this;
  }

  addColumn(sheet: SheetKind, header: string): this {
    (sheet === 'villages' ? this.villageHeaders : this.cadreHeaders).push(header);
    return this;
  }

  /** Writes `to` in the file where the builder's header `from` is; overrides still name `from`. */
  renameColumn(from: string, to: string): this {
    if (!this.villageHeaders.includes(from) && !this.cadreHeaders.includes(from)) throw new Error(`renameColumn: no column ${from}`);
    this.renamed.set(from, to);
    return this;
  }

  /** The value a cadre row will hold in a column (its default when not overridden). */
  cadreCell(row: number, header: string): RawCell {
    const { overrides, person } = this.cadres[row - 2];
    return cadreRow(person, this.villages, overrides)[header] ?? null;
  }

  withoutVillageSheet(): this {
    this.villageSheet = null;
    return this;
  }

  build(path = 'county.xlsx'): LoadedRoster {
    const sheets: RawSheet[] = [];
    if (this.villageSheet !== null) {
      sheets.push(sheet(path, this.villageSheet, this.villageHeaders, this.villages, this.renamed));
    }
    const cadreRows = this.cadres.map(({ overrides, person }) => cadreRow(person, this.villages, overrides));
    sheets.push(sheet(path, CADRE_SHEET, this.cadreHeaders, cadreRows, this.renamed));
    return { path, sheets };
  }
}

function cadreRow(person: number, villages: readonly Overrides[], overrides: Overrides): Overrides {
  const gender = overrides['性别'] === '女' ? '女' : '男';
  const birthYear = 1975 + (person % 15);
  const birth = `${birthYear}0${1 + (person % 9)}1${person % 10}`;
  const idNumber = makeIdNumber(PLAIN_COUNTY.code, birth, 2 * person + (gender === '男' ? 11 : 12));
  const defaults: Record<string, RawCell> = {
    序号: person + 1,
    姓名: NAMES[person % NAMES.length] + (person >= NAMES.length ? String(person) : ''),
    性别: gender,
    身份证号: idNumber,
    出生日期: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    所驻村: villages[0]?.['村'] ?? null,
    政治面貌: '中共党员',
    入党时间: '2005-07-01',
    转正时间: '2006-07-01',
    派出单位: '澜沧县农业农村局',
    派出单位层级: '县',
    驻村职务: '队员',
    工作队编号: BASELINE_TEAM,
    所驻村代码: villages[0]?.['村代码'] ?? BASELINE_VILLAGE_CODE,
    驻村时间: '2025-03-01',
    在岗状态: '在岗',
    备案情况: '是',
    参加工作时间: '2003-08-01',
    是否脱产: '是',
    党组织关系是否转入: '是',
    联系电话: `1388790${String(1000 + person)}`,
  };
  return merge(defaults, overrides);
}

function checkHeaders(kind: SheetKind, headers: readonly string[], overrides: Overrides): void {
  for (const key of Object.keys(overrides)) {
    if (!headers.includes(key)) throw new Error(`no ${kind} column ${key}: add it with addColumn first`);
  }
}

/** Overrides are checked against the headers when a row is added; a column dropped later just drops its cells. */
function merge(defaults: Record<string, RawCell>, overrides: Overrides): Overrides {
  return { ...defaults, ...overrides };
}

function sheet(
  file: string,
  name: string,
  headers: readonly string[],
  rows: readonly Overrides[],
  renamed: ReadonlyMap<string, string>,
): RawSheet {
  return {
    file,
    name,
    rows: [headers.map((header) => renamed.get(header) ?? header), ...rows.map((row) => headers.map((header) => (Object.hasOwn(row, header) ? row[header] : null)))],
    merges: [],
  };
}

/** A raw sheet from rows of cells, for the normaliser tests. */
export function rawSheet(name: string, rows: RawCell[][], merges: MergedRange[] = [], file = 'county.xlsx'): RawSheet {
  return { file, name, rows, merges };
}

// ---------------------------------------------------------------------------------------------
// The harness

export type RosterInput = RosterBuilder | LoadedRoster;

export interface Verdict {
  readonly roster: Roster;
  readonly findings: readonly Finding[];
  /** `ruleId@sheet!row:severity`, sorted. */
  readonly list: string[];
  readonly notChecked: string[];
  /** Why each rule was not checked, in English. */
  readonly reasons: Record<string, string>;
  readonly notices: number;
}

function loaded(input: RosterInput, index: number): LoadedRoster {
  return input instanceof RosterBuilder ? input.build(`county-${index + 1}.xlsx`) : input;
}

export function normalise(input: RosterInput, index = 0): Roster {
  return normaliseRoster(loaded(input, index), { keyCounties: ruleSet.keyCounties });
}

/** Checks several rosters in one run (cadre-posted-once looks across them). */
export function checkAll(inputs: readonly RosterInput[]): Verdict[] {
  const rosters = inputs.map((input, index) => normalise(input, index));
  return checkRun(rosters, ruleSet.rules, AS_OF).map((verdict, index) => ({
    roster: rosters[index],
    findings: verdict.findings,
    list: verdict.findings.map(describeFinding).sort(),
    notChecked: verdict.notChecked.map((n) => n.ruleId).sort(),
    reasons: Object.fromEntries(verdict.notChecked.map((n) => [n.ruleId, n.reason.en])),
    notices: verdict.notices.length,
  }));
}

export function check(input: RosterInput): Verdict {
  return checkAll([input])[0];
}

export function describeFinding(finding: Finding): string {
  return `${finding.ruleId}@${finding.location.sheet}!${finding.location.row}:${finding.severity}`;
}

/** Every finding of a roster, as `ruleId@sheet!row:severity`, sorted. */
export function findingsOf(input: RosterInput): string[] {
  return check(input).list;
}

/** The cells one rule points at, as `sheet!row/column header`. */
export function cellsOf(input: RosterInput, ruleId: string): string[] {
  return check(input)
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => `${f.location.sheet}!${f.location.row}/${f.location.column ?? ''}`)
    .sort();
}

/** Asserts exactly these findings, no fewer and no more; and that every rule ran unless told otherwise. */
export function expectFindings(input: RosterInput, expected: readonly string[], notChecked: readonly string[] = []): Verdict {
  const verdict = check(input);
  expect(verdict.list).toEqual([...expected].sort());
  expect(verdict.notChecked).toEqual([...notChecked].sort());
  return verdict;
}

// Short spellings of expected findings.
export const V = (rule: string, row: number, severity: string) => `${rule}@${VILLAGE_SHEET}!${row}:${severity}`;
export const C = (rule: string, row: number, severity: string) => `${rule}@${CADRE_SHEET}!${row}:${severity}`;

/** The first valid ID number of a region, birth date and gender whose check character is X. */
export function idNumberEndingInX(region: string, birth: string, gender: '男' | '女'): string {
  for (let sequence = gender === '男' ? 1 : 2; sequence < 1000; sequence += 2) {
    const id = makeIdNumber(region, birth, sequence);
    if (id.endsWith('X')) return id;
  }
  throw new Error('no sequence gives X');
}

/** Normalises hand-made sheets as one roster. */
export function normaliseSheets(sheets: RawSheet[], extra: { villageSheetName?: string; columns?: Record<string, string[]> } = {}): Roster {
  const loadedRoster: LoadedRoster = { path: 'county.xlsx', sheets, ...(extra.villageSheetName ? { villageSheetName: extra.villageSheetName } : {}) };
  return normaliseRoster(loadedRoster, { keyCounties: ruleSet.keyCounties, ...(extra.columns ? { columns: extra.columns } : {}) });
}

/** Checks an already normalised roster alone: its findings as `ruleId@sheet!row:severity`, sorted. */
export function findingsOfRoster(roster: Roster): string[] {
  return checkRun([roster], ruleSet.rules, AS_OF)[0].findings.map(describeFinding).sort();
}
