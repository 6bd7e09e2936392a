import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyRuleSettings, applyWaivers, findConfig, loadConfig } from '../../src/config/index.js';
import { RuleFileError } from '../../src/errors.js';
import { loadRuleSet } from '../../src/ruleset/index.js';
import type { Finding, RosterResult } from '../../src/types.js';

function configFile(text: string, name = 'zhucun.config.yaml'): string {
  const folder = mkdtempSync(join(tmpdir(), 'zhucun-config-'));
  const file = join(folder, name);
  writeFileSync(file, text);
  return file;
}

function refusal(action: () => unknown): RuleFileError {
  try {
    action();
  } catch (error) {
    if (error instanceof RuleFileError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const rules = () => loadRuleSet().rules;

describe('finding the configuration', () => {
  it('finds zhucun.config.yaml in the working folder or the nearest parent', () => {
    const file = configFile('rules: {}\n');
    const nested = join(file, '..', 'a', 'b');
    mkdirSync(nested, { recursive: true });
    expect(findConfig(nested)).toBe(file);
  });

  it('reads .json as well', () => {
    const file = configFile('{ "rules": { "tenure-review": "off" } }', 'zhucun.config.json');
    expect(loadConfig(file).rules).toEqual({ 'tenure-review': 'off' });
  });

  it('refuses a named configuration that does not exist', () => {
    expect(refusal(() => loadConfig('/no/such/zhucun.config.yaml')).text.en).toMatch(/does not exist/);
  });
});

describe('rule settings', () => {
  it('switches a rule off, changes a severity, sets a documented threshold', () => {
    const config = loadConfig(
      configFile('rules:\n  tenure-review: off\n  filing-recorded: error\n  key-county-reinforced: { options: { min: 5 } }\n'),
    );
    const configured = applyRuleSettings(rules(), config);
    expect(configured.find((r) => r.id === 'tenure-review')).toBeUndefined();
    expect(configured.find((r) => r.id === 'filing-recorded')?.severity).toBe('error');
    const reinforced = configured.find((r) => r.id === 'key-county-reinforced')!;
    expect(reinforced.options).toEqual({ require: [{ of: 'activeMembers', min: 5 }] });
    expect(rules().find((r) => r.id === 'key-county-reinforced')!.options).toEqual({ require: [{ of: 'activeMembers', min: 4 }] });
  });

  it('names file, line and key of an unknown rule id', () => {
    const file = configFile('rules:\n  tenure-reveiw: off\n');
    expect(refusal(() => applyRuleSettings(rules(), loadConfig(file))).text.en).toBe(
      `${file}:2:3: rules.tenure-reveiw: there is no rule with id tenure-reveiw`,
    );
  });

  it('names an option the rule does not document, and the ones it does', () => {
    const file = configFile('rules:\n  key-county-reinforced: { options: { minimum: 5 } }\n');
    expect(refusal(() => applyRuleSettings(rules(), loadConfig(file))).text.en).toMatch(
      /:2:\d+: rules\.key-county-reinforced\.options\.minimum: rule key-county-reinforced has no option minimum; it has: min/,
    );
  });

  it('refuses an invalid value of a threshold', () => {
    const file = configFile('rules:\n  key-county-reinforced: { options: { min: -1 } }\n');
    expect(refusal(() => applyRuleSettings(rules(), loadConfig(file))).text.en).toMatch(/invalid options for rule key-county-reinforced/);
  });

  it('validates the file against the schema with located errors', () => {
    const file = configFile('rules:\n  tenure-review: sometimes\ncolumns:\n  idNumber: 证件号码\n');
    const error = refusal(() => loadConfig(file));
    expect(error.text.en).toMatch(new RegExp(`${file}:4:\\d+: columns\\.idNumber: must be array`));
  });

  it('resolves rulesDirs relative to the configuration file', () => {
    const file = configFile('rulesDirs: [province-rules]\n');
    expect(loadConfig(file).rulesDirs).toEqual([join(file, '..', 'province-rules')]);
  });
});

function finding(ruleId: string, entity: Finding['entity']): Finding {
  return { ruleId, severity: 'warning', location: { file: 'x.xlsx', sheet: '村庄', row: 2 }, data: {}, entity };
}

function roster(findings: Finding[]): RosterResult {
  return { path: 'x.xlsx', files: ['x.xlsx'], failure: null, notChecked: [], notices: [], findings, waived: [] };
}

const WAIVER = `  - rule: relocation-site-covered
    villages: ["530828100216"]
    reason: 该安置点已并入邻村管理
    approvedBy: 澜沧县委组织部
    document: 澜组通〔2026〕12号
    expires: EXPIRES
`;

describe('waivers', () => {
  const covered = finding('relocation-site-covered', { villageCode: '530828100216' });
  const other = finding('relocation-site-covered', { villageCode: '530828100217' });

  it('a live waiver removes its findings from the verdict, counted as waived', () => {
    const config = loadConfig(configFile(`waivers:\n${WAIVER.replace('EXPIRES', '2027-06-30')}`));
    const { rosters, waivers } = applyWaivers([roster([covered, other])], config.waivers, '2026-11-27');
    expect(rosters[0].findings).toEqual([other]);
    expect(rosters[0].waived).toEqual([covered]);
    expect(waivers).toEqual([expect.objectContaining({ state: 'live', matched: 1, document: '澜组通〔2026〕12号', at: expect.stringMatching(/zhucun\.config\.yaml:2$/) })]);
  });

  it('is still live on its expiry date and expired the day after, waiving nothing and saying so', () => {
    const config = loadConfig(configFile(`waivers:\n${WAIVER.replace('EXPIRES', '2026-11-27')}`));
    expect(applyWaivers([roster([covered])], config.waivers, '2026-11-27').waivers[0].state).toBe('live');
    const later = applyWaivers([roster([covered])], config.waivers, '2026-11-28');
    expect(later.rosters[0].findings).toEqual([covered]);
    expect(later.waivers[0]).toMatchObject({ state: 'expired', matched: 1 });
  });

  it('reports a waiver that matched nothing', () => {
    const config = loadConfig(configFile(`waivers:\n${WAIVER.replace('EXPIRES', '2027-06-30')}`));
    expect(applyWaivers([roster([other])], config.waivers, '2026-11-27').waivers[0]).toMatchObject({ state: 'live', matched: 0 });
  });

  it('covers people by ID number or by its SHA-256, so a config in a repository holds no personal data', () => {
    const id = '52052619750215031X';
    const hash = createHash('sha256').update(id).digest('hex');
    const person = finding('cadre-posted-once', { idNumber: id });
    for (const people of [id.toLowerCase(), hash]) {
      const text = `waivers:\n  - { rule: cadre-posted-once, people: ["${people}"], reason: 借调, approvedBy: 县委组织部, document: 文号1, expires: 2027-01-01 }\n`;
      const { rosters } = applyWaivers([roster([person])], loadConfig(configFile(text)).waivers, '2026-11-27');
      expect(rosters[0].waived).toEqual([person]);
    }
  });

  it('refuses a waiver without its approving document or expiry', () => {
    const file = configFile('waivers:\n  - { rule: tenure-review, villages: ["530828100216"], reason: x, approvedBy: y }\n');
    expect(refusal(() => loadConfig(file)).text.en).toMatch(/:2:\d+: waivers\.0: missing|must have required property/);
  });
});
