import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, STACK_TRACE } from './run-cli.js';

const SAMPLE = 'fixtures/weining-county.xlsx';
const AS_OF = ['--as-of', '2026-11-27'];

interface ExpectedFinding {
  ruleId: string;
  severity: string;
  sheet: string;
  row: number;
}

function jsonReport(args: string[]) {
  const run = runCli(['check', ...args, '--format', 'json', ...AS_OF]);
  return { run, report: JSON.parse(run.stdout) };
}

function keys(findings: ExpectedFinding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.severity} ${f.sheet}!${f.row}`).sort();
}

function violationsOf(report: any): string[] {
  return keys(
    report.files.flatMap((file: any) =>
      file.violations.map((v: any) => ({ ruleId: v.ruleId, severity: v.severity, sheet: v.location.sheet, row: v.location.row })),
    ),
  );
}

function expectedOf(file: string): string[] {
  return keys(JSON.parse(readFileSync(join(ROOT, file), 'utf8')));
}

describe('zhucun check on rosters of the specification', () => {
  it('reports exactly the expected findings of the Weining sample, exit 1', () => {
    const { run, report } = jsonReport([SAMPLE]);
    expect(run.status).toBe(1);
    expect(violationsOf(report)).toEqual(expectedOf('fixtures/weining-county.expected.json'));
  });

  it.each([
    ['fixtures/rosters/lancang-county.xlsx', 'fixtures/rosters/lancang-county.expected.json'],
    ['fixtures/rosters/lancang-county.xls', 'fixtures/rosters/lancang-county.expected.json'],
    ['fixtures/rosters/lancang-county.ods', 'fixtures/rosters/lancang-county.expected.json'],
    ['fixtures/rosters/cadres-only.xlsx', 'fixtures/rosters/cadres-only.expected.json'],
    ['fixtures/rosters/xiji-csv-gb18030', 'fixtures/rosters/xiji-csv-gb18030.expected.json'],
    ['fixtures/rosters/utf8-bom-csv', 'fixtures/rosters/utf8-bom-csv.expected.json'],
  ])('%s (another layout, producer or encoding) gets exactly its expected findings', (roster, expected) => {
    const { report } = jsonReport([roster]);
    expect(report.files[0].failure).toBeNull();
    expect(violationsOf(report)).toEqual(expectedOf(expected));
  });

  it('reads a CSV pair named with --villages', () => {
    const { report } = jsonReport([
      '--villages',
      'fixtures/rosters/utf8-bom-csv/villages.csv',
      'fixtures/rosters/utf8-bom-csv/cadres.csv',
    ]);
    expect(report.files[0].path).toBe('fixtures/rosters/utf8-bom-csv/cadres.csv');
    expect(violationsOf(report)).toEqual(expectedOf('fixtures/rosters/utf8-bom-csv.expected.json'));
  });

  it('writes JSON that validates against schemas/report.schema.json', () => {
    const { report } = jsonReport([SAMPLE, 'fixtures/rosters/cadres-only.xlsx', 'no-such-file.xlsx']);
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/report.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.summary).toMatchObject({ files: 3, filesFailed: 1 });
    expect(report.files[2].failure.code).toBe('NOT_FOUND');
  });

  it('says which rules could not run and why, once per roster', () => {
    const { report } = jsonReport([SAMPLE]);
    expect(report.files[0].notChecked).toEqual(
      expect.arrayContaining([{ ruleId: 'full-time-in-village', reason: '没有「是否脱产」列' }]),
    );
    const cadresOnly = jsonReport(['fixtures/rosters/cadres-only.xlsx']).report.files[0];
    expect(cadresOnly.notices).toHaveLength(1);
    expect(cadresOnly.notChecked.map((n: any) => n.ruleId)).toContain('tuopin-village-team');
  });

  it('prints the same bytes on two runs', () => {
    const first = runCli(['check', SAMPLE, ...AS_OF]);
    const second = runCli(['check', SAMPLE, ...AS_OF]);
    expect(first.stdout).toBe(second.stdout);
  });
});

describe('the terminal report', () => {
  it('groups findings by roster and sheet, with row, severity, message, rule id, basis and fix, in Chinese', () => {
    const run = runCli(['check', SAMPLE, ...AS_OF]);
    expect(run.stdout).toMatch(/^fixtures\/weining-county\.xlsx\n {2}村庄\n/);
    expect(run.stdout).toMatch(/第13行\s+错误\s+脱贫村「雪林村委会」的工作队在岗 2 人,少于 3 人\s+team-min-size/);
    expect(run.stdout).toMatch(/依据: 驻村帮扶工作推进会讲话/);
    expect(run.stdout).toMatch(/整改: /);
    expect(run.stdout).toMatch(/✖ 共 27 个问题\(错误 16,警告 9,提示 2\)/);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('speaks English with --lang en', () => {
    const run = runCli(['check', SAMPLE, ...AS_OF, '--lang', 'en']);
    expect(run.stdout).toMatch(/row 13\s+error\s+the work team of 脱贫村 雪林村委会 has 2 active members, fewer than 3\s+team-min-size/);
    expect(run.stdout).toMatch(/27 problems \(16 errors, 9 warnings, 2 infos\)/);
  });

  it('colours only when asked: FORCE_COLOR on, NO_COLOR off', () => {
    expect(runCli(['check', SAMPLE, ...AS_OF], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[31m/);
    expect(runCli(['check', SAMPLE, ...AS_OF], { env: { NO_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });

  it('masks ID and phone numbers unless --show-pii', () => {
    const masked = runCli(['check', SAMPLE, ...AS_OF, '--format', 'json']).stdout;
    expect(masked).toContain('520526********0311');
    expect(masked).not.toMatch(/\d{17}[\dX]/);
    const shown = runCli(['check', SAMPLE, ...AS_OF, '--format', 'json', '--show-pii']).stdout;
    expect(shown).toContain('520526197502150311');
  });

  it('writes to --output instead of standard output', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zhucun-')), 'report.json');
    const run = runCli(['check', SAMPLE, ...AS_OF, '--format', 'json', '--output', out]);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.errors).toBe(16);
  });
});

describe('exit codes and failures', () => {
  it('exits 0 when there is no error finding', () => {
    const folder = mkdtempSync(join(tmpdir(), 'zhucun-'));
    const config = join(folder, 'zhucun.config.yaml');
    writeFileSync(config, 'rules:\n' + ['cadre-posted-once', 'first-secretary-party-member', 'id-number-valid', 'priority-village-first-secretary', 'relocation-site-staffed', 'required-field', 'start-date-plausible', 'team-min-size', 'tuopin-village-first-secretary', 'tuopin-village-team', 'value-format', 'village-exists', 'weak-org-village-first-secretary'].map((id) => `  ${id}: warning\n`).join(''));
    expect(runCli(['check', SAMPLE, ...AS_OF, '--config', config]).status).toBe(0);
  });

  it.each([
    [['check', 'no-such.xlsx'], /no-such\.xlsx: 文件或文件夹不存在/],
    [['check', SAMPLE, '--as-of', '2026-13-01'], /--as-of「2026-13-01」不是有效日期/],
    [['check', SAMPLE, '--format', 'yaml'], /未知的输出格式「yaml」/],
    [['check', SAMPLE, '--rules', 'no-such-folder'], /no-such-folder: 规则目录不存在/],
    [['check', SAMPLE, '--bogus'], /unknown option '--bogus'/],
    [['check', SAMPLE, '-f', 'json', '-o', '/no/such/folder/report.json'], /report\.json: 无法写入\(ENOENT\)/],
  ])('%j ends with exit 2 and one clear line, no stack trace', (args, message) => {
    const run = runCli(args as string[]);
    expect(run.status).toBe(2);
    expect(run.stderr + run.stdout).toMatch(message as RegExp);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('checks the other rosters when one fails, and exits 2', () => {
    const { run, report } = jsonReport(['no-such.xlsx', SAMPLE]);
    expect(run.status).toBe(2);
    expect(report.files.map((f: any) => f.failure?.code ?? null)).toEqual(['NOT_FOUND', null]);
    expect(report.files[1].violations).toHaveLength(27);
  });
});

describe('the county figures a report shows', () => {
  it('are computed for the HTML report, written with other formats in one run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhucun-rollup-'));
    const page = join(dir, 'audit.html');
    const run = runCli(['check', SAMPLE, ...AS_OF, '--format', 'json', '--output', join(dir, 'r.json'), '--format', 'html', '--output', page]);
    expect(run.status).toBe(1);
    const counties = readFileSync(page, 'utf8').split('id="rollup-counties"')[1]!.split('</tbody>')[0]!;
    // 威宁's row: its code, and its 24 villages (the sample's village sheet).
    expect(counties).toContain('<td>520526</td>');
    expect(counties).toContain('<td class="num">24</td>');
  });
});
