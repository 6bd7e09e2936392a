import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchemaJson, ruleSchemaJson, withRuleTable } from '../../src/docs/generated.js';
import { loadRuleSet } from '../../src/ruleset/index.js';

const root = new URL('../../', import.meta.url);

describe('generated documents (run `npm run generate` when these fail)', () => {
  it('the README rule table matches rules/', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    expect(withRuleTable(readme, loadRuleSet().rules)).toBe(readme);
  });

  it('rules/rule.schema.json matches the check kinds', () => {
    expect(readFileSync(new URL('rules/rule.schema.json', root), 'utf8')).toBe(ruleSchemaJson());
  });

  it('schemas/config.schema.json matches the configuration code', () => {
    expect(readFileSync(new URL('schemas/config.schema.json', root), 'utf8')).toBe(configSchemaJson());
  });

  it('every rule id of the catalogue is in the README table', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    for (const rule of loadRuleSet().rules) expect(readme).toContain(`| \`${rule.id}\` |`);
  });
});
