import { fileURLToPath } from 'node:url';
import { loadKeyCounties } from './key-counties.js';
import { loadRules, type Rule } from './load-rules.js';
import type { KeyCountyList } from '../types.js';

export { loadRules, loadRuleFile, SUBJECT_DATA_KEYS, type Rule } from './load-rules.js';
export { ruleFileSchema } from './schema.js';
export { parseLocated, locatedSchemaErrors, type LocatedDocument } from './located-yaml.js';

/** The folder of built-in rules that ships with the package. */
export const BUILT_IN_RULES = fileURLToPath(new URL('../../rules/', import.meta.url));
export const BUILT_IN_KEY_COUNTIES = fileURLToPath(new URL('../../rules/reference/key-counties.csv', import.meta.url));

export interface RuleSet {
  readonly rules: readonly Rule[];
  readonly keyCounties: KeyCountyList;
}

/** The built-in rules plus any extra folders (a province's), and the key-county list. */
export function loadRuleSet(extraFolders: readonly string[] = []): RuleSet {
  return { rules: loadRules([BUILT_IN_RULES, ...extraFolders]), keyCounties: loadKeyCounties(BUILT_IN_KEY_COUNTIES) };
}
