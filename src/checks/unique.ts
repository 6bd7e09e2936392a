// unique: one ID number holds one active post, across every roster of the run.
import type { CheckKind } from './kind.js';

export const unique: CheckKind<Record<string, never>> = {
  name: 'unique',
  description: 'An ID number is active in one post only, across every file of the run; every row involved is reported.',
  scopes: ['cadre'],
  optionsSchema: { type: 'object', additionalProperties: false },
  dataKeys: ['posts'],
  needs: () => ({ cadres: ['idNumber'] }),
  check(subject, _options, { run }) {
    // A number that lost its last digits in Excel names nobody: equal stubs are not the same person.
    if (subject.kind !== 'cadre' || subject.idNumber === '' || subject.fields.idNumber?.lostDigits) return [];
    const posts = run.activePosts(subject.idNumber);
    return posts > 1 ? [{ column: 'idNumber', data: { posts } }] : [];
  },
};
