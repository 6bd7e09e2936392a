import { json } from './json.js';
import type { Reporter } from './reporter.js';
import { stylish } from './stylish.js';

export type { Reporter, ReporterOptions } from './reporter.js';
export { maskPii } from './pii.js';
export { errorsOnly, summarise, type Summary } from './summary.js';

export const REPORTERS: ReadonlyMap<string, Reporter> = new Map([stylish, json].map((reporter) => [reporter.name, reporter]));
