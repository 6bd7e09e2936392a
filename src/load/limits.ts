// How much one roster file may take; the CLI raises them with --max-file-size and
// --max-unzipped-size.

export interface LoadLimits {
  /** Larger input files are refused (--max-file-size). */
  maxFileBytes: number;
  /** Zip packages whose parts inflate to more than this in total are refused (--max-unzipped-size). */
  maxInflatedBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: LoadLimits = Object.freeze({ maxFileBytes: 256 * MiB, maxInflatedBytes: 256 * MiB });
