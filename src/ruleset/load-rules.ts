// rules/ folders → a validated RuleSet. A bad rule file stops the run before any roster is read.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { CHECK_KINDS } from '../checks/registry.js';
import type { Condition } from '../checks/conditions.js';
import type { CheckKind, Scope } from '../checks/kind.js';
import { RuleFileError } from '../errors.js';
import type { LocalizedText, RuleMeta, Severity } from '../types.js';
import { locatedSchemaErrors, parseLocated, type LocatedDocument } from './located-yaml.js';
import { readOption } from './option-path.js';
import { newAjv } from './lazy-modules.js';
import { ruleFileSchema } from './schema.js';

export interface Rule extends RuleMeta {
  readonly scope: Scope;
  readonly where?: Condition;
  readonly kind: CheckKind;
  readonly options: Record<string, unknown>;
  readonly downgrade?: { readonly when: Condition; readonly to: Severity };
  readonly example?: LocalizedText;
  /** Options a configuration may set by name, and where they live in `options`. */
  readonly thresholds: Readonly<Record<string, Threshold>>;
}

export interface Threshold {
  readonly option: string;
  readonly description: LocalizedText;
}

/** The placeholders every finding's message may use, whatever its check kind. */
export const SUBJECT_DATA_KEYS = ['village', 'villageCode', 'team', 'size', 'name', 'idNumber', 'column', 'value'] as const;

const RULE_FILE = /\.(ya?ml|json)$/i;

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  validator ??= newAjv().compile(ruleFileSchema());
  return validator;
}

/** Every rule file of the folders, in file-name order within each folder; later folders add to earlier ones. */
export function loadRules(folders: readonly string[]): Rule[] {
  const rules: Rule[] = [];
  const seen = new Map<string, string>();
  for (const folder of folders) {
    for (const file of ruleFiles(folder)) {
      const rule = loadRuleFile(file);
      const earlier = seen.get(rule.id);
      if (earlier) {
        throw new RuleFileError({
          zh: `${file}: 规则 id「${rule.id}」与 ${earlier} 重复;自定义规则请使用新的 id,并在配置中关闭要替换的规则`,
          en: `${file}: rule id ${rule.id} is already defined in ${earlier}; give a custom rule a new id and switch the one it replaces off in the configuration`,
        });
      }
      seen.set(rule.id, file);
      rules.push(rule);
    }
  }
  return rules;
}

function ruleFiles(folder: string): string[] {
  let entries: string[];
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    entries = readdirSync(folder);
  } catch {
    throw new RuleFileError({
      zh: `${folder}: 规则目录不存在或不是目录`,
      en: `${folder}: the rules folder does not exist or is not a folder`,
    });
  }
  return entries
    .filter((name) => RULE_FILE.test(name) && !name.endsWith('.schema.json'))
    .sort()
    .map((name) => join(folder, name));
}

export function loadRuleFile(file: string): Rule {
  const display = displayPath(file);
  const text = readFileSync(file, 'utf8');
  return toRule(validatedAtBuild().get(contentHash(text)) ?? validatedRuleData(display, text), display);
}

/** A rule file's text, parsed with positions and validated; errors name the file, line and key. */
export function validatedRuleData(display: string, text: string): RuleFileData {
  const document = parseLocated(display, text);
  if (!validate()(document.value)) throw locatedSchemaErrors(document, validate().errors ?? []);
  const data = document.value as RuleFileData;
  const kind = CHECK_KINDS.get(data.check)!;
  checkPlaceholders(document, data, kind);
  checkThresholds(document, data);
  checkKindOptions(document, data, kind);
  return data;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// The built-in rule files are validated when the package is built (scripts/validated-rules.mjs
// writes their data by the SHA-256 of their text). A file whose bytes are the ones validated then
// is not parsed and validated again at every start; any other file, or any edit, is.
const VALIDATED_AT_BUILD = new URL('./validated-rules.json', import.meta.url);
let validated: Map<string, RuleFileData> | undefined;

function validatedAtBuild(): Map<string, RuleFileData> {
  if (!validated) {
    try {
      validated = new Map(Object.entries(JSON.parse(readFileSync(VALIDATED_AT_BUILD, 'utf8')) as Record<string, RuleFileData>));
    } catch {
      validated = new Map();
    }
  }
  return validated;
}

function toRule(data: RuleFileData, display: string): Rule {
  const kind = CHECK_KINDS.get(data.check)!;
  return {
    id: data.id,
    severity: data.severity,
    title: data.title,
    message: data.message,
    fix: data.fix,
    source: data.source,
    file: display,
    scope: data.scope,
    where: data.where,
    kind,
    options: data.options ?? {},
    downgrade: data.downgrade,
    example: data.example,
    thresholds: data.thresholds ?? {},
  };
}

function checkKindOptions(document: LocatedDocument, data: RuleFileData, kind: CheckKind): void {
  const problem = kind.checkOptions?.(data.options ?? {}, data.scope);
  if (!problem) return;
  const { line, column } = document.position(['options']);
  throw new RuleFileError({
    zh: `${document.file}:${line}:${column}: options: 与 scope「${data.scope}」不符: ${problem}`,
    en: `${document.file}:${line}:${column}: options: ${problem}`,
  });
}

/** A threshold must name a number the options hold, or configuring it would do nothing. */
function checkThresholds(document: LocatedDocument, data: RuleFileData): void {
  for (const [name, threshold] of Object.entries(data.thresholds ?? {})) {
    if (typeof readOption(data.options ?? {}, threshold.option) === 'number') continue;
    const { line, column } = document.position(['thresholds', name, 'option']);
    throw new RuleFileError({
      zh: `${document.file}:${line}:${column}: thresholds.${name}.option: options 中没有数值「${threshold.option}」`,
      en: `${document.file}:${line}:${column}: thresholds.${name}.option: the options hold no number at ${threshold.option}`,
    });
  }
}

export interface RuleFileData {
  id: string;
  severity: Severity;
  title: LocalizedText;
  message: LocalizedText;
  fix: LocalizedText;
  source: { document: string; passage: string };
  scope: Scope;
  where?: Condition;
  check: string;
  options?: Record<string, unknown>;
  downgrade?: { when: Condition; to: Severity };
  example?: LocalizedText;
  thresholds?: Record<string, Threshold>;
}

/** A `{{placeholder}}` the check never fills would print literally: refuse it when the rule loads. */
function checkPlaceholders(document: LocatedDocument, data: RuleFileData, kind: CheckKind): void {
  const known = new Set<string>([...SUBJECT_DATA_KEYS, ...kind.dataKeys]);
  for (const lang of ['zh', 'en'] as const) {
    for (const [, name] of data.message[lang].matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) {
      if (known.has(name)) continue;
      const { line, column } = document.position(['message', lang]);
      throw new RuleFileError({
        zh: `${document.file}:${line}:${column}: message.${lang}: 占位符「{{${name}}}」不存在;可用: ${[...known].join(', ')}`,
        en: `${document.file}:${line}:${column}: message.${lang}: unknown placeholder {{${name}}}; available: ${[...known].join(', ')}`,
      });
    }
  }
}

function displayPath(file: string): string {
  const path = relative(process.cwd(), file);
  return path.startsWith('..') ? file : path;
}
