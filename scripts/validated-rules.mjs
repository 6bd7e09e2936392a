// Part of the build: validates the built-in rule files and writes their data by the SHA-256 of
// their text, so that the CLI need not parse and validate unchanged files at every start.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { contentHash, validatedRuleData } from '../dist/ruleset/load-rules.js';

const folder = new URL('../rules/', import.meta.url);
const validated = {};
for (const name of readdirSync(folder).filter((n) => /\.(ya?ml|json)$/.test(n) && !n.endsWith('.schema.json')).sort()) {
  const text = readFileSync(new URL(name, folder), 'utf8');
  validated[contentHash(text)] = validatedRuleData(`rules/${name}`, text);
}
writeFileSync(new URL('../dist/ruleset/validated-rules.json', import.meta.url), JSON.stringify(validated));
