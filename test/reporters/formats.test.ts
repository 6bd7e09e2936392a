// What every output format owes: it is registered, masks personal data unless --show-pii, and
// never counts a waived finding.
import { describe, expect, it } from 'vitest';
import { REPORTERS } from '../../src/reporters/index.js';
import { BAD_ID, FULL_ID, FULL_MOBILE, GOOD_ID, LISTED_PHONE, options, runResult, STRAY_PHONE, text, waivedRun } from './run-result.js';

const FORMATS = ['sarif', 'junit', 'github', 'markdown', 'csv'] as const;

/** The text a reader sees: Markdown's backslash escapes removed. */
const visible = (name: string, output: string) => (name === 'markdown' ? output.replace(/\\([!-/:-@[-`{-~])/g, '$1') : output);

describe.each(FORMATS)('%s', (name) => {
  const reporter = REPORTERS.get(name)!;

  it('is registered under its name', () => {
    expect(reporter?.name).toBe(name);
  });

  it('writes no full ID number or mobile number without --show-pii', () => {
    for (const lang of ['zh', 'en'] as const) {
      const output = visible(name, text(reporter.render(waivedRun({ failed: true }), options({ lang, showWaived: true, maxWarnings: 0 }))));
      expect(output).not.toMatch(FULL_ID);
      expect(output).not.toMatch(FULL_MOBILE);
      expect(output).toContain(`${BAD_ID.slice(0, 6)}********${BAD_ID.slice(-4)}`);
      expect(output).toContain(`${STRAY_PHONE.slice(0, 3)}****${STRAY_PHONE.slice(-4)}`);
    }
  });

  it('writes them as typed with --show-pii', () => {
    const output = visible(name, text(reporter.render(runResult({ failed: true }), options({ showPii: true }))));
    expect(output).toContain(BAD_ID);
    expect(output).toContain(STRAY_PHONE);
    expect(output).toMatch(FULL_ID);
    // Numbers no message quotes stay out of every format, --show-pii or not.
    expect(output).not.toContain(LISTED_PHONE);
    if (name !== 'sarif') expect(output).not.toContain(GOOD_ID);
  });

  it('renders the same bytes twice', () => {
    const result = waivedRun({ failed: true });
    expect(text(reporter.render(result, options({ showWaived: true })))).toBe(text(reporter.render(result, options({ showWaived: true }))));
  });

  it('shows waived findings only when asked, without changing the verdict', () => {
    const result = waivedRun();
    const hidden = text(reporter.render(result, options()));
    const shown = text(reporter.render(result, options({ showWaived: true })));
    expect(hidden).not.toContain('石门村合并');
    expect(shown).toContain('石门村合并');
  });
});
