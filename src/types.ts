// The boundary types between the stages: load → normalise → check → report.
// A stage imports this file and its own files only; src/index.ts joins the stages.
import type { CountyStats } from './stats/county-stats.js';

/** A calendar date without a time zone, as a spreadsheet date cell means it. */
export interface CalendarDate {
  readonly kind: 'date';
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

export type RawCell = string | number | boolean | CalendarDate | null;

/** A 0-based rectangle of merged cells, as spreadsheets store them. */
export interface MergedRange {
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly lastRow: number;
  readonly lastColumn: number;
}

/**
 * A sheet's rows by index: an array, or rows read on demand from a large text (a CSV file of half
 * a million lines is not held as cells). `at(0)` is the spreadsheet's row 1.
 */
export interface SheetRows {
  readonly length: number;
  at(index: number): readonly RawCell[] | undefined;
}

/** One sheet as read from a file. `rows.at(0)` is the spreadsheet's row 1. */
export interface RawSheet {
  /** The file the sheet came from, as the user named it. */
  readonly file: string;
  /** The sheet's own name; for a CSV file, the file's base name. */
  readonly name: string;
  readonly rows: SheetRows;
  readonly merges: MergedRange[];
}

/** What the load stage hands on: every sheet of one roster (a workbook, or a CSV pair). */
export interface LoadedRoster {
  /** The roster as given on the command line. */
  readonly path: string;
  readonly sheets: RawSheet[];
  /** The CSV named by --villages, when the roster is a CSV pair given that way. */
  readonly villageSheetName?: string;
}

/** Where a value came from: what a person needs to find the cell. */
export interface Source {
  readonly file: string;
  readonly sheet: string;
  /** The spreadsheet's own 1-based row number (CSV: the line number). */
  readonly row: number;
  /** The header text as written in the file. */
  readonly column?: string;
  /** A1-style reference, e.g. "D14". */
  readonly ref?: string;
}

export const CATEGORIES = ['脱贫村', '易地扶贫搬迁安置村', '乡村振兴任务重的村', '党组织软弱涣散村', '其他'] as const;
export type Category = (typeof CATEGORIES)[number];

export const RELOCATION_SCALES = ['整村', '接近整村', '少量', '插花'] as const;
export type RelocationScale = (typeof RELOCATION_SCALES)[number];

export const GENDERS = ['男', '女'] as const;
export type Gender = (typeof GENDERS)[number];

export const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '民主党派', '无党派人士', '群众'] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];

export const UNIT_LEVELS = ['中央', '省', '市', '县', '乡'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const ROLES = ['第一书记', '第一书记兼队长', '队长', '队员'] as const;
export type Role = (typeof ROLES)[number];

export const STATUSES = ['在岗', '已召回', '已轮换', '期满离岗'] as const;
export type Status = (typeof STATUSES)[number];

/** Why a filled cell could not be read as its column's type. */
export interface CellProblem {
  readonly kind: 'enum' | 'date' | 'code' | 'yes-no';
  /** For enumerated columns: the closest known value. */
  readonly suggestion?: string;
  /** What was expected, e.g. "12 digits". */
  readonly expected?: string;
}

/** One cell of a normalised row: the text as written, its typed value, where it is. */
export interface Cell<T> {
  /** The cell as text, trimmed; '' when blank. */
  readonly raw: string;
  /** The typed value; null when blank or unreadable. */
  readonly value: T | null;
  readonly source: Source;
  readonly problem?: CellProblem;
  /** Numeric cell that lost digits (an ID number stored as a number). */
  readonly lostDigits?: boolean;
}

/**
 * A village as the coverage rules, the teams and the roll-ups see it: its facts, not its cells.
 * A roster keeps these for every village; the cells are in its VillageRow, read when needed. The
 * kept ones make their `source` when asked (a getter): a copy by spreading or cloning lacks it.
 */
export interface Village {
  readonly kind: 'village';
  readonly source: Source;
  readonly code: string;
  readonly name: string;
  readonly categories: readonly Category[];
  /** From the roster's own column when filled, else from the reference list. */
  readonly keyCounty: boolean;
  readonly lightTask: boolean;
  readonly relocationScale: RelocationScale | null;
  /** The 覆盖工作队 as written; '' when blank. */
  readonly coveringTeam: string;
  /** The 县代码 column when filled, else the first six digits of the village code. */
  readonly countyCode: string;
  /** 省, 市 and 县 as written. */
  readonly province: string;
  readonly city: string;
  readonly county: string;
}

/** A village row with its cells, as the row rules see it. */
export interface VillageRow extends Village {
  readonly fields: VillageFields;
}

export interface VillageFields {
  province?: Cell<string>;
  city?: Cell<string>;
  county?: Cell<string>;
  countyCode?: Cell<string>;
  township?: Cell<string>;
  village?: Cell<string>;
  villageCode?: Cell<string>;
  categories?: Cell<Category[]>;
  relocationScale?: Cell<RelocationScale>;
  keyCounty?: Cell<boolean>;
  lightTask?: Cell<boolean>;
  coveringTeam?: Cell<string>;
}

export interface CadreFields {
  name?: Cell<string>;
  gender?: Cell<Gender>;
  idNumber?: Cell<string>;
  birthDate?: Cell<CalendarDate>;
  politicalStatus?: Cell<PoliticalStatus>;
  partyJoinDate?: Cell<CalendarDate>;
  unit?: Cell<string>;
  unitLevel?: Cell<UnitLevel>;
  post?: Cell<string>;
  role?: Cell<Role>;
  teamId?: Cell<string>;
  villageCode?: Cell<string>;
  village?: Cell<string>;
  startDate?: Cell<CalendarDate>;
  endDate?: Cell<CalendarDate>;
  status?: Cell<Status>;
  /** 是/否, or a filing date (which means 是). */
  filed?: Cell<boolean>;
  phone?: Cell<string>;
  partyFullDate?: Cell<CalendarDate>;
  workStartDate?: Cell<CalendarDate>;
  fullTime?: Cell<boolean>;
  partyRelationMoved?: Cell<boolean>;
}

export type VillageKey = keyof VillageFields;
export type CadreKey = keyof CadreFields;

/** What a team knows of a member: a roster keeps these, not the member's cells (and, as a Village, makes `source` when asked). */
export interface TeamMember {
  readonly source: Source;
  readonly villageCode: string;
  readonly firstSecretary: boolean;
  readonly leader: boolean;
}

export interface Cadre extends TeamMember {
  readonly kind: 'cadre';
  readonly fields: CadreFields;
  /** The ID number as written (upper-case X), '' when blank. */
  readonly idNumber: string;
  /** The village this cadre is posted to: its code, resolved from the name when only the name is given. */
  readonly villageCode: string;
  /** Status 在岗 (or blank, or an unknown spelling: a defective cell does not change who counts). */
  readonly active: boolean;
}

export interface Team {
  readonly kind: 'team';
  /** The team id; null when the roster gives none (the team is then its village's active cadres). */
  readonly id: string | null;
  readonly villageCode: string;
  /** The village the team is stationed in; null when its code is not in the village sheet. */
  readonly village: Village | null;
  readonly activeMembers: readonly TeamMember[];
}

/** A column the roster lacks, by sheet. */
export interface MissingColumns {
  readonly villages: readonly VillageKey[];
  readonly cadres: readonly CadreKey[];
}

/**
 * The rows of a roster with their cells, read anew from the loaded sheets on every call: a
 * national roster's ten million cells are never all held at once.
 */
export interface RosterRows {
  villages(): Iterable<VillageRow>;
  cadres(): Iterable<Cadre>;
  /** The cadre rows as `cadres()` gives them, keeping nothing from the walk: where the teams are formed elsewhere (another thread). */
  cadresWithoutTeams(): Iterable<Cadre>;
  /**
   * One row again, by its spreadsheet row number, for a row the passes above have given: null above
   * the data or past the sheet (a footer or example row below the header is not told apart here).
   */
  village(row: number): VillageRow | null;
  cadre(row: number): Cadre | null;
}

/**
 * A roster as normalised. Its villages' facts and its teams are made from every row of their sheet:
 * kept from the first walk over all of `rows.villages()` (or `rows.cadres()`), or, when asked for
 * before any, read for themselves. The engine walks the village rows, then the cadre rows, so that
 * each sheet is read once (a roster split over two threads reads the cadre rows in each, and the
 * village codes in the second: src/batch/split-roster.ts).
 */
export interface Roster {
  readonly path: string;
  /** null when the roster has no village sheet: coverage rules cannot run. */
  readonly villages: readonly Village[] | null;
  readonly teams: readonly Team[];
  /** The villages by code (of a code on two rows, the later); empty without a village sheet. */
  readonly villagesByCode: ReadonlyMap<string, Village>;
  /**
   * The codes of villagesByCode but '' (a row without a code), made without the villages' facts when
   * no walk has kept them: a thread judging the cadre rows alone reads only the code and name columns.
   */
  readonly villageCodes: ReadonlySet<string>;
  /** A village's code by its name (compacted): null for a name two villages share. */
  readonly villageCodesByName: ReadonlyMap<string, string | null>;
  readonly rows: RosterRows;
  readonly villageSheet: string | null;
  readonly cadreSheet: string;
  /** The files the sheets are in (a workbook, or the two files of a CSV pair). */
  readonly villageFile: string | null;
  readonly cadreFile: string;
  readonly missing: MissingColumns;
  /** Header text as written, by column key, per sheet. */
  readonly headers: { villages: Partial<Record<VillageKey, string>>; cadres: Partial<Record<CadreKey, string>> };
  /** The spreadsheet row number of each sheet's header (its first row when two rows). */
  readonly headerRows: { villages: number | null; cadres: number };
  /** Which key-county list was used. */
  readonly keyCountySource: string;
}

/** A message placeholder's value: text, a number, or words that depend on the language. */
export type DataValue = string | number | LocalizedText;

export type Severity = 'error' | 'warning' | 'info';

export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

/** What a check reports: the subject it is about, and data for the message. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly location: Source;
  /** Values for the message template; personal data here is masked by the reporters. */
  readonly data: Readonly<Record<string, DataValue>>;
  readonly entity: { villageCode?: string; teamId?: string; idNumber?: string };
}

export interface RuleMeta {
  readonly id: string;
  readonly severity: Severity;
  readonly title: LocalizedText;
  readonly message: LocalizedText;
  readonly fix: LocalizedText;
  readonly source: { readonly document: string; readonly passage: string };
  /** The rule file this rule was read from. */
  readonly file: string;
}

export interface NotChecked {
  readonly ruleId: string;
  readonly reason: LocalizedText;
}

export interface LoadFailure {
  readonly code: string;
  readonly message: LocalizedText;
}

export interface RosterResult {
  readonly path: string;
  /** The files read for this roster (a workbook, or the village and cadre CSV files). */
  readonly files: readonly string[];
  readonly failure: LoadFailure | null;
  readonly notChecked: readonly NotChecked[];
  readonly findings: readonly Finding[];
  /** Findings a live waiver (豁免) removed from the verdict: counted, listed on request. */
  readonly waived: readonly Finding[];
  /** Notices about the roster that are not rule findings (e.g. no village sheet). */
  readonly notices: readonly LocalizedText[];
  /** The roster's figures per county, for roll-ups; null when it could not be read, or when no report asked for them (check's `rollUp`). */
  readonly stats?: readonly CountyStats[] | null;
}

/** A waiver of the configuration, and what became of it in this run. */
export interface WaiverReport {
  readonly rule: string;
  readonly document: string;
  readonly approvedBy: string;
  readonly reason: string;
  readonly expires: string;
  /** live: in force; expired: past its date, waives nothing. */
  readonly state: 'live' | 'expired';
  /** How many findings it waived (live), or would have (expired). */
  readonly matched: number;
  /** Where it is written: `zhucun.config.yaml:12`. */
  readonly at: string;
}

export interface RunResult {
  readonly tool: { readonly name: string; readonly version: string };
  readonly asOf: string;
  readonly rules: readonly RuleMeta[];
  readonly rosters: readonly RosterResult[];
  readonly waivers: readonly WaiverReport[];
  /** Files met while walking folders that are not rosters: listed, not failed. */
  readonly skipped: readonly { readonly path: string; readonly reason: LocalizedText }[];
}

export type Lang = 'zh' | 'en';

/** Reference data shipped with the rules: the national key-assistance counties. */
export interface KeyCountyList {
  /** The file the list was read from. */
  readonly file: string;
  readonly codes: ReadonlySet<string>;
}
