// Writes the generated documents: the README's rule table and rules/rule.schema.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadRuleSet } from '../dist/ruleset/index.js';
import { configSchemaJson, ruleSchemaJson, withRuleTable } from '../dist/docs/generated.js';

const readmePath = new URL('../README.md', import.meta.url);
writeFileSync(readmePath, withRuleTable(readFileSync(readmePath, 'utf8'), loadRuleSet().rules));
writeFileSync(new URL('../rules/rule.schema.json', import.meta.url), ruleSchemaJson());
writeFileSync(new URL('../schemas/config.schema.json', import.meta.url), configSchemaJson());
console.log('wrote README.md rule table, rules/rule.schema.json and schemas/config.schema.json');
