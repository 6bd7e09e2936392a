import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, STACK_TRACE } from './run-cli.js';

const SAMPLE = join(ROOT, 'fixtures/weining-county.xlsx');
const AS_OF = ['--as-of', '2026-11-27'];

function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'zhucun-ci-'));
}

describe('several formats in one run', () => {
  it('writes the i-th format to the i-th output, and a format without an output to standard output', () => {
    const folder = tempFolder();
    const run = runCli(['check', SAMPLE, ...AS_OF, '-f', 'json', '-o', join(folder, 'r.json'), '-f', 'sarif', '-o', join(folder, 'r.sarif'), '-f', 'stylish']);
    expect(run.status).toBe(1);
    expect(JSON.parse(readFileSync(join(folder, 'r.json'), 'utf8')).summary.errors).toBe(16);
    expect(JSON.parse(readFileSync(join(folder, 'r.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(run.stdout).toMatch(/✖ 共 27 个问题/);
  });
});

describe('--max-warnings and --quiet', () => {
  const onlyWarnings = (folder: string) => {
    const config = join(folder, 'zhucun.config.yaml');
    const errorRules = ['cadre-posted-once', 'first-secretary-party-member', 'id-number-valid', 'priority-village-first-secretary', 'relocation-site-staffed', 'required-field', 'start-date-plausible', 'team-min-size', 'tuopin-village-first-secretary', 'tuopin-village-team', 'value-format', 'village-exists', 'weak-org-village-first-secretary'];
    writeFileSync(config, `rules:\n${errorRules.map((id) => `  ${id}: off\n`).join('')}`);
    return config;
  };

  it('exits 1 when the warnings exceed --max-warnings, 0 when they do not', () => {
    const config = onlyWarnings(tempFolder());
    expect(runCli(['check', SAMPLE, ...AS_OF, '--config', config]).status).toBe(0);
    expect(runCli(['check', SAMPLE, ...AS_OF, '--config', config, '--max-warnings', '9']).status).toBe(0);
    expect(runCli(['check', SAMPLE, ...AS_OF, '--config', config, '--max-warnings', '8']).status).toBe(1);
  });

  it('--quiet reports errors only; the verdict is unchanged', () => {
    const run = runCli(['check', SAMPLE, ...AS_OF, '--quiet', '--format', 'json']);
    const severities = new Set(JSON.parse(run.stdout).files[0].violations.map((v: { severity: string }) => v.severity));
    expect([...severities]).toEqual(['error']);
    expect(run.status).toBe(1);
  });
});

describe('configuration', () => {
  it('is found in the working folder and applied: off, severity, thresholds, columns', () => {
    const folder = tempFolder();
    writeFileSync(
      join(folder, 'zhucun.config.yaml'),
      'rules:\n  tenure-review: off\n  filing-recorded: error\n  key-county-reinforced: { options: { min: 5 } }\n',
    );
    const report = JSON.parse(runCli(['check', SAMPLE, ...AS_OF, '--format', 'json'], { cwd: folder }).stdout);
    const violations = report.files[0].violations;
    expect(violations.some((v: { ruleId: string }) => v.ruleId === 'tenure-review')).toBe(false);
    expect(violations.find((v: { ruleId: string }) => v.ruleId === 'filing-recorded').severity).toBe('error');
    // With 5 as the minimum, the key-county teams of 4 are reported too.
    expect(violations.filter((v: { ruleId: string }) => v.ruleId === 'key-county-reinforced').length).toBeGreaterThan(3);
  });

  it('--config beats the file in the working folder', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'zhucun.config.yaml'), 'rules:\n  tenure-review: off\n');
    const named = join(folder, 'other.yaml');
    writeFileSync(named, 'rules:\n  filing-recorded: off\n');
    const ids = JSON.parse(runCli(['check', SAMPLE, ...AS_OF, '--format', 'json', '--config', named], { cwd: folder }).stdout)
      .files[0].violations.map((v: { ruleId: string }) => v.ruleId);
    expect(ids).toContain('tenure-review');
    expect(ids).not.toContain('filing-recorded');
  });

  it('an invalid configuration is exit 2 with the file, line and key', () => {
    const folder = tempFolder();
    const config = join(folder, 'zhucun.config.yaml');
    writeFileSync(config, 'rules:\n  tenure-review: sometimes\n');
    const run = runCli(['check', SAMPLE, ...AS_OF, '--config', config]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${config}:2:3: rules.tenure-review:`);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('a missing named configuration is exit 2', () => {
    const run = runCli(['check', SAMPLE, '--config', '/no/such.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\/no\/such\.yaml: 配置文件不存在/);
  });

  it('waivers: live ones are counted and listed with --show-waived; expired and unused ones are reported', () => {
    const folder = tempFolder();
    const config = join(folder, 'zhucun.config.yaml');
    writeFileSync(
      config,
      `waivers:
  - { rule: relocation-site-covered, villages: ["520526101216"], reason: 已并入邻村管理, approvedBy: 威宁县委组织部, document: 威组通〔2026〕12号, expires: 2027-06-30 }
  - { rule: team-min-size, villages: ["520526101211"], reason: 人员调整中, approvedBy: 威宁县委组织部, document: 威组通〔2025〕3号, expires: 2026-06-30 }
  - { rule: tenure-review, villages: ["520526100299"], reason: 无, approvedBy: 县委组织部, document: 文号, expires: 2027-01-01 }
`,
    );
    const run = runCli(['check', SAMPLE, ...AS_OF, '--config', config, '--format', 'json', '--show-waived']);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ waived: 1, errors: 16, warnings: 8 });
    expect(report.files[0].waived.map((v: { ruleId: string }) => v.ruleId)).toEqual(['relocation-site-covered']);
    expect(report.waivers.map((w: { state: string; matched: number }) => [w.state, w.matched])).toEqual([
      ['live', 1],
      ['expired', 1],
      ['live', 0],
    ]);
    const stylish = runCli(['check', SAMPLE, ...AS_OF, '--config', config]).stdout;
    expect(stylish).toMatch(/team-min-size 威组通〔2025〕3号 .*已于 2026-06-30 过期,不再豁免/);
    expect(stylish).toMatch(/tenure-review 文号 .*未匹配任何问题/);
  });
});

describe('zhucun rules', () => {
  it('lists every rule with its severity after configuration', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'zhucun.config.yaml'), 'rules:\n  filing-recorded: error\n');
    const run = runCli(['rules'], { cwd: folder });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^filing-recorded\s+error\s+人选须备案/m);
    expect(run.stdout.trim().split('\n')).toHaveLength(26);
  });

  it('explains a rule: requirement, policy passage, fix, example', () => {
    const run = runCli(['rules', 'explain', 'team-min-size', '--lang', 'en']);
    expect(run.stdout).toMatch(/team-min-size — A work team in a 脱贫村 has at least three members/);
    expect(run.stdout).toMatch(/对脱贫村,要实现一村一队,每队至少3人/);
    expect(run.stdout).toMatch(/fix: Bring the team/);
    expect(run.stdout).toMatch(/example: /);
  });

  it('explains an unknown id with exit 2', () => {
    expect(runCli(['rules', 'explain', 'no-such-rule']).status).toBe(2);
  });

  it('validates a folder of custom rules, with located errors', () => {
    const folder = tempFolder();
    mkdirSync(join(folder, 'good'));
    writeFileSync(join(folder, 'good', 'a.yaml'), readFileSync(join(ROOT, 'rules/team-min-size.yaml'), 'utf8').replace('id: team-min-size', 'id: team-min-size-province'));
    expect(runCli(['rules', 'validate', join(folder, 'good')]).stdout).toMatch(/1 条规则均有效/);
    mkdirSync(join(folder, 'bad'));
    writeFileSync(join(folder, 'bad', 'b.yaml'), 'id: Bad Id\n');
    const run = runCli(['rules', 'validate', join(folder, 'bad'), '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/b\.yaml:1:\d+: id: must match pattern/);
  });
});
