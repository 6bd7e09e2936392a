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

export function matches(condition: Condition | undefined, subject: Subject, roster: Roster): boolean {
  if (!condition) return true;
  return Object.entries(condition).every(([key, operand]) => {
    if (key === 'all') return (operand as Condition[]).every((c) => matches(c, subject, roster));
    if (key === 'any') return (operand as Condition[]).some((c) => matches(c, subject, roster));
    if (key === 'not') return !matches(operand as Condition, subject, roster);
    return test(readField(key as FieldName, subject, roster), operand as Predicate);
  });
}

function test(value: FieldValue, predicate: Predicate): boolean {
  if (value === null) return false;
  if (predicate.equals !== undefined && value !== predicate.equals) return false;
  if (predicate.in !== undefined && !predicate.in.some((option) => option === value)) return false;
  const list = Array.isArray(value) ? (value as readonly string[]) : null;
  if (predicate.includes !== undefined && !list?.includes(predicate.includes)) return false;
  if (predicate.includesAny !== undefined && !predicate.includesAny.some((item) => list?.includes(item))) return false;
  return true;
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
