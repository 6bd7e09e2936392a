// A rule that needs what the roster lacks (the village sheet, an optional column) is not run,
// and the report says once why.
import type { Rule } from '../ruleset/index.js';
import { headerOf } from '../checks/row-cells.js';
import type { CadreKey, NotChecked, Roster } from '../types.js';

export function whyNotChecked(rule: Rule, roster: Roster): NotChecked | null {
  const needs = rule.kind.needs?.(rule.options) ?? {};
  const needsVillages = needs.villageSheet || rule.scope === 'village' || rule.scope === 'team';
  if (needsVillages && roster.villageSheet === null) {
    return { ruleId: rule.id, reason: { zh: '名册中没有村庄表', en: 'the roster has no village sheet' } };
  }
  const missingCadre = (key: CadreKey) => roster.missing.cadres.includes(key);
  const missing = [
    ...(needs.cadres ?? [])
      .map((need) => (typeof need === 'string' ? [need] : need))
      .filter((group) => group.length > 0 && group.every(missingCadre))
      .map((group) => group.map((key) => headerOf('cadres', key)).join('/')),
    ...(needs.villages ?? []).filter((key) => roster.missing.villages.includes(key)).map((key) => headerOf('villages', key)),
  ];
  if (missing.length === 0) return null;
  return { ruleId: rule.id, reason: { zh: `没有「${missing.join('」「')}」列`, en: `no column ${missing.join(', ')}` } };
}
