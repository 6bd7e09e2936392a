// `where` filters of rule files: plain data, evaluated here against named facts (fields.ts).
import type { Roster } from '../types.js';
import { FIELD_NAMES, readField, type FieldName, type FieldValue } from './fields.js';
import type { Subject } from './kind.js';

type Scalar = string | number | boolean;

export interface Predicate {
  readonly equals?: Scalar;
  readonly in?: readonly Scalar[];
  readonly includes?: string;
  readonly includesAny?: readonly string[];
}

export type Condition = {
  readonly all?: readonly Condition[];
  readonly any?: readonly Condition[];
  readonly not?: Condition;
} & { readonly [field: string]: Predicate | readonly Condition[] | Condition | undefined };

const COMBINATORS = new Set(['all', 'any', 'not']);

export type Test = (subject: Subject, roster: Roster) => boolean;

const compiled = new WeakMap<Condition, Test>();

/** A condition as a function, built once per condition (it runs for every row of every roster). */
export function compile(condition: Condition | undefined): Test {
  if (!condition) return () => true;
  let built = compiled.get(condition);
  if (!built) compiled.set(condition, (built = build(condition)));
  return built;
}

// Tests run for every row with every rule: plain loops, so that a test allocates nothing.
function build(condition: Condition): Test {
  const parts: Test[] = Object.entries(condition).map(([key, operand]): Test => {
    if (key === 'all') return everyOf((operand as Condition[]).map(compile));
    if (key === 'any') return someOf((operand as Condition[]).map(compile));
    if (key === 'not') {
      const inner = compile(operand as Condition);
      return (subject, roster) => !inner(subject, roster);
    }
    return (subject, roster) => test(readField(key as FieldName, subject, roster), operand as Predicate);
  });
  return parts.length === 1 ? parts[0]! : everyOf(parts);
}

function everyOf(parts: readonly Test[]): Test {
  return (subject, roster) => {
    for (const part of parts) if (!part(subject, roster)) return false;
    return true;
  };
}

function someOf(parts: readonly Test[]): Test {
  return (subject, roster) => {
    for (const part of parts) if (part(subject, roster)) return true;
    return false;
  };
}

export function matches(condition: Condition | undefined, subject: Subject, roster: Roster): boolean {
  return compile(condition)(subject, roster);
}

function test(value: FieldValue, predicate: Predicate): boolean {
  if (value === null) return false;
  if (predicate.equals !== undefined && value !== predicate.equals) return false;
  if (predicate.in !== undefined && !predicate.in.includes(value as Scalar)) return false;
  const list = Array.isArray(value) ? (value as readonly string[]) : null;
  if (predicate.includes !== undefined && !list?.includes(predicate.includes)) return false;
  if (predicate.includesAny !== undefined && !includesAny(list, predicate.includesAny)) return false;
  return true;
}

function includesAny(list: readonly string[] | null, items: readonly string[]): boolean {
  if (list === null) return false;
  for (const item of items) if (list.includes(item)) return true;
  return false;
}

/** The JSON Schema of a condition, from the facts that exist: a misspelt fact fails at load time. */
export function conditionSchema(ref: string): Record<string, unknown> {
  const scalar = { type: ['string', 'number', 'boolean'] };
  const predicate = {
    type: 'object',
    minProperties: 1,
    additionalProperties: false,
    properties: {
      equals: scalar,
      in: { type: 'array', items: scalar, minItems: 1 },
      includes: { type: 'string' },
      includesAny: { type: 'array', items: { type: 'string' }, minItems: 1 },
    },
  };
  return {
    type: 'object',
    minProperties: 1,
    additionalProperties: false,
    properties: {
      all: { type: 'array', items: { $ref: ref }, minItems: 1 },
      any: { type: 'array', items: { $ref: ref }, minItems: 1 },
      not: { $ref: ref },
      ...Object.fromEntries(FIELD_NAMES.filter((name) => !COMBINATORS.has(name)).map((name) => [name, predicate])),
    },
  };
}
