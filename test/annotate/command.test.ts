// What `check --annotate FILE` does with a run: writes the copy for one readable roster, refuses
// anything else before writing, and never overwrites the roster itself.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotateRefusal, writeAnnotatedCopy } from '../../src/annotate/command.js';
import { UsageError, ZhucunError } from '../../src/errors.js';
import { check } from '../../src/index.js';
import { readBook, sha256 } from './read-back.js';

const TMP = mkdtempSync(join(tmpdir(), 'zhucun-annotate-cmd-'));
const ROSTER = 'fixtures/weining-county.xlsx';
const options = { lang: 'zh' as const, showPii: false };

describe('writeAnnotatedCopy', () => {
  it('writes the annotated copy of a run’s one roster', async () => {
    const result = await check({ inputs: [ROSTER], asOf: '2026-11-27' });
    const output = join(TMP, 'marked.xlsx');
    await writeAnnotatedCopy(result, output, options);
    expect(readBook(readFileSync(output)).SheetNames).toEqual(['问题清单', '村庄', '驻村干部']);
  });

  it('refuses a run of several rosters, naming them', async () => {
    const result = await check({ inputs: [ROSTER, 'fixtures/rosters/cadres-only.xlsx'], asOf: '2026-11-27' });
    const output = join(TMP, 'two.xlsx');
    const refusal = annotateRefusal(result, output);
    expect(refusal).toBeInstanceOf(UsageError);
    expect(refusal?.exitCode).toBe(2);
    expect(refusal?.text.en).toContain('cadres-only.xlsx');
    await expect(writeAnnotatedCopy(result, output, options)).rejects.toBeInstanceOf(UsageError);
    expect(existsSync(output)).toBe(false);
  });

  it('refuses a roster that could not be read, naming it', async () => {
    const result = await check({ inputs: [join(TMP, 'missing.xlsx')], asOf: '2026-11-27' });
    const refusal = annotateRefusal(result, join(TMP, 'out.xlsx'));
    expect(refusal).toBeInstanceOf(ZhucunError);
    expect(refusal?.exitCode).toBe(2);
    expect(refusal?.text.zh).toContain('missing.xlsx');
  });

  it('never overwrites the roster being checked', async () => {
    const before = sha256(ROSTER);
    const result = await check({ inputs: [ROSTER], asOf: '2026-11-27' });
    await expect(writeAnnotatedCopy(result, `./${ROSTER}`, options)).rejects.toBeInstanceOf(UsageError);
    expect(sha256(ROSTER)).toBe(before);
  });

  it('refuses an output that is not .xlsx', async () => {
    const result = await check({ inputs: [ROSTER], asOf: '2026-11-27' });
    expect(annotateRefusal(result, join(TMP, 'marked.xls'))?.text.en).toContain('.xlsx');
  });

  it('names the output when it cannot be written', async () => {
    const result = await check({ inputs: [ROSTER], asOf: '2026-11-27' });
    const output = join(TMP, 'no-such-folder', 'marked.xlsx');
    const error = await writeAnnotatedCopy(result, output, options).then(() => null, (e: unknown) => e as ZhucunError);
    expect(error).toBeInstanceOf(ZhucunError);
    expect(error?.text.en).toContain('no-such-folder');
  });
});
