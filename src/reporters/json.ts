// The machine-readable report: the contract of schemas/report.schema.json (reportVersion 1).
import type { Finding } from '../types.js';
import type { Reporter } from './reporter.js';
import { localize, renderEntity, renderMessage, ruleIndex } from './render.js';
import { summarise } from './summary.js';

export const json: Reporter = {
  name: 'json',
  render(result, options) {
    const rules = ruleIndex(result.rules);
    const violation = (finding: Finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: renderMessage(rules.get(finding.ruleId), finding, options),
      location: {
        sheet: finding.location.sheet,
        row: finding.location.row,
        ...(finding.location.column === undefined ? {} : { column: finding.location.column }),
        ...(finding.location.ref === undefined ? {} : { cell: finding.location.ref }),
      },
      entity: renderEntity(finding, options),
    });
    const report = {
      reportVersion: 1,
      tool: result.tool,
      asOf: result.asOf,
      summary: summarise(result),
      files: result.rosters.map((roster) => ({
        path: roster.path,
        failure: roster.failure && { code: roster.failure.code, message: localize(roster.failure.message, options) },
        notChecked: roster.notChecked.map((n) => ({ ruleId: n.ruleId, reason: localize(n.reason, options) })),
        notices: roster.notices.map((notice) => localize(notice, options)),
        violations: roster.findings.map(violation),
        ...(options.showWaived ? { waived: roster.waived.map(violation) } : {}),
      })),
      waivers: result.waivers,
      skipped: result.skipped.map((skip) => ({ path: skip.path, reason: localize(skip.reason, options) })),
      rules: result.rules.map((rule) => ({
        id: rule.id,
        severity: rule.severity,
        title: rule.title[options.lang],
        source: rule.source,
        fix: rule.fix[options.lang],
      })),
    };
    return `${JSON.stringify(report, null, 2)}\n`;
  },
};
