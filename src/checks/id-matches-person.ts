// id-matches-person: the birth date and gender written in the row agree with a valid ID number.
import { formatDate } from '../normalise/text.js';
import type { Cadre, LocalizedText } from '../types.js';
import { idBirthDate, idGender, idProblem } from './gb11643.js';
import { type CheckKind, type Hit, NO_HITS } from './kind.js';

export const idMatchesPerson: CheckKind<Record<string, never>> = {
  name: 'id-matches-person',
  description: 'Birth date and gender agree with the ID number; checked only when the ID number is valid.',
  scopes: ['cadre'],
  optionsSchema: { type: 'object', additionalProperties: false },
  dataKeys: ['detail'],
  needs: () => ({ cadres: ['idNumber'] }),
  check(subject) {
    if (subject.kind !== 'cadre' || subject.fields.idNumber?.lostDigits || idProblem(subject.idNumber) !== null) return NO_HITS;
    const birth = birthMismatch(subject);
    const gender = genderMismatch(subject);
    if (birth === null && gender === null) return NO_HITS;
    const mismatches = [birth, gender].filter((m): m is Mismatch => m !== null);
    const detail = {
      zh: mismatches.map((m) => m.detail.zh).join(';'),
      en: mismatches.map((m) => m.detail.en).join('; '),
    };
    return [{ column: mismatches[0].column, data: { detail } } satisfies Hit];
  },
};

interface Mismatch {
  readonly column: string;
  readonly detail: LocalizedText;
}

// 出生年月 is often a month alone (read as its first day): then only year and month are compared.
function birthMismatch(cadre: Cadre): Mismatch | null {
  const written = cadre.fields.birthDate?.value;
  const fromId = idBirthDate(cadre.idNumber);
  if (!written || !fromId) return null;
  const sameMonth = written.year === fromId.year && written.month === fromId.month;
  const sameDay = written.day === fromId.day || written.day === 1;
  if (sameMonth && sameDay) return null;
  return {
    column: 'birthDate',
    detail: {
      zh: `出生日期 ${formatDate(written)} 与身份证号中的 ${formatDate(fromId)} 不符`,
      en: `birth date ${formatDate(written)} differs from ${formatDate(fromId)} in the ID number`,
    },
  };
}

function genderMismatch(cadre: Cadre): Mismatch | null {
  const written = cadre.fields.gender?.value;
  const fromId = idGender(cadre.idNumber);
  if (!written || written === fromId) return null;
  return {
    column: 'gender',
    detail: {
      zh: `性别「${written}」与身份证号(第17位表示${fromId}性)不符`,
      en: `gender ${written} differs from the ID number (its 17th digit means ${fromId === '男' ? 'male' : 'female'})`,
    },
  };
}
