// village-exists: the cadre's village, by code or by name, is a row of the village sheet.
import { compactKey } from '../normalise/text.js';
import type { CheckKind } from './kind.js';
import { villageIndexOf } from './roster-index.js';

export const villageExists: CheckKind<Record<string, never>> = {
  name: 'village-exists',
  description: "The cadre's village (code, or name when there is no code) is a row of the village sheet.",
  scopes: ['cadre'],
  optionsSchema: { type: 'object', additionalProperties: false },
  dataKeys: ['value'],
  needs: () => ({ villageSheet: true }),
  check(subject, _options, { roster }) {
    if (subject.kind !== 'cadre') return [];
    const code = subject.fields.villageCode;
    if (code && code.raw !== '') {
      return villageIndexOf(roster).villagesByCode.has(subject.villageCode) ? [] : [{ column: 'villageCode', data: { value: code.raw } }];
    }
    const name = subject.fields.village?.raw ?? '';
    if (name === '' || subject.villageCode !== '') return [];
    return villageIndexOf(roster).villageNameCounts.get(compactKey(name)) === 1 ? [] : [{ column: 'village', data: { value: name } }];
  },
};
