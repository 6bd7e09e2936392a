import type { LocalizedText } from './types.js';

/** An error a user can act on: a localized one-line message and the exit code it ends the run with. */
export class ZhucunError extends Error {
  readonly exitCode: number;
  readonly text: LocalizedText;

  constructor(text: LocalizedText, exitCode = 2) {
    super(text.en);
    this.text = text;
    this.exitCode = exitCode;
  }
}

/** Bad arguments or options. */
export class UsageError extends ZhucunError {}

/** A rule file or configuration file that fails validation: names the file, line and key. */
export class RuleFileError extends ZhucunError {}

export type LoadErrorCode =
  | 'NOT_FOUND'
  | 'EMPTY'
  | 'NOT_A_SPREADSHEET'
  | 'CORRUPT'
  | 'ENCRYPTED'
  | 'TOO_LARGE'
  | 'NO_ROSTER'
  | 'UNREADABLE';

/** A roster that could not be read. In a batch it fails that roster only. */
export class LoadError extends ZhucunError {
  readonly code: LoadErrorCode;

  constructor(code: LoadErrorCode, text: LocalizedText) {
    super(text, 2);
    this.code = code;
  }
}
