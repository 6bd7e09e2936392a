// The JSON Schema of zhucun.config.yaml; schemas/config.schema.json is this, written out (npm run generate).
import { CADRE_COLUMNS, VILLAGE_COLUMNS } from '../normalise/columns.js';

const severity = { enum: ['error', 'warning', 'info'] };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const nonEmpty = { type: 'string', minLength: 1 };

export function configSchema(): Record<string, unknown> {
  const columnKeys = [...new Set([...VILLAGE_COLUMNS, ...CADRE_COLUMNS].map((column) => column.key))];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://zhucun.dev/schemas/config.schema.json',
    title: 'zhucun configuration (zhucun.config.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: {
        description: 'Per rule id: off, a severity, or { severity, options } where options are the thresholds the rule documents.',
        type: 'object',
        additionalProperties: {
          anyOf: [
            { const: 'off' },
            severity,
            {
              type: 'object',
              additionalProperties: false,
              minProperties: 1,
              properties: { severity: { anyOf: [severity, { const: 'off' }] }, options: { type: 'object', additionalProperties: { type: 'number' } } },
            },
          ],
        },
      },
      columns: {
        description: 'Extra header aliases per canonical column key, for a province template.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(columnKeys.map((key) => [key, { type: 'array', items: nonEmpty, minItems: 1 }])),
      },
      rulesDirs: { description: 'Folders of extra rules, relative to this file.', type: 'array', items: nonEmpty },
      waivers: {
        type: 'array',
        items: {
          type: 'object',
          required: ['rule', 'reason', 'approvedBy', 'document', 'expires'],
          anyOf: [{ required: ['villages'] }, { required: ['people'] }],
          additionalProperties: false,
          properties: {
            rule: nonEmpty,
            villages: { type: 'array', items: { type: 'string', pattern: '^\\d{12}$' }, minItems: 1 },
            people: {
              description: 'ID numbers, or the SHA-256 (hex) of an ID number, so a config kept in a repository holds no personal data.',
              type: 'array',
              items: { type: 'string', pattern: '^(\\d{17}[\\dXx]|[0-9a-fA-F]{64})$' },
              minItems: 1,
            },
            reason: nonEmpty,
            approvedBy: nonEmpty,
            document: nonEmpty,
            expires: date,
          },
        },
      },
    },
  };
}
