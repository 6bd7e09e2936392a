// GB 11643-1999 citizen identity numbers: 6-digit region, 8-digit birth date, 3-digit sequence
// (odd for men, even for women), and a check character from ISO 7064 MOD 11-2.
import { makeDate } from '../normalise/dates.js';
import { digitsValue } from '../normalise/text.js';
import type { CalendarDate } from '../types.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export type IdProblem = 'length' | 'characters' | 'birth-date' | 'check-digit';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < WEIGHTS.length; index++) sum += WEIGHTS[index]! * digitsValue(first17, index, index + 1);
  return CHECK_CHARACTERS[sum % 11]!;
}

export function idBirthDate(id: string): CalendarDate | null {
  return makeDate(digitsValue(id, 6, 10), digitsValue(id, 10, 12), digitsValue(id, 12, 14));
}

export function idGender(id: string): '男' | '女' {
  return Number(id[16]) % 2 === 1 ? '男' : '女';
}

// Three rules ask about each cadre's ID number in turn: the last answer is kept.
let last: { readonly id: string; readonly problem: IdProblem | null } | null = null;

/** What is wrong with an ID number, or null when it is valid. */
export function idProblem(id: string): IdProblem | null {
  if (last?.id !== id) last = { id, problem: problemOf(id) };
  return last.problem;
}

function problemOf(id: string): IdProblem | null {
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  if (!idBirthDate(id)) return 'birth-date';
  return checkCharacter(id.slice(0, 17)) === id[17] ? null : 'check-digit';
}
