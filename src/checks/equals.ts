// equals: a cell holds the value the rule requires (中共党员, 是…). A blank yes/no cell is 否;
// a misspelt word counts as the word it most likely is; a blank or unreadable enumerated cell is
// left to required-field and value-format.
import { CADRE_COLUMNS } from '../normalise/columns.js';
import { meant } from '../normalise/values.js';
import type { CadreKey } from '../types.js';
import { type CheckKind, NO_HITS } from './kind.js';
import { cellOf } from './row-cells.js';

export interface EqualsOptions {
  readonly field: CadreKey;
  readonly equals: string | boolean;
}

export const equals: CheckKind<EqualsOptions> = {
  name: 'equals',
  description: 'A cell of the row holds the required value; checked when the column is there.',
  scopes: ['cadre'],
  optionsSchema: {
    type: 'object',
    required: ['field', 'equals'],
    additionalProperties: false,
    properties: { field: { enum: CADRE_COLUMNS.map((c) => c.key) }, equals: { type: ['string', 'boolean'] } },
  },
  dataKeys: [],
  needs: (options) => ({ cadres: [options.field] }),
  check(subject, options) {
    const cell = cellOf(subject, options.field);
    const value = meant(cell);
    if (!cell || value === null || value === options.equals) return NO_HITS;
    return [{ column: options.field }];
  },
};
