// The JSON Schema of a rule file, built from the check kinds and the facts `where` may test,
// so that it cannot drift from the code. rules/rule.schema.json is this, written out (npm run generate).
import { CHECK_KINDS } from '../checks/registry.js';
import { conditionSchema } from '../checks/conditions.js';

const localized = {
  type: 'object',
  required: ['zh', 'en'],
  additionalProperties: false,
  properties: { zh: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
};

const severity = { enum: ['error', 'warning', 'info'] };

export function ruleFileSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://zhucun.dev/schemas/rule.schema.json',
    title: 'zhucun rule file',
    type: 'object',
    required: ['id', 'severity', 'title', 'message', 'fix', 'source', 'scope', 'check'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' },
      severity,
      title: localized,
      message: localized,
      fix: localized,
      source: {
        type: 'object',
        required: ['document', 'passage'],
        additionalProperties: false,
        properties: { document: { type: 'string', minLength: 1 }, passage: { type: 'string', minLength: 1 } },
      },
      scope: { enum: ['village', 'team', 'cadre', 'row'] },
      where: { $ref: '#/$defs/condition' },
      check: { enum: [...CHECK_KINDS.keys()] },
      options: { type: 'object' },
      downgrade: {
        type: 'object',
        required: ['when', 'to'],
        additionalProperties: false,
        properties: { when: { $ref: '#/$defs/condition' }, to: severity },
      },
      example: localized,
      thresholds: {
        type: 'object',
        description: 'Options a configuration may set by name: `key-county-reinforced: { options: { min: 5 } }`.',
        additionalProperties: {
          type: 'object',
          required: ['option', 'description'],
          additionalProperties: false,
          properties: { option: { type: 'string', pattern: '^[A-Za-z0-9]+(\\.[A-Za-z0-9]+)*$' }, description: localized },
        },
      },
    },
    allOf: [...CHECK_KINDS.values()].map((kind) => ({
      if: { properties: { check: { const: kind.name } }, required: ['check'] },
      then: {
        properties: { scope: { enum: kind.scopes }, options: kind.optionsSchema },
        ...(Array.isArray(kind.optionsSchema.required) ? { required: ['options'] } : {}),
      },
    })),
    $defs: { condition: conditionSchema('#/$defs/condition') },
  };
}
