// unique: a value occurs once in the whole run — an active person's ID number (one person, one post),
// a village code (one village, one row). Every row involved is reported, in each roster.
import { type CheckKind, type Subject, NO_HITS } from './kind.js';

export interface UniqueOptions {
  readonly key: 'idNumber' | 'villageCode';
}

function keyOf(subject: Subject, key: UniqueOptions['key']): string | null {
  if (key === 'villageCode') return subject.kind === 'village' && subject.code !== '' ? subject.code : null;
  // A number that lost its last digits in Excel names nobody: equal stubs are not the same person.
  if (subject.kind !== 'cadre' || subject.idNumber === '' || subject.fields.idNumber?.lostDigits) return null;
  return subject.idNumber;
}

export const unique: CheckKind<UniqueOptions> = {
  name: 'unique',
  description: 'A value (an ID number, a village code) occurs once across every file of the run; every row involved is reported.',
  scopes: ['cadre', 'village'],
  acrossRosters: true,
  optionsSchema: {
    type: 'object',
    required: ['key'],
    additionalProperties: false,
    properties: { key: { enum: ['idNumber', 'villageCode'] } },
  },
  dataKeys: ['count'],
  needs: (options) => (options.key === 'idNumber' ? { cadres: ['idNumber'] } : { villageSheet: true }),
  check(subject, options) {
    const key = keyOf(subject, options.key);
    return key === null ? NO_HITS : [{ key, column: options.key }];
  },
};
