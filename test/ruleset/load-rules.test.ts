import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleFileError } from '../../src/errors.js';
import { BUILT_IN_RULES, loadRules, loadRuleSet } from '../../src/ruleset/index.js';

const VALID = `id: team-min-size-five
severity: warning
title: { zh: 每队至少5人, en: Five per team }
message:
  zh: 「{{village}}」工作队 {{count}} 人,少于 {{min}} 人
  en: the team of {{village}} has {{count}}, fewer than {{min}}
fix: { zh: 增派队员, en: Send more members }
source: { document: 省委组织部文件, passage: 每队不少于5人 }
scope: team
where:
  village.categories: { includes: 脱贫村 }
check: count
options:
  require:
    - { of: activeMembers, min: 5 }
`;

// rule-catalogue.md, plus village-listed-once (added: one village, one row, across the run).
const CATALOGUE = {
  'tuopin-village-team': 'error',
  'tuopin-village-first-secretary': 'error',
  'one-team-per-village': 'warning',
  'relocation-site-staffed': 'error',
  'relocation-site-covered': 'warning',
  'priority-village-first-secretary': 'error',
  'weak-org-village-first-secretary': 'error',
  'single-first-secretary': 'warning',
  'team-min-size': 'error',
  'key-county-reinforced': 'warning',
  'team-has-leader': 'warning',
  'required-field': 'error',
  'value-format': 'error',
  'id-number-valid': 'error',
  'id-number-consistent': 'warning',
  'cadre-posted-once': 'error',
  'village-exists': 'error',
  'first-secretary-party-member': 'error',
  'first-secretary-party-standing': 'warning',
  'first-secretary-work-experience': 'warning',
  'full-time-in-village': 'warning',
  'party-relation-moved': 'warning',
  'filing-recorded': 'warning',
  'tenure-review': 'info',
  'start-date-plausible': 'error',
  'village-listed-once': 'error',
};

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'zhucun-rules-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

function errorOf(text: string, name = 'rule.yaml'): RuleFileError {
  const folder = folderWith({ [name]: text });
  try {
    loadRules([folder]);
  } catch (error) {
    if (error instanceof RuleFileError) return error;
    throw error;
  }
  throw new Error('expected the rule file to be refused');
}

describe('loading rule files', () => {
  it('loads every built-in rule of the catalogue, with its exact id and severity', () => {
    const severities = Object.fromEntries(loadRuleSet().rules.map((rule) => [rule.id, rule.severity]));
    expect(severities).toEqual(CATALOGUE);
  });

  it('adds a valid custom rule on top of the built-in ones', () => {
    const rules = loadRules([BUILT_IN_RULES, folderWith({ 'five.yaml': VALID })]);
    expect(rules.at(-1)).toMatchObject({ id: 'team-min-size-five', severity: 'warning', scope: 'team' });
    expect(rules.at(-1)?.kind.name).toBe('count');
  });

  it('names file, line, column and key for a wrongly typed option', () => {
    const error = errorOf(VALID.replace('min: 5', 'min: five'));
    expect(error.text.en).toMatch(/rule\.yaml:15:\d+: options\.require\.0\.min: must be integer/);
    expect(error.text.zh).toMatch(/rule\.yaml:15:\d+: options\.require\.0\.min: 类型应为 integer/);
    expect(error.exitCode).toBe(2);
  });

  it('points at an unknown key', () => {
    const error = errorOf(VALID.replace('scope: team', 'scope: team\ncolour: red'));
    expect(error.text.en).toMatch(/rule\.yaml:10:1: \(top level\): unknown key colour/);
  });

  it('refuses a fact that `where` cannot test', () => {
    const error = errorOf(VALID.replace('village.categories:', 'village.colour:'));
    expect(error.text.en).toMatch(/rule\.yaml:11:3: where: unknown key village\.colour/);
  });

  it('refuses an unknown check kind, listing the kinds', () => {
    const error = errorOf(VALID.replace('check: count', 'check: magic'));
    expect(error.text.en).toMatch(/rule\.yaml:12:1: check: must be one of: count, date-span/);
  });

  it('refuses a scope the check kind cannot judge', () => {
    const error = errorOf(VALID.replace('scope: team', 'scope: cadre'));
    expect(error.text.en).toMatch(/rule\.yaml:9:\d+: scope: must be one of: village, team/);
  });

  it('refuses a placeholder the check never fills', () => {
    const error = errorOf(VALID.replace('{{min}} 人', '{{minimum}} 人'));
    expect(error.text.en).toMatch(/rule\.yaml:5:\d+: message\.zh: unknown placeholder \{\{minimum\}\}/);
  });

  it('names the line of a YAML syntax error', () => {
    const error = errorOf(VALID.replace('scope: team', 'scope: [team'));
    expect(error.text.en).toMatch(/^.*rule\.yaml:\d+:\d+: YAML syntax error/);
  });

  it('refuses a custom rule that reuses a built-in id', () => {
    const folder = folderWith({ 'dup.yaml': VALID.replace('team-min-size-five', 'team-min-size') });
    expect(() => loadRules([BUILT_IN_RULES, folder])).toThrow(/team-min-size is already defined/);
  });

  it('refuses a rules folder that does not exist', () => {
    expect(() => loadRules(['/no/such/folder'])).toThrow(RuleFileError);
  });

  it('reads a __proto__ key as data, never as a prototype', () => {
    errorOf(VALID.replace('scope: team', 'scope: team\n__proto__: { polluted: yes }'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('rule files validated when the package is built', () => {
  it('hold exactly the data that parsing and validating the files gives (npm test builds first)', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { contentHash, validatedRuleData } = await import('../../src/ruleset/load-rules.js');
    const built = JSON.parse(readFileSync(new URL('../../dist/ruleset/validated-rules.json', import.meta.url), 'utf8'));
    const names = readdirSync(BUILT_IN_RULES).filter((name) => name.endsWith('.yaml'));
    expect(Object.keys(built)).toHaveLength(names.length);
    for (const name of names) {
      const text = readFileSync(join(BUILT_IN_RULES, name), 'utf8');
      expect(built[contentHash(text)]).toEqual(validatedRuleData(`rules/${name}`, text));
    }
  });
});

describe('options that depend on the scope', () => {
  it('refuses a count of teams judged per team, located at the options', () => {
    const error = errorOf(VALID.replace('of: activeMembers', 'of: teams'));
    expect(error.text.en).toMatch(/rule\.yaml:13:1: options: a team has no measure teams; it has: activeMembers, leaders, firstSecretaries/);
  });
});
