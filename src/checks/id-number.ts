// id-number: an ID number is 18 characters with a real birth date and the right check character.
import type { LocalizedText } from '../types.js';
import { idProblem, type IdProblem } from './gb11643.js';
import { type CheckKind, NO_HITS } from './kind.js';

const REASONS: Record<IdProblem | 'lost-digits', LocalizedText> = {
  'lost-digits': {
    zh: '该单元格以数字格式保存,Excel 只保留15位有效数字,末几位已丢失,请将单元格设为文本格式并重新录入完整号码',
    en: 'the cell is stored as a number and Excel keeps only 15 significant digits, so the last digits were lost; format the cell as text and enter the full number again',
  },
  length: { zh: '长度不是18位', en: 'it is not 18 characters long' },
  characters: { zh: '只能是17位数字加1位数字或 X', en: 'it must be 17 digits followed by a digit or X' },
  'birth-date': { zh: '其中的出生日期不存在', en: 'the birth date inside it is not a real date' },
  'check-digit': { zh: '校验码不符(可能有录入错误)', en: 'the check character does not match (probably a typing error)' },
};

export const idNumber: CheckKind<Record<string, never>> = {
  name: 'id-number',
  description: 'An ID number has 18 characters, a real birth date and the GB 11643 check character; a number that lost digits in Excel says so.',
  scopes: ['cadre'],
  optionsSchema: { type: 'object', additionalProperties: false },
  dataKeys: ['reason', 'value'],
  needs: () => ({ cadres: ['idNumber'] }),
  check(subject) {
    if (subject.kind !== 'cadre') return NO_HITS;
    const cell = subject.fields.idNumber;
    if (!cell || cell.raw === '') return NO_HITS;
    const problem = cell.lostDigits ? 'lost-digits' : idProblem(subject.idNumber);
    return problem ? [{ column: 'idNumber', data: { reason: REASONS[problem] } }] : NO_HITS;
  },
};
