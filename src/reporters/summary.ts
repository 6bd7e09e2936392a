import type { RosterResult, RunResult, Severity } from '../types.js';

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly filesFailed: number;
  /** Findings removed from the verdict by live waivers. */
  readonly waived: number;
}

export function countSeverity(rosters: readonly RosterResult[], severity: Severity): number {
  return rosters.reduce((total, roster) => total + roster.findings.filter((f) => f.severity === severity).length, 0);
}

export function summarise(result: RunResult): Summary {
  return {
    files: result.rosters.length,
    errors: countSeverity(result.rosters, 'error'),
    warnings: countSeverity(result.rosters, 'warning'),
    infos: countSeverity(result.rosters, 'info'),
    filesFailed: result.rosters.filter((roster) => roster.failure !== null).length,
    waived: result.rosters.reduce((total, roster) => total + roster.waived.length, 0),
  };
}

/** --quiet: the result as if only errors had been found (the verdict is judged before this). */
export function errorsOnly(result: RunResult): RunResult {
  return {
    ...result,
    rosters: result.rosters.map((roster) => ({ ...roster, findings: roster.findings.filter((f) => f.severity === 'error') })),
  };
}
