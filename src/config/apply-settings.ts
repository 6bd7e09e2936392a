// Configuration over the rules: switch a rule off, change its severity, set its documented thresholds.
import { RuleFileError } from '../errors.js';
import type { Rule } from '../ruleset/index.js';
import { newAjv } from '../ruleset/lazy-modules.js';
import { withOption } from '../ruleset/option-path.js';
import type { Config, RuleSetting } from './load-config.js';

let ajv: ReturnType<typeof newAjv> | undefined;

export function applyRuleSettings(rules: readonly Rule[], config: Config): Rule[] {
  const known = new Set(rules.map((rule) => rule.id));
  for (const id of Object.keys(config.rules)) {
    if (!known.has(id)) throw settingError(config, [id], { zh: `没有 id 为「${id}」的规则`, en: `there is no rule with id ${id}` });
  }
  return rules.flatMap((rule) => {
    const setting = Object.hasOwn(config.rules, rule.id) ? config.rules[rule.id] : undefined;
    return setting === undefined ? [rule] : configured(rule, setting, config);
  });
}

function configured(rule: Rule, setting: RuleSetting, config: Config): Rule[] {
  if (setting === 'off') return [];
  if (typeof setting === 'string') return [{ ...rule, severity: setting }];
  if (setting.severity === 'off') return [];
  let options: unknown = rule.options;
  for (const [name, value] of Object.entries(setting.options ?? {})) {
    const threshold = Object.hasOwn(rule.thresholds, name) ? rule.thresholds[name] : undefined;
    if (!threshold) {
      const names = Object.keys(rule.thresholds);
      throw settingError(config, [rule.id, 'options', name], {
        zh: `规则「${rule.id}」没有可设置的选项「${name}」${names.length ? `;可用: ${names.join(', ')}` : ''}`,
        en: `rule ${rule.id} has no option ${name}${names.length ? `; it has: ${names.join(', ')}` : ''}`,
      });
    }
    options = withOption(options, threshold.option, value);
  }
  ajv ??= newAjv();
  if (!ajv.validate(rule.kind.optionsSchema, options)) {
    throw settingError(config, [rule.id, 'options'], {
      zh: `规则「${rule.id}」的选项取值无效: ${ajv.errorsText(ajv.errors)}`,
      en: `invalid options for rule ${rule.id}: ${ajv.errorsText(ajv.errors)}`,
    });
  }
  return [{ ...rule, severity: setting.severity ?? rule.severity, options: options as Record<string, unknown> }];
}

function settingError(config: Config, path: string[], text: { zh: string; en: string }): RuleFileError {
  const at = config.document ? config.document.position(['rules', ...path]) : null;
  const where = at ? `${config.file}:${at.line}:${at.column}: rules.${path.join('.')}` : `${config.file}`;
  return new RuleFileError({ zh: `${where}: ${text.zh}`, en: `${where}: ${text.en}` });
}
