// The rules judged across rosters (one person, one post; one village, one row). While a roster is
// read, each key's rows are tallied by row number; a key that repeats within the roster gets a
// finding for every row it is on (a row seen before is read again). A key seen once matters only
// if another roster of the run holds it: it is kept as a candidate, the key and its row number
// alone, and its finding is made (the roster read again) only if the run repeats it. So what a
// batch holds of each roster it has let go is its keys, not a finding per person and village.
import type { Finding } from '../types.js';
import { FirstRows } from './first-rows.js';

/** A key of a run-wide rule in one roster; settleAcrossRosters makes findings of it when the key repeats in the run. */
export interface Candidate {
  readonly ruleId: string;
  readonly key: string;
  /** How many rows of this roster hold the key. */
  readonly count: number;
  /** The findings of a key this roster holds more than once. */
  readonly findings: readonly Finding[];
  /** The row of a key this roster holds once: its finding is made only if another roster holds the key. */
  readonly row?: number;
}

export class RunWideTally {
  /** Each key's first row. */
  private readonly firstRows = new FirstRows();
  /** The findings of each key that has repeated. */
  private readonly repeated = new Map<string, Finding[]>();

  constructor(
    private readonly ruleId: string,
    /** The run has no other roster: a key seen once here repeats nowhere. */
    private readonly aloneInRun: boolean,
    /** The finding for the key on a row seen before, read again by its row number. */
    private readonly findingAt: (row: number, key: string) => Finding | null,
  ) {}

  /** The key on a row; `finding` makes that row's finding (only when it is needed). */
  sight(key: string, row: number, finding: () => Finding | null): void {
    const first = this.firstRows.firstRowOrAdd(key, row);
    if (first === undefined) return;
    let findings = this.repeated.get(key);
    if (!findings) {
      this.repeated.set(key, (findings = []));
      push(findings, this.findingAt(first, key));
    }
    push(findings, finding());
  }

  candidates(): Candidate[] {
    const repeated = [...this.repeated].map(([key, findings]) => ({ ruleId: this.ruleId, key, count: findings.length, findings }));
    // Alone in its run, a roster's keys seen once repeat nowhere: only the repeated ones are candidates.
    if (this.aloneInRun) return repeated;
    const seenOnce: Candidate[] = [];
    this.firstRows.forEach((key, row) => {
      if (!this.repeated.has(key)) seenOnce.push({ ruleId: this.ruleId, key, count: 1, findings: [], row });
    });
    return [...repeated, ...seenOnce];
  }
}

function push(findings: Finding[], finding: Finding | null): void {
  if (finding) findings.push(finding);
}

/** A row whose finding the settling of the run needs: its key was seen once in its roster, and again elsewhere. */
export interface FindingRequest {
  readonly ruleId: string;
  readonly key: string;
  readonly row: number;
  /** How often the key occurs in the run. */
  readonly count: number;
}

function runKey({ ruleId, key }: { readonly ruleId: string; readonly key: string }): string {
  return `${ruleId}\u0000${key}`;
}

/** How often each run-wide key occurs in the whole run. */
export function countKeys(candidateLists: readonly (readonly Candidate[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const candidates of candidateLists) {
    for (const candidate of candidates) counts.set(runKey(candidate), (counts.get(runKey(candidate)) ?? 0) + candidate.count);
  }
  return counts;
}

/** The rows of one roster whose findings are needed: keys it holds once that the run repeats. */
export function requestsOf(candidates: readonly Candidate[], counts: ReadonlyMap<string, number>): FindingRequest[] {
  const requests: FindingRequest[] = [];
  for (const { ruleId, key, row } of candidates) {
    const count = counts.get(runKey({ ruleId, key }))!;
    if (row !== undefined && count > 1) requests.push({ ruleId, key, row, count });
  }
  return requests;
}

/** One roster's findings of keys it holds more than once, each saying how often the run holds the key. */
export function repeatedFindings(candidates: readonly Candidate[], counts: ReadonlyMap<string, number>): Finding[] {
  const repeated: Finding[] = [];
  for (const candidate of candidates) {
    const count = counts.get(runKey(candidate))!;
    for (const finding of candidate.findings) repeated.push(withCount(finding, count));
  }
  return repeated;
}

export function withCount(finding: Finding, count: number): Finding {
  return { ...finding, data: { ...finding.data, count } };
}
