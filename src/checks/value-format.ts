// value-format: every filled cell reads as its column's type: a known word, a date, a code of its length.
import type { CellProblem, LocalizedText } from '../types.js';
import { type CheckKind, type Hit, NO_HITS } from './kind.js';
import { cellOf, columnsOf, sheetOf } from './row-cells.js';
import type { ColumnSpec, ValueType } from '../normalise/columns.js';

// Only a column read beyond its text (a word, a date, a code) can hold a cell that does not read.
const READ_COLUMNS = {
  villages: columnsOf('villages').filter(isRead),
  cadres: columnsOf('cadres').filter(isRead),
};

function isRead(column: ColumnSpec<string>): boolean {
  return column.type.kind !== 'text' && column.type.kind !== 'phone';
}

export const valueFormat: CheckKind<Record<string, never>> = {
  name: 'value-format',
  description: 'Enumerated columns hold a known value (with a "did you mean" hint), dates parse, codes have their length.',
  scopes: ['row'],
  optionsSchema: { type: 'object', additionalProperties: false },
  dataKeys: ['expected', 'hint'],
  check(subject) {
    const sheet = sheetOf(subject);
    if (!sheet) return NO_HITS;
    let hits: Hit[] | null = null;
    for (const column of READ_COLUMNS[sheet]) {
      const problem = cellOf(subject, column.key)?.problem;
      if (problem) (hits ??= []).push({ column: column.key, data: { expected: expected(column.type, problem), hint: hint(problem) } });
    }
    return hits ?? NO_HITS;
  },
};

function expected(type: ValueType, problem: CellProblem): LocalizedText {
  switch (problem.kind) {
    case 'enum': {
      const values = type.kind === 'enum' ? type.values.join('/') : '';
      return { zh: `应为 ${values} 之一`, en: `expected one of ${values}` };
    }
    case 'date':
      return { zh: '应为日期,如 2021-09-01 或 2021年9月', en: 'expected a date such as 2021-09-01 or 2021年9月' };
    case 'code':
      return { zh: `应为${problem.expected}位数字代码`, en: `expected a ${problem.expected}-digit code` };
    case 'yes-no':
      return { zh: '应为「是」或「否」', en: 'expected 是 or 否' };
  }
}

function hint(problem: CellProblem): LocalizedText {
  return problem.suggestion
    ? { zh: `,是否应为「${problem.suggestion}」?`, en: ` (did you mean ${problem.suggestion}?)` }
    : { zh: '', en: '' };
}
