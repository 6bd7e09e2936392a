import { csv } from './csv.js';
import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import type { Reporter } from './reporter.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export type { Reporter, ReporterOptions } from './reporter.js';
export { maskPii } from './pii.js';
export { errorsOnly, summarise, type Summary } from './summary.js';

export const REPORTERS: ReadonlyMap<string, Reporter> = new Map([stylish, json, sarif, junit, github, markdown, csv, html].map((reporter) => [reporter.name, reporter]));
