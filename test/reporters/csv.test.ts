import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csv } from '../../src/reporters/csv.js';
import { renderMessage, ruleIndex } from '../../src/reporters/render.js';
import type { RunResult } from '../../src/types.js';
import { FAILED_PATH, FORMULA_NAMES, options, ROSTER_PATH, runResult, text, WAIVER, waivedRun } from './run-result.js';

function bytes(result: RunResult, overrides: Parameters<typeof options>[0] = {}): Buffer {
  const output = csv.render(result, options(overrides));
  return typeof output === 'string' ? Buffer.from(output, 'utf8') : Buffer.from(output);
}

function rows(result: RunResult, overrides: Parameters<typeof options>[0] = {}): string[][] {
  return parse(bytes(result, overrides), { bom: true, relax_column_count: false }) as string[][];
}

/** A result whose first findings quote crafted values (as a cadre's name would be quoted). */
function quoting(values: readonly string[]): RunResult {
  const result = runResult();
  const findings = result.rosters[0].findings.filter((f) => f.ruleId === 'filing-recorded');
  const crafted = values.map((name, index) => ({ ...findings[index % findings.length], data: { ...findings[index % findings.length].data, name } }));
  return { ...result, rosters: [{ ...result.rosters[0], findings: crafted }] };
}

describe('csv', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    const raw = bytes(runResult({ failed: true }));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = raw.toString('utf8');
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has headers in the chosen language and one row per finding', () => {
    const result = runResult();
    const [header, ...records] = rows(result);
    expect(header).toEqual(['名册', '工作表', '行', '列', '规则', '级别', '问题']);
    expect(rows(result, { lang: 'en' })[0]).toEqual(['roster', 'sheet', 'row', 'column', 'rule', 'severity', 'message']);
    const findings = result.rosters[0].findings;
    expect(records).toHaveLength(findings.length);
    const rules = ruleIndex(result.rules);
    const severity = { error: '错误', warning: '警告', info: '提示' };
    records.forEach((record, index) => {
      const finding = findings[index];
      const message = renderMessage(rules.get(finding.ruleId), finding, { lang: 'zh', showPii: false });
      expect(record).toEqual([
        ROSTER_PATH,
        finding.location.sheet,
        String(finding.location.row),
        finding.location.column ?? '',
        finding.ruleId,
        severity[finding.severity],
        /^[=+\-@]/.test(message) ? `'${message}` : message,
      ]);
    });
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const raw = bytes(quoting(['a,b', 'say "hi"', 'two\r\nlines\nand\rmore']), { lang: 'en' }).toString('utf8');
    expect(raw).toContain(`"a,b's selection is not filed (备案情况: 否)"`);
    expect(raw).toContain(`"say ""hi""'s selection`);
    const messages = rows(quoting(['a,b', 'say "hi"', 'two\r\nlines\nand\rmore']), { lang: 'en' }).slice(1).map((r) => r[6]);
    expect(messages).toEqual([
      "a,b's selection is not filed (备案情况: 否)",
      `say "hi"'s selection is not filed (备案情况: 否)`,
      "two\r\nlines\nand\rmore's selection is not filed (备案情况: 否)",
    ]);
  });

  it('never lets a field start a formula: = + - @ tab CR get a leading quote', () => {
    const messages = rows(runResult()).slice(1).map((r) => r[6]);
    for (const name of FORMULA_NAMES) expect(messages.some((m) => m.startsWith(`'${name}`)), name).toBe(true);
    expect(messages.filter((m) => /^[=+\-@\t\r]/.test(m))).toEqual([]);

    const values = ['=HYPERLINK("http://x")', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '=1+1'];
    const raw = bytes(quoting(values), { lang: 'en' }).toString('utf8');
    expect(raw).toContain(`"'=HYPERLINK(""http://x"")'s selection`);
    const parsed = rows(quoting(values), { lang: 'en' }).slice(1).map((r) => r[6]);
    expect(parsed.map((m) => m.split("'s selection")[0])).toEqual(values.map((v) => `'${v}`));
  });

  it('guards every column, not only messages', () => {
    const result = runResult({ failed: true });
    const crafted: RunResult = {
      ...result,
      rosters: [
        { ...result.rosters[0], path: '-rosters/x.xlsx', findings: result.rosters[0].findings.map((f) => ({ ...f, location: { ...f.location, sheet: '@sheet', column: '+col' } })) },
        { ...result.rosters[1], path: '=cmd|x' },
      ],
    };
    for (const record of rows(crafted).slice(1)) {
      for (const field of record) expect(field, record.join(',')).not.toMatch(/^[=+\-@\t\r]/);
    }
    const [, first] = rows(crafted);
    expect([first[0], first[1], first[3]]).toEqual(["'-rosters/x.xlsx", "'@sheet", "'+col"]);
    expect(rows(crafted).at(-1)![0]).toBe("'=cmd|x");
  });

  it('writes a roster that could not be read as an error row', () => {
    const records = rows(runResult({ failed: true }), { lang: 'en' });
    const failed = records.at(-1)!;
    expect(failed.slice(0, 6)).toEqual([FAILED_PATH, '', '', '', 'ENCRYPTED', 'error']);
    expect(failed[6]).toContain('encrypted');
  });

  it('adds a waiver column and the waived rows with --show-waived', () => {
    const result = waivedRun();
    expect(rows(result).some((r) => r[4] === WAIVER.rule)).toBe(false);
    const [header, ...records] = rows(result, { showWaived: true });
    expect(header.at(-1)).toBe('豁免');
    const waived = records.filter((r) => r[7] !== '');
    expect(waived).toHaveLength(1);
    expect(waived[0][4]).toBe(WAIVER.rule);
    expect(waived[0][7]).toContain(WAIVER.reason);
    expect(waived[0][7]).toContain(WAIVER.document);
    expect(records.filter((r) => r[7] === '')).toHaveLength(result.rosters[0].findings.length);
  });

  it('parses back to what was written, whatever the text', () => {
    fc.assert(
      // Shorter than the 40 characters a message quotes; shown with --show-pii so that digits stay as typed.
      fc.property(fc.string({ unit: 'binary', maxLength: 39 }), (name) => {
        const [, record] = rows(quoting([name]), { lang: 'en', showPii: true });
        const message = `${name}'s selection is not filed (备案情况: 否)`;
        expect(record[6]).toBe(/^[=+\-@\t\r]/.test(message) ? `'${message}` : message);
      }),
      { numRuns: 200 },
    );
  });

  it('returns text the CLI writes as UTF-8', () => {
    expect(text(csv.render(runResult(), options())).startsWith('\uFEFF名册,')).toBe(true);
  });
});
