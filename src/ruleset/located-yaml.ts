// YAML (and JSON, which is YAML) parsed with positions, so that a validation error can name the
// file, the line and the key.
import type { Document, Node } from 'yaml';
import { yamlModule } from './lazy-modules.js';
import type { ErrorObject } from 'ajv';
import { RuleFileError } from '../errors.js';

export interface LocatedDocument {
  readonly file: string;
  readonly value: unknown;
  /** 1-based line and column of the key or value at a JSON pointer path. */
  position(path: readonly (string | number)[]): { line: number; column: number };
}

export function parseLocated(file: string, text: string): LocatedDocument {
  const { LineCounter, parseDocument } = yamlModule();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const [first] = document.errors;
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    throw new RuleFileError({
      zh: `${file}:${line}:${col}: YAML 语法错误: ${first.message.split('\n')[0]}`,
      en: `${file}:${line}:${col}: YAML syntax error: ${first.message.split('\n')[0]}`,
    });
  }
  return {
    file,
    // Parsed into plain objects: `__proto__` keys become own properties, never prototypes.
    value: document.toJS({ maxAliasCount: 50 }),
    position: (path) => {
      const offset = offsetOf(document, path);
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    },
  };
}

/** The offset of the deepest node that exists on the path; for a map key, the key itself. */
function offsetOf(document: Document, path: readonly (string | number)[]): number {
  const { isMap, isScalar } = yamlModule();
  let node: unknown = document.contents;
  let offset = (document.contents as Node | null)?.range?.[0] ?? 0;
  for (const segment of path) {
    if (!isMap(node) && !(node && typeof node === 'object' && 'items' in node)) break;
    const items = (node as { items: unknown[] }).items;
    const pair = isMap(node)
      ? (node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment)) ?? null)
      : null;
    const next: unknown = pair ? pair.value : items[Number(segment)];
    const keyRange = pair && isScalar(pair.key) ? pair.key.range : null;
    if (!pair && next === undefined) break;
    offset = keyRange?.[0] ?? (next as Node | null)?.range?.[0] ?? offset;
    node = next;
  }
  return offset;
}

const KEYWORDS_ZH: Record<string, (error: ErrorObject) => string> = {
  required: (e) => `缺少键「${e.params.missingProperty}」`,
  additionalProperties: (e) => `未知的键「${e.params.additionalProperty}」`,
  enum: (e) => `应为以下之一: ${(e.params.allowedValues as unknown[]).join(', ')}`,
  const: (e) => `应为 ${String(e.params.allowedValue)}`,
  type: (e) => `类型应为 ${String(e.params.type)}`,
  minItems: (e) => `至少应有 ${e.params.limit} 项`,
  minimum: (e) => `不应小于 ${e.params.limit}`,
  minLength: () => '不应为空',
  minProperties: () => '不应为空',
  pattern: (e) => `格式应符合 ${String(e.params.pattern)}`,
};

function messageEn(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return `unknown key ${error.params.additionalProperty}`;
  if (error.keyword === 'enum') return `must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}`;
  if (error.keyword === 'const') return `must be ${String(error.params.allowedValue)}`;
  return error.message ?? error.keyword;
}

// Ajv reports every branch of an anyOf and the `if` that chose a `then`: keep what a person can act on.
const NOISE = new Set(['if', 'anyOf', 'oneOf', 'allOf']);
const MAX_LINES = 5;

/** Ajv's errors, pruned, one line per place, located: `rules/x.yaml:9:3: options.min: must be integer`. */
export function locatedSchemaErrors(document: LocatedDocument, errors: readonly ErrorObject[]): RuleFileError {
  const useful = errors.filter((error) => !NOISE.has(error.keyword));
  const byPlace = new Map<string, { path: string[]; zh: string[]; en: string[] }>();
  for (const error of useful.length > 0 ? useful : errors) {
    const path = error.instancePath.split('/').slice(1).map(unescapePointer);
    const keyPath = error.keyword === 'additionalProperties' ? [...path, String(error.params.additionalProperty)] : path;
    const place = byPlace.get(keyPath.join('/')) ?? { path, zh: [], en: [] };
    place.zh.push((KEYWORDS_ZH[error.keyword] ?? (() => error.message ?? error.keyword))(error));
    place.en.push(messageEn(error));
    byPlace.set(keyPath.join('/'), place);
  }
  const lines = [...byPlace].slice(0, MAX_LINES).map(([keyPath, place]) => {
    const { line, column } = document.position(keyPath === '' ? [] : keyPath.split('/'));
    const where = `${document.file}:${line}:${column}: ${place.path.length > 0 ? place.path.join('.') : '(top level)'}`;
    // Alternatives of one value (off, a severity, or an object) read as one sentence.
    return { zh: `${where}: ${[...new Set(place.zh)].join(',或')}`, en: `${where}: ${[...new Set(place.en)].join('; or ')}` };
  });
  return new RuleFileError({ zh: lines.map((l) => l.zh).join('\n'), en: lines.map((l) => l.en).join('\n') });
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
