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
  /** Keys seen once so far: the row's finding, or (a roster alone in its run) the row number. */
  private readonly seenOnce = new Map<string, Finding | number>();
  private readonly repeated = new Map<string, Finding[]>();

  constructor(
    private readonly ruleId: string,
    private readonly aloneInRun: boolean,
    /** The finding for the key on a row seen before, read again by its row number. */
    private readonly findingAt: (row: number) => Finding | null,
  ) {}

  /** The key on a row; `finding` makes that row's finding (only when it is needed). */
  sight(key: string, row: number, finding: () => Finding | null): void {
    const findings = this.repeated.get(key);
    if (findings) {
      push(findings, finding());
      return;
    }
    const first = this.seenOnce.get(key);
    if (first === undefined) {
      const kept = this.aloneInRun ? row : finding();
      if (kept !== null) this.seenOnce.set(key, kept);
      return;
    }
    this.seenOnce.delete(key);
    const repeated: Finding[] = [];
    push(repeated, typeof first === 'number' ? this.findingAt(first) : first);
    push(repeated, finding());
    this.repeated.set(key, repeated);
  }

  candidates(): Candidate[] {
    const candidates: Candidate[] = [];
    for (const [key, findings] of this.repeated) candidates.push({ key: this.runKey(key), count: findings.length, findings });
    for (const [key, first] of this.seenOnce) {
      if (typeof first !== 'number') candidates.push({ key: this.runKey(key), count: 1, findings: [first] });
    }
    return candidates;
  }

  private runKey(key: string): string {
    return `${this.ruleId}\u0000${key}`;
  }
}

function push(findings: Finding[], finding: Finding | null): void {
  if (finding) findings.push(finding);
}
