import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { renderMessage, ruleIndex } from '../../src/reporters/render.js';
import { artifactUri, sarif } from '../../src/reporters/sarif.js';
import type { RunResult } from '../../src/types.js';
import { BAD_ID, FAILED_PATH, options, ROSTER_PATH, runResult, text, VILLAGES, WAIVER, waivedRun } from './run-result.js';

// The OASIS schema, vendored beside this test (see sarif-schema-2.1.0.md).
const schema = JSON.parse(readFileSync(new URL('./sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
// ajv-formats is CommonJS: under NodeNext its default import is module.exports, whose `default` is the plugin.
// unicodeRegExp: false: the schema's toolComponent.language pattern has a stray `]`, which is a
// syntax error under the `u` flag Ajv uses by default (and harmless without it).
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
ajvFormats.default(ajv);
const validate: ValidateFunction = ajv.compile(schema);
const uriReference = ajv.compile({ type: 'string', format: 'uri-reference' });

interface Log {
  runs: {
    tool: { driver: { name: string; version: string; rules: Descriptor[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: Notification[] }[];
    results: Result[];
  }[];
}
interface Descriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  defaultConfiguration: { level: string };
  properties: { source: { document: string; passage: string } };
}
interface Notification {
  level: string;
  message: { text: string };
  descriptor?: { id: string };
  associatedRule?: { id: string };
  locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
    logicalLocations: { name: string; fullyQualifiedName: string; kind: string }[];
  }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; justification: string }[];
}

function render(result: RunResult, overrides: Parameters<typeof options>[0] = {}): Log {
  const output = text(sarif.render(result, options(overrides)));
  expect(validate(JSON.parse(output)), JSON.stringify(validate.errors, null, 2)).toBe(true);
  return JSON.parse(output) as Log;
}

const fingerprintsOf = (log: Log) => log.runs[0].results.map((r) => Object.values(r.partialFingerprints)[0]);

describe('sarif', () => {
  it('is valid SARIF 2.1.0 in both languages, with and without personal data, waived and failed rosters', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const showPii of [false, true]) {
        render(waivedRun({ failed: true }), { lang, showPii, showWaived: true });
        render(runResult(), { lang, showPii });
      }
    }
  });

  it('has a validator that does reject what SARIF forbids (the check above means something)', () => {
    const log = JSON.parse(text(sarif.render(runResult(), options())));
    log.runs[0].results[0].level = 'info';
    expect(validate(log)).toBe(false);
    const unencoded = JSON.parse(text(sarif.render(runResult(), options())));
    unencoded.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = ROSTER_PATH;
    expect(validate(unencoded)).toBe(false);
  });

  it('describes every cited rule: title, basis, fix, level; results point at it by index', () => {
    const result = runResult();
    const log = render(result, { lang: 'en' });
    const { rules, name, version } = log.runs[0].tool.driver;
    expect({ name, version }).toEqual({ name: 'zhucun', version: '0.1.0' });
    const cited = [...new Set(result.rosters[0].findings.map((f) => f.ruleId))].sort();
    expect(rules.map((r) => r.id)).toEqual(cited);
    const meta = ruleIndex(result.rules);
    for (const descriptor of rules) {
      const rule = meta.get(descriptor.id)!;
      expect(descriptor.shortDescription.text).toBe(rule.title.en);
      expect(descriptor.fullDescription.text).toContain(rule.source.passage);
      expect(descriptor.help.text).toContain(rule.fix.en);
      expect(descriptor.help.text).toContain(rule.source.passage);
      expect(descriptor.properties.source).toEqual({ document: rule.source.document, passage: rule.source.passage });
      expect(descriptor.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[rule.severity]);
      expect(descriptor.name).toMatch(/^[A-Z][A-Za-z]+$/);
    }
    for (const r of log.runs[0].results) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(rules.find((r) => r.id === 'team-min-size')).toBeUndefined();
  });

  it('gives each finding its level, rendered message, roster URI, row, sheet cell and village', () => {
    const result = runResult();
    const findings = result.rosters[0].findings;
    const log = render(result);
    const results = log.runs[0].results;
    expect(results).toHaveLength(findings.length);
    const rules = ruleIndex(result.rules);
    results.forEach((r, index) => {
      const finding = findings[index];
      expect(r.ruleId).toBe(finding.ruleId);
      expect(r.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[finding.severity]);
      expect(r.message.text).toBe(renderMessage(rules.get(finding.ruleId), finding, { lang: 'zh', showPii: false }));
      const [location] = r.locations;
      expect(location.physicalLocation.artifactLocation.uri).toBe('rosters/%E5%A8%81%E5%AE%81%E5%8E%BF%20%E5%90%8D%E5%86%8C%231.xlsx');
      expect(decodeURIComponent(location.physicalLocation.artifactLocation.uri)).toBe(ROSTER_PATH);
      expect(location.physicalLocation.region.startLine).toBe(finding.location.row);
      expect(location.logicalLocations[0]).toMatchObject({ name: finding.location.sheet, kind: 'module' });
      if (finding.entity.villageCode) {
        expect(location.logicalLocations[1]).toEqual({ name: finding.entity.villageCode, fullyQualifiedName: finding.entity.villageCode, kind: 'namespace' });
      }
    });
    const levels = new Set(results.map((r) => r.level));
    expect(levels).toEqual(new Set(['error', 'warning', 'note']));

    const bad = results.find((r) => r.ruleId === 'id-number-valid')!;
    expect(bad.locations[0].logicalLocations.map((l) => l.fullyQualifiedName)).toEqual(['驻村干部!C3', VILLAGES.xuelin, `${VILLAGES.xuelin}/T-01`]);
    const team = results.find((r) => r.ruleId === 'tuopin-village-team')!;
    expect(team.locations[0].logicalLocations.map((l) => l.fullyQualifiedName)).toEqual(['村庄!3:3', VILLAGES.shimen]);
  });

  it('keeps fingerprints stable across runs, languages, --show-pii, and rows inserted above', () => {
    const first = render(runResult());
    const fingerprints = fingerprintsOf(first);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    for (const fingerprint of fingerprints) expect(fingerprint).toMatch(/^[0-9a-f]{64}:\d+$/);
    expect(fingerprintsOf(render(runResult()))).toEqual(fingerprints);
    expect(fingerprintsOf(render(runResult(), { lang: 'en', showPii: true }))).toEqual(fingerprints);

    const moved = render(runResult({ titleRows: 2 }));
    expect(moved.runs[0].results.map((r) => r.locations[0].physicalLocation.region.startLine)).toEqual(
      first.runs[0].results.map((r) => r.locations[0].physicalLocation.region.startLine + 2),
    );
    expect(fingerprintsOf(moved)).toEqual(fingerprints);
  });

  it('never hashes a full ID number into a fingerprint', () => {
    const log = render(runResult(), { showPii: true });
    const bad = log.runs[0].results.find((r) => r.ruleId === 'id-number-valid')!;
    expect(bad.message.text).toContain(BAD_ID);
    const masked = render(runResult()).runs[0].results.find((r) => r.ruleId === 'id-number-valid')!;
    expect(bad.partialFingerprints).toEqual(masked.partialFingerprints);
  });

  it('reports a roster that could not be read as a failed execution, not a result', () => {
    const log = render(runResult({ failed: true }), { lang: 'en' });
    const [invocation] = log.runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    const failure = invocation.toolExecutionNotifications!.find((n) => n.descriptor?.id === 'ENCRYPTED')!;
    expect(failure.level).toBe('error');
    expect(failure.message.text).toContain('encrypted');
    expect(decodeURIComponent(failure.locations[0].physicalLocation.artifactLocation.uri)).toBe(FAILED_PATH);
    expect(log.runs[0].results.every((r) => !decodeURIComponent(r.locations[0].physicalLocation.artifactLocation.uri).includes('加密'))).toBe(true);

    expect(render(runResult()).runs[0].invocations[0].executionSuccessful).toBe(true);
    const notChecked = render(runResult()).runs[0].invocations[0].toolExecutionNotifications!;
    expect(notChecked.map((n) => n.associatedRule?.id)).toEqual(runResult().rosters[0].notChecked.map((n) => n.ruleId));
  });

  it('lists waived findings as suppressed, with the waiver as justification, only with --show-waived', () => {
    const result = waivedRun();
    const hidden = render(result);
    expect(hidden.runs[0].results.some((r) => r.ruleId === WAIVER.rule)).toBe(false);
    expect(hidden.runs[0].results.every((r) => r.suppressions === undefined)).toBe(true);

    const shown = render(result, { showWaived: true });
    const waived = shown.runs[0].results.filter((r) => r.suppressions);
    expect(waived).toHaveLength(result.rosters[0].waived.length);
    expect(waived[0].ruleId).toBe(WAIVER.rule);
    expect(waived[0].suppressions).toEqual([{ kind: 'external', justification: expect.stringContaining(WAIVER.document) }]);
    expect(waived[0].suppressions![0].justification).toContain(WAIVER.reason);
    expect(shown.runs[0].tool.driver.rules[waived[0].ruleIndex].id).toBe(WAIVER.rule);
  });

  it('writes roster paths as URI references: relative stays relative, forward slashes, percent-encoded', () => {
    const cases: [string, string][] = [
      ['rosters/县 名册.xlsx', 'rosters/%E5%8E%BF%20%E5%90%8D%E5%86%8C.xlsx'],
      ['./a/b#1?.xlsx', 'a/b%231%3F.xlsx'],
      ['rosters\\sub\\x.xlsx', 'rosters/sub/x.xlsx'],
      ['c:roster.xlsx', 'c%3Aroster.xlsx'],
      ['../up/x 1.xlsx', '../up/x%201.xlsx'],
      ['/home/clerk/名册.xlsx', 'file:///home/clerk/%E5%90%8D%E5%86%8C.xlsx'],
      ['C:\\Users\\clerk\\r.xlsx', 'file:///C:/Users/clerk/r.xlsx'],
      ['\\\\server\\share\\r.xlsx', 'file://server/share/r.xlsx'],
      ['%41.xlsx', '%2541.xlsx'],
    ];
    for (const [path, uri] of cases) {
      expect(artifactUri(path)).toBe(uri);
      expect(uriReference(uri), uri).toBe(true);
    }
  });
});
