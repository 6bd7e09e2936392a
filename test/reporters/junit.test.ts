import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { junit, xmlAttribute, xmlText } from '../../src/reporters/junit.js';
import { renderMessage, ruleIndex } from '../../src/reporters/render.js';
import type { RunResult } from '../../src/types.js';
import { FAILED_PATH, options, ROSTER_PATH, runResult, text, WAIVER, waivedRun } from './run-result.js';
import { descendants, parseXml, type XmlElement } from './xml.js';

function render(result: RunResult, overrides: Parameters<typeof options>[0] = {}): XmlElement {
  return parseXml(text(junit.render(result, options(overrides))));
}

const count = (element: XmlElement, key: string) => Number(element.attributes[key]);
const cases = (suite: XmlElement) => suite.children.filter((child) => child.name === 'testcase');
const has = (testCase: XmlElement, name: string) => testCase.children.some((child) => child.name === name);

/** The counts an element claims are the counts of what it holds. */
function expectConsistentCounts(root: XmlElement): void {
  const suites = root.children.filter((child) => child.name === 'testsuite');
  for (const suite of suites) {
    expect(count(suite, 'tests')).toBe(cases(suite).length);
    expect(count(suite, 'failures')).toBe(cases(suite).filter((c) => has(c, 'failure')).length);
    expect(count(suite, 'errors')).toBe(cases(suite).filter((c) => has(c, 'error')).length);
    expect(count(suite, 'skipped')).toBe(cases(suite).filter((c) => has(c, 'skipped') && !has(c, 'failure')).length);
  }
  for (const key of ['tests', 'failures', 'errors']) {
    expect(count(root, key)).toBe(suites.reduce((sum, suite) => sum + count(suite, key), 0));
  }
}

describe('junit', () => {
  it('is one suite per roster and one case per rule, with consistent counts', () => {
    const result = runResult({ failed: true });
    const root = render(result);
    expect(root.name).toBe('testsuites');
    expectConsistentCounts(root);
    const [suite, failed] = root.children;
    expect(suite.attributes.name).toBe(ROSTER_PATH);
    expect(cases(suite).map((c) => c.attributes.name)).toEqual(result.rules.map((r) => r.id));
    expect(cases(suite).every((c) => c.attributes.classname === ROSTER_PATH)).toBe(true);
    expect(failed.attributes.name).toBe(FAILED_PATH);
  });

  it('fails a rule case once per error finding, with the message and the place and basis', () => {
    const result = runResult();
    const root = render(result);
    const findings = result.rosters[0].findings;
    const errors = findings.filter((f) => f.severity === 'error');
    const failures = descendants(root, 'failure');
    expect(failures).toHaveLength(errors.length);
    expect(count(root, 'failures')).toBe(new Set(errors.map((f) => f.ruleId)).size);
    expect(count(root, 'errors')).toBe(0);

    const rules = ruleIndex(result.rules);
    const bad = errors.find((f) => f.ruleId === 'id-number-valid')!;
    const testCase = cases(root.children[0]).find((c) => c.attributes.name === 'id-number-valid')!;
    const [failure] = testCase.children;
    expect(failure.attributes.message).toBe(renderMessage(rules.get(bad.ruleId), bad, { lang: 'zh', showPii: false }));
    expect(failure.attributes.type).toBe('error');
    expect(failure.text).toContain('驻村干部 第3行「身份证号」');
    expect(failure.text).toContain(rules.get(bad.ruleId)!.source.passage);
  });

  it('writes warnings and infos to system-out, and counts warnings as failures only with --max-warnings 0', () => {
    const result = runResult();
    const warnings = result.rosters[0].findings.filter((f) => f.severity === 'warning');
    const errors = result.rosters[0].findings.filter((f) => f.severity === 'error');

    const lenient = render(result);
    const filing = cases(lenient.children[0]).find((c) => c.attributes.name === 'filing-recorded')!;
    expect(has(filing, 'failure')).toBe(false);
    const out = filing.children.find((c) => c.name === 'system-out')!;
    expect(out.text.split('\n')).toHaveLength(warnings.filter((f) => f.ruleId === 'filing-recorded').length);
    expect(out.text).toContain('[警告] 驻村干部 第5行「备案情况」: =HYPERLINK("http://x") 的选派未备案');
    const tenure = cases(lenient.children[0]).find((c) => c.attributes.name === 'tenure-review')!;
    expect(tenure.children.find((c) => c.name === 'system-out')!.text).toMatch(/^\[提示\] /);

    expect(descendants(render(result, { maxWarnings: 5 }), 'failure')).toHaveLength(errors.length);
    const strict = render(result, { maxWarnings: 0 });
    expectConsistentCounts(strict);
    expect(descendants(strict, 'failure')).toHaveLength(errors.length + warnings.length);
    expect(descendants(strict, 'failure').filter((f) => f.attributes.type === 'warning')).toHaveLength(warnings.length);
    expect(count(strict, 'failures')).toBe(new Set([...errors, ...warnings].map((f) => f.ruleId)).size);
  });

  it('skips a rule that could not run, with the reason', () => {
    const result = runResult();
    const root = render(result, { lang: 'en' });
    const skipped = cases(root.children[0]).filter((c) => has(c, 'skipped'));
    expect(skipped.map((c) => c.attributes.name)).toEqual(result.rosters[0].notChecked.map((n) => n.ruleId));
    expect(skipped[0].children[0].attributes.message).toBe(result.rosters[0].notChecked[0].reason.en);
  });

  it('makes a roster that could not be read a suite with one error case', () => {
    const root = render(runResult({ failed: true }), { lang: 'en' });
    const failed = root.children.find((suite) => suite.attributes.name === FAILED_PATH)!;
    expect([count(failed, 'tests'), count(failed, 'failures'), count(failed, 'errors')]).toEqual([1, 0, 1]);
    const [error] = cases(failed)[0].children;
    expect(error.name).toBe('error');
    expect(error.attributes.type).toBe('ENCRYPTED');
    expect(error.attributes.message).toContain('encrypted');
    expect(count(root, 'errors')).toBe(1);
  });

  it('lists waived findings as such with --show-waived, and never as failures', () => {
    const result = waivedRun();
    const hidden = render(result, { maxWarnings: 0 });
    const waivedCase = (root: XmlElement) => cases(root.children[0]).find((c) => c.attributes.name === WAIVER.rule)!;
    expect(waivedCase(hidden).children).toEqual([]);
    const shown = render(result, { maxWarnings: 0, showWaived: true });
    expect(has(waivedCase(shown), 'failure')).toBe(false);
    const out = waivedCase(shown).children.find((c) => c.name === 'system-out')!;
    expect(out.text).toMatch(/^\[已豁免\] 村庄 第3行: /);
    expect(out.text).toContain(WAIVER.document);
    expect(count(shown, 'failures')).toBe(count(hidden, 'failures'));
  });

  it('escapes markup and drops characters XML 1.0 cannot hold, in paths, messages and output', () => {
    const nasty = `a&b<c>d"e'f\u0000g\u0008h\uFFFEi\uD800j\r\nk\tl]]>m`;
    const kept = `a&b<c>d"e'fghij\r\nk\tl]]>m`;
    const result = runResult({ failed: true });
    const crafted: RunResult = {
      ...result,
      rosters: [
        { ...result.rosters[0], path: `x/${nasty}.xlsx` },
        { ...result.rosters[1], failure: { code: 'E<&>', message: { zh: nasty, en: nasty } } },
      ],
    };
    const root = render(crafted);
    expectConsistentCounts(root);
    expect(root.children[0].attributes.name).toBe(`x/${kept}.xlsx`);
    const error = descendants(root, 'error')[0];
    expect(error.attributes.type).toBe('E<&>');
    expect(error.attributes.message).toBe(kept);
  });

  it('is checked with a reader that rejects what is not well-formed', () => {
    for (const bad of ['<t>a&b</t>', '<t a="<"/>', '<t>a<b</t>', '<t a=x/>', '<t>\u0001</t>', '<t><u></t>', '<t/><t/>']) {
      expect(() => parseXml(bad), bad).toThrow();
    }
  });

  it('round-trips any text through its escaping', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const kept = value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
        const element = parseXml(`<t a="${xmlAttribute(value)}">${xmlText(value)}</t>`);
        expect(element.attributes.a).toBe(kept);
        expect(element.text).toBe(kept);
      }),
    );
  });
});
