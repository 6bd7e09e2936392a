// The rules judged across rosters (one person, one post; one village, one row). While a roster is
// read, each key's rows are tallied; a key that repeats gets a finding for every row it is on.
// A key seen once matters only if another roster of the run holds it: with other rosters in the
// run its finding is kept as a candidate; a roster alone in its run keeps just the key and the
// row number, and reads that row again if the key turns up a second time.
import type { Finding } from '../types.js';

/** A key's findings in one roster; settleAcrossRosters makes them findings when the key repeats in the run. */
export interface Candidate {
  readonly key: string;
  /** How many rows of this roster hold the key. */
  readonly count: number;
  readonly findings: readonly Finding[];
}

export class RunWideTally {
  /**
   * Each key's rows so far: the findings of a key seen more than once; of a key seen once, its
   * row's finding, or (a roster alone in its run) just the row number.
   */
  private readonly keys = new Map<string, Finding[] | Finding | number>();

  constructor(
    private readonly ruleId: string,
    private readonly aloneInRun: boolean,
    /** The finding for the key on a row seen before, read again by its row number. */
    private readonly findingAt: (row: number, key: string) => Finding | null,
  ) {}

  /** The key on a row; `finding` makes that row's finding (only when it is needed). */
  sight(key: string, row: number, finding: () => Finding | null): void {
    const known = this.keys.get(key);
    if (known === undefined) {
      const kept = this.aloneInRun ? row : finding();
      if (kept !== null) this.keys.set(key, kept);
    } else if (Array.isArray(known)) {
      push(known, finding());
    } else {
      const repeated: Finding[] = [];
      push(repeated, typeof known === 'number' ? this.findingAt(known, key) : known);
      push(repeated, finding());
      this.keys.set(key, repeated);
    }
  }

  candidates(): Candidate[] {
    const candidates: Candidate[] = [];
    for (const [key, known] of this.keys) {
      if (typeof known === 'number') continue;
      const findings = Array.isArray(known) ? known : [known];
      candidates.push({ key: `${this.ruleId}\u0000${key}`, count: findings.length, findings });
    }
    return candidates;
  }
}

function push(findings: Finding[], finding: Finding | null): void {
  if (finding) findings.push(finding);
}
