// village-exists: the cadre's village, by code or by name, is a row of the village sheet.
import { compactKey } from '../normalise/text.js';
import { type CheckKind, NO_HITS } from './kind.js';

export const villageExists: CheckKind<Record<string, never>> = {
  name: 'village-exists',
  description: "The cadre's village (code, or name when there is no code) is a row of the village sheet.",
  scopes: ['cadre'],
  optionsSchema: { type: 'object', additionalProperties: false },
  dataKeys: ['value'],
  needs: () => ({ villageSheet: true }),
  check(subject, _options, { roster }) {
    if (subject.kind !== 'cadre') return NO_HITS;
    const code = subject.fields.villageCode;
    if (code && code.raw !== '') {
      return roster.villageCodes.has(subject.villageCode) ? NO_HITS : [{ column: 'villageCode', data: { value: code.raw } }];
    }
    const name = subject.fields.village?.raw ?? '';
    if (name === '' || subject.villageCode !== '') return NO_HITS;
    // A name no village has, or two villages share, names no one village.
    return typeof roster.villageCodesByName.get(compactKey(name)) === 'string' ? NO_HITS : [{ column: 'village', data: { value: name } }];
  },
};
