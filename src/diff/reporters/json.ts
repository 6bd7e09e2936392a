// The diff as JSON: the contract of schemas/diff.schema.json (diffVersion 1). Personal data is
// masked unless showPii, as in check's reports.
import { maskPii } from '../../reporters/pii.js';
import { renderEntity, renderMessage, ruleIndex, type RenderOptions } from '../../reporters/render.js';
import { maskIdNumber } from '../../reporters/pii.js';
import type { Finding, RuleMeta } from '../../types.js';
import type { DiffReport, PersonChange } from '../types.js';

export const DIFF_VERSION = 1;

export function renderDiffJson(report: DiffReport, options: RenderOptions): string {
  const rules = ruleIndex(report.rules);
  const text = (value: string) => (options.showPii ? value : maskPii(value));
  const person = (change: PersonChange) => ({
    idNumber: options.showPii ? change.idNumber : maskIdNumber(change.idNumber),
    name: change.name,
    villageCode: change.villageCode,
    village: change.village,
    rows: change.rows,
  });
  const document = {
    diffVersion: DIFF_VERSION,
    tool: report.tool,
    asOf: report.asOf,
    previous: report.previous,
    current: report.current,
    summary: {
      joined: report.joined.length,
      left: report.left.length,
      moved: report.moved.length,
      changed: report.changed.length,
      teams: report.teams.length,
      villages: report.villages.length,
      findings: { new: report.findings.new.length, fixed: report.findings.fixed.length, open: report.findings.open.length },
    },
    joined: report.joined.map(person),
    left: report.left.map(person),
    moved: report.moved.map((change) => ({ ...person(change), from: change.from, to: change.to })),
    changed: report.changed.map((change) => ({
      ...person(change),
      fields: change.fields.map((field) => ({ ...field, before: text(field.before), after: text(field.after) })),
    })),
    teams: report.teams,
    villages: report.villages,
    findings: {
      new: report.findings.new.map((finding) => violation(finding, rules, options)),
      fixed: report.findings.fixed.map((finding) => violation(finding, rules, options)),
      open: report.findings.open.map((pair) => ({
        ...violation(pair.current, rules, options),
        previousLocation: location(pair.previous),
      })),
    },
    unkeyed: report.unkeyed,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A finding as check's JSON report gives it, with the file it is in. */
export function violation(finding: Finding, rules: ReadonlyMap<string, RuleMeta>, options: RenderOptions) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: renderMessage(rules.get(finding.ruleId), finding, options),
    location: location(finding),
    entity: renderEntity(finding, options),
  };
}

function location(finding: Finding) {
  const { file, sheet, row, column, ref } = finding.location;
  return { file, sheet, row, ...(column === undefined ? {} : { column }), ...(ref === undefined ? {} : { cell: ref }) };
}
