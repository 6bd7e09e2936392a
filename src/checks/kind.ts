// The interface every check kind implements. A kind is code; a rule (rules/*.yaml) is data
// that names a kind, a scope, a `where` filter and the kind's options.
import type { CadreKey, CalendarDate, Cadre, DataValue, Roster, Source, Team, Village, VillageKey, VillageRow } from '../types.js';

/** What a rule judges: each village row, each team, each cadre row, or every row of both sheets. */
export type Scope = 'village' | 'team' | 'cadre' | 'row';

/** A village row (or, for a rule that needs the teams, a village's facts), a team, or a cadre row. */
export type Subject = VillageRow | Village | Team | Cadre;

/** One violation found by a check: data for the message, and the column at fault when one is. */
export interface Hit {
  readonly data?: Readonly<Record<string, DataValue>>;
  /** The column key at fault (a village or cadre column of the subject's sheet). */
  readonly column?: string;
  /** A location other than the subject's own (a missing column: the header row). */
  readonly at?: Source;
  /** For a kind judged across rosters: the value that must not repeat in the whole run. */
  readonly key?: string;
}

/** What a check returns for a subject it finds nothing wrong with: one array for every such subject. */
export const NO_HITS: readonly Hit[] = Object.freeze([]);

export interface CheckContext {
  readonly roster: Roster;
  readonly asOf: CalendarDate;
}

/** Columns a check needs; a list inside the list means any one of those will do. */
export interface Needs {
  readonly villageSheet?: boolean;
  /**
   * The roster's teams. A village-scope rule that needs them is judged after the walk over the cadre
   * rows (which forms them), on each village's facts rather than its row: such a kind reads no cell.
   * A rule of another scope that needs them still gets them, formed by a read of their own.
   */
  readonly teams?: boolean;
  readonly villages?: readonly VillageKey[];
  readonly cadres?: readonly (CadreKey | readonly CadreKey[])[];
}

export interface CheckKind<Options = any> {
  readonly name: string;
  readonly description: string;
  readonly scopes: readonly Scope[];
  /** JSON Schema of `options`, compiled with the rule files when they load. */
  readonly optionsSchema: Record<string, unknown>;
  /** The placeholders its hits fill, besides the subject's own (village, name…). */
  readonly dataKeys: readonly string[];
  /**
   * Judged across every roster of the run: each hit is a candidate with a `key`, and becomes a finding
   * only when its key occurs more than once in the whole run (data `count`: how often). Such a kind
   * judges rows of one sheet (its scopes are 'village' or 'cadre'), so a row can be read again by number.
   */
  readonly acrossRosters?: boolean;
  /** What the options schema cannot say (an option that depends on the scope): the problem, or null. */
  checkOptions?(options: Options, scope: Scope): string | null;
  /** Optional columns (or the village sheet) it needs; when one is missing the rule is not checked. */
  needs?(options: Options): Needs;
  check(subject: Subject, options: Options, context: CheckContext): readonly Hit[];
  /** Findings about the roster as a whole (a missing column), located by the hit itself. */
  checkRoster?(options: Options, context: CheckContext): Hit[];
}
