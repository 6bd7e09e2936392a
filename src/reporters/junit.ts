// JUnit XML for a CI's test tab: a roster is a test suite, a rule a test case. Each error finding
// is a <failure> of its rule's case; a warning is one only under --max-warnings 0, otherwise it is
// written to the case's <system-out> with the infos and (with --show-waived) the waived findings.
// A rule that could not run is skipped; a roster that could not be read is a suite with one error.
// Counts are of test cases: a case with three failures is one failed test.
import type { LoadFailure, NotChecked, RosterResult, RuleMeta, RunResult } from '../types.js';
import { basisText, fixText, listFindings, placeText, SEVERITY_WORDS, WAIVED_WORDS, waiverNote, type Listed } from './listing.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { localize, renderMessage, ruleIndex } from './render.js';

/** The test case of a roster that could not be read. */
const LOAD_CASE = 'load';

// Characters XML 1.0 cannot hold at all (controls, lone surrogates, U+FFFE/FFFF): dropped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
};

/** Element text: escaped, CR kept as a reference (a parser would turn it into LF). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"'\r]/g, (char) => ENTITIES[char]);
}

/** An attribute value: as text, and tab and LF as references, which attribute normalisation would turn into spaces. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

interface Counts {
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
}

interface Element extends Counts {
  readonly xml: string[];
}

function total(items: readonly Counts[], key: keyof Counts): number {
  return items.reduce((sum, item) => sum + item[key], 0);
}

function countAttributes(items: readonly Counts[], keys: readonly (keyof Counts)[]): string {
  return keys.map((key) => `${key}="${total(items, key)}"`).join(' ');
}

export const junit: Reporter = {
  name: 'junit',
  render(result, options) {
    const rules = ruleIndex(result.rules);
    const suites = result.rosters.map((roster) =>
      roster.failure ? failedSuite(roster.path, roster.failure, options) : rosterSuite(roster, result, rules, options),
    );
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="${xmlAttribute(result.tool.name)}" ${countAttributes(suites, ['tests', 'failures', 'errors'])}>`,
      ...suites.flatMap((suite) => suite.xml),
      '</testsuites>',
      '',
    ].join('\n');
  },
};

function suiteElement(path: string, cases: readonly Element[]): Element {
  return {
    tests: total(cases, 'tests'),
    failures: total(cases, 'failures'),
    errors: total(cases, 'errors'),
    skipped: total(cases, 'skipped'),
    xml: [
      `  <testsuite name="${xmlAttribute(path)}" ${countAttributes(cases, ['tests', 'failures', 'errors', 'skipped'])}>`,
      ...cases.flatMap((testCase) => testCase.xml),
      '  </testsuite>',
    ],
  };
}

function failedSuite(path: string, failure: LoadFailure, options: ReporterOptions): Element {
  const error = `<error type="${xmlAttribute(failure.code)}" message="${xmlAttribute(localize(failure.message, options))}"/>`;
  const xml = [`    <testcase classname="${xmlAttribute(path)}" name="${LOAD_CASE}">`, `      ${error}`, '    </testcase>'];
  return suiteElement(path, [{ tests: 1, failures: 0, errors: 1, skipped: 0, xml }]);
}

/** Every rule of the run is a test case, and so is a rule a finding cites that the run does not list. */
function rosterSuite(roster: RosterResult, result: RunResult, rules: Map<string, RuleMeta>, options: ReporterOptions): Element {
  const entries = listFindings(roster, options);
  const ids = [...new Set([...result.rules.map((rule) => rule.id), ...entries.map((entry) => entry.finding.ruleId)])];
  const cases = ids.map((id) =>
    ruleCase(
      roster.path,
      id,
      entries.filter((entry) => entry.finding.ruleId === id),
      roster.notChecked.find((n) => n.ruleId === id),
      { result, rule: rules.get(id), options },
    ),
  );
  return suiteElement(roster.path, cases);
}

interface CaseContext {
  readonly result: RunResult;
  readonly rule: RuleMeta | undefined;
  readonly options: ReporterOptions;
}

/** Errors fail; warnings fail only under --max-warnings 0; a waived finding never does. */
function fails({ finding, waived }: Listed, options: ReporterOptions): boolean {
  if (waived) return false;
  return finding.severity === 'error' || (finding.severity === 'warning' && options.maxWarnings === 0);
}

function ruleCase(path: string, id: string, entries: readonly Listed[], notChecked: NotChecked | undefined, context: CaseContext): Element {
  const failing = entries.filter((entry) => fails(entry, context.options));
  const output = entries.filter((entry) => !fails(entry, context.options)).map((entry) => outputLine(entry, context));
  const body = [
    ...(notChecked ? [`<skipped message="${xmlAttribute(localize(notChecked.reason, context.options))}"/>`] : []),
    ...failing.map((entry) => failureElement(entry, context)),
    ...(output.length > 0 ? [`<system-out>${xmlText(output.join('\n'))}</system-out>`] : []),
  ];
  const open = `    <testcase classname="${xmlAttribute(path)}" name="${xmlAttribute(id)}"`;
  const xml = body.length === 0 ? [`${open}/>`] : [`${open}>`, ...body.map((line) => `      ${line}`), '    </testcase>'];
  const failed = failing.length > 0;
  return { tests: 1, failures: failed ? 1 : 0, errors: 0, skipped: notChecked && !failed ? 1 : 0, xml };
}

function failureElement({ finding }: Listed, { rule, options }: CaseContext): string {
  const message = renderMessage(rule, finding, options);
  const details = [placeText(finding.location, options.lang), ...(rule ? [basisText(rule, options.lang), fixText(rule, options.lang)] : [])];
  return `<failure message="${xmlAttribute(message)}" type="${finding.severity}">${xmlText(details.join('\n'))}</failure>`;
}

function outputLine({ finding, waived }: Listed, { result, rule, options }: CaseContext): string {
  const line = `${placeText(finding.location, options.lang)}: ${renderMessage(rule, finding, options)}`;
  if (!waived) return `[${SEVERITY_WORDS[options.lang][finding.severity]}] ${line}`;
  return `[${WAIVED_WORDS[options.lang]}] ${line} (${waiverNote(result.waivers, finding, options)})`;
}
