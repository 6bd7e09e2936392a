// What changed between two submissions of a roster (即换即录, 每半年调度一次数据): plain data with
// personal data unmasked; the reporters mask it, as check's do.
import type { CadreKey, Finding, Roster, RosterResult, RuleMeta } from '../types.js';

/** One side of a diff: a roster as read and as judged (in a run of its own, with the shared configuration and --as-of). */
export interface DiffSide {
  readonly roster: Roster;
  readonly result: RosterResult;
}

/** Where a person's row is in one file. */
export interface RowRef {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
}

export interface PersonChange {
  readonly idNumber: string;
  readonly name: string;
  /** The village now (the village before for someone who left). */
  readonly villageCode: string;
  readonly village: string;
  readonly rows: { readonly previous: RowRef | null; readonly current: RowRef | null };
}

export interface VillageRef {
  readonly villageCode: string;
  readonly village: string;
}

export interface Moved extends PersonChange {
  readonly from: VillageRef;
  readonly to: VillageRef;
}

/** The cadre columns compared for `changed`. */
export const COMPARED_FIELDS = ['role', 'unit', 'unitLevel', 'teamId', 'status'] as const satisfies readonly CadreKey[];
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface FieldChange {
  readonly field: ComparedField;
  /** The header as written in the current file (the previous one's when the current lacks it). */
  readonly column: string;
  readonly before: string;
  readonly after: string;
}

export interface Changed extends PersonChange {
  readonly fields: readonly FieldChange[];
}

export interface TeamChange {
  /** null when the teams are each village's active cadres (no 工作队编号 on one side or both). */
  readonly teamId: string | null;
  readonly villageCode: string;
  readonly village: string;
  /** Active members before and after. */
  readonly before: number;
  readonly after: number;
  readonly change: 'formed' | 'dissolved' | 'resized';
}

export type VillageEvent = 'added' | 'removed' | 'gained-team' | 'lost-team' | 'gained-first-secretary' | 'lost-first-secretary';

export interface VillageChange extends VillageRef {
  readonly teams: { readonly before: number; readonly after: number };
  readonly firstSecretaries: { readonly before: number; readonly after: number };
  /** Whether the village sheet lists it; null when that side has no village sheet. */
  readonly listed: { readonly before: boolean | null; readonly after: boolean | null };
  readonly events: readonly VillageEvent[];
}

export interface OpenFinding {
  readonly previous: Finding;
  readonly current: Finding;
}

export interface SideSummary {
  readonly path: string;
  readonly files: readonly string[];
  readonly villages: number | null;
  readonly cadres: number;
  readonly activeCadres: number;
  readonly teams: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export interface DiffReport {
  readonly tool: { readonly name: string; readonly version: string };
  readonly asOf: string;
  /** The rules both sides were judged by, for the findings' messages. */
  readonly rules: readonly RuleMeta[];
  readonly previous: SideSummary;
  readonly current: SideSummary;
  readonly joined: readonly PersonChange[];
  readonly left: readonly PersonChange[];
  readonly moved: readonly Moved[];
  readonly changed: readonly Changed[];
  readonly teams: readonly TeamChange[];
  readonly villages: readonly VillageChange[];
  readonly findings: { readonly new: readonly Finding[]; readonly fixed: readonly Finding[]; readonly open: readonly OpenFinding[] };
  /** Cadre rows without an ID number, which cannot be followed from one file to the other. */
  readonly unkeyed: { readonly previous: number; readonly current: number };
}
