// Prose is written here, in one place: the CLI, JSON and every other format say the same thing.
import type { Finding, Lang, LocalizedText, RuleMeta, DataValue } from '../types.js';
import { maskIdNumber, maskPii } from './pii.js';

export interface RenderOptions {
  readonly lang: Lang;
  readonly showPii: boolean;
}

// A quoted cell can hold 32,767 characters: messages quote the start of it.
const MAX_QUOTED = 40;

function dataText(value: DataValue, lang: Lang): string {
  if (typeof value === 'object') return value[lang];
  const text = String(value);
  const chars = Array.from(text);
  return chars.length > MAX_QUOTED ? `${chars.slice(0, MAX_QUOTED - 1).join('')}…` : text;
}

export function localize(text: LocalizedText, options: RenderOptions): string {
  return options.showPii ? text[options.lang] : maskPii(text[options.lang]);
}

export function renderMessage(rule: RuleMeta | undefined, finding: Finding, options: RenderOptions): string {
  const template = rule?.message[options.lang] ?? finding.ruleId;
  const text = template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, key: string) =>
    Object.hasOwn(finding.data, key) ? dataText(finding.data[key], options.lang) : '',
  );
  return options.showPii ? text : maskPii(text);
}

export function renderEntity(finding: Finding, options: RenderOptions): Finding['entity'] {
  const { idNumber, ...rest } = finding.entity;
  if (idNumber === undefined) return rest;
  return { ...rest, idNumber: options.showPii ? idNumber : maskIdNumber(idNumber) };
}

export function ruleIndex(rules: readonly RuleMeta[]): Map<string, RuleMeta> {
  return new Map(rules.map((rule) => [rule.id, rule]));
}
