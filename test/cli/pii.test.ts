// Personal data stays masked in every output and every error message unless --show-pii.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const SAMPLE = 'fixtures/weining-county.xlsx';
const AS_OF = ['--as-of', '2026-11-27'];
const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'csv', 'html'];

describe('personal data in what zhucun writes', () => {
  it.each(FORMATS)('%s holds no full ID number or mobile number by default', (format) => {
    const run = runCli(['check', SAMPLE, ...AS_OF, '--format', format, '--show-waived']);
    expect(run.stdout.length).toBeGreaterThan(100);
    expect(run.stdout).not.toMatch(FULL_ID);
    expect(run.stdout).not.toMatch(MOBILE);
  });

  it.each(['json', 'csv', 'stylish'])('%s shows them with --show-pii', (format) => {
    expect(runCli(['check', SAMPLE, ...AS_OF, '--format', format, '--show-pii']).stdout).toMatch(FULL_ID);
  });

  // The roster's path is kept as given (programs use it to find the file); messages are masked.
  it('error messages mask a number that looks like an ID or a phone, even one quoted from a path', () => {
    const run = runCli(['check', '520526197202120030-13678325876.xlsx', '--format', 'json']);
    expect(run.status).toBe(2);
    const { message } = JSON.parse(run.stdout).files[0].failure;
    expect(message).toBe('520526********0030-136****5876.xlsx: 文件或文件夹不存在,请检查路径');
    const usage = runCli(['check', SAMPLE, '--as-of', '13678325876']);
    expect(usage.stderr).toContain('136****5876');
    expect(usage.stderr).not.toMatch(MOBILE);
  });
});
