import type { RunResult } from '../types.js';
import type { RenderOptions } from './render.js';

export interface ReporterOptions extends RenderOptions {
  /** Colour escapes are wanted (a terminal, or FORCE_COLOR). */
  readonly color: boolean;
  /** --max-warnings: with 0, warnings count as failures (JUnit). */
  readonly maxWarnings?: number;
  /** --show-waived: list the findings waivers removed. */
  readonly showWaived?: boolean;
}

/** One output format: a run's result → the bytes to write. */
export interface Reporter {
  readonly name: string;
  /** It shows each roster's county figures (RosterResult.stats): the run computes them only then. */
  readonly usesRollUp?: boolean;
  render(result: RunResult, options: ReporterOptions): string | Uint8Array;
}
