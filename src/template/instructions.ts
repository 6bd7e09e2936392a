// The 填表说明 sheet, as rows of text: generated from the columns (what each means, what it takes,
// the other header spellings the checker accepts) and from the rules (which apply to each column,
// and each rule's requirement, basis and fix), so that it cannot drift from what is checked.
import type { ColumnSpec, ValueType } from '../normalise/columns.js';
import type { Rule } from '../ruleset/index.js';
import type { Lang, LocalizedText } from '../types.js';
import { CADRE_NOTES, VILLAGE_NOTES } from './column-notes.js';
import { EXAMPLE_MARK } from './example.js';
import { CADRE_SHEET_NAME, VILLAGE_SHEET_NAME, templateSheets, type TemplateSheet } from './layout.js';
import { requirementsOf, rulesByColumn, type Requirement } from './rule-columns.js';
import { templateMark } from './version.js';

export type LineKind = 'title' | 'version' | 'heading' | 'header' | 'note' | 'row' | 'blank';

export interface InstructionLine {
  readonly kind: LineKind;
  readonly cells: readonly string[];
}

const WORDS = {
  zh: {
    title: '驻村第一书记和工作队名册 填表说明',
    version: '模板版本',
    generated: (version: string) => `由 zhucun ${version} 生成;检查: zhucun check 名册.xlsx`,
    notesHeading: '填写要求',
    notes: [
      `「${VILLAGE_SHEET_NAME}」表每个派驻村(社区)一行,「${CADRE_SHEET_NAME}」表每名驻村干部一行;表头请勿改动。`,
      `第2行是示例(序号为「${EXAMPLE_MARK}」),检查时跳过,可保留,也可删除;从第3行起填写。`,
      '身份证号、联系电话、村代码、县代码、工作队编号列为文本格式:请勿改为数值,否则 Excel 会丢失身份证号后三位和代码开头的0。',
      '日期写作 2021-09-01;只知道月份的可写 2021年9月(视为当月1日)。',
      '带下拉列表的列请从列表中选择;村类型可填多个,用「、」分隔。',
      '是/否列空白视为「否」;在岗状态空白视为「在岗」,只有「在岗」的人员计入工作队人数。',
      '同一工作队的人员填写同一「工作队编号」;第一书记兼任队长的,驻村职务填「第一书记兼队长」。',
    ],
    columnsHeading: (sheet: string) => `「${sheet}」表各列`,
    columnHeader: ['列名', '必填', '含义', '取值', '也可写作', '适用规则'],
    rowNumber: { meaning: `行号;示例行填「${EXAMPLE_MARK}」`, values: '数字' },
    requirement: { required: '必填', conditional: '条件必填', 'one-of': '二选一', optional: '' } as Record<Requirement, string>,
    rulesHeading: '检查规则',
    ruleHeader: ['规则', '级别', '要求', '依据', '整改'],
    severity: { error: '错误', warning: '警告', info: '提示' },
  },
  en: {
    title: 'Village work-team roster: how to fill it in',
    version: 'template version',
    generated: (version: string) => `made by zhucun ${version}; check it with: zhucun check roster.xlsx`,
    notesHeading: 'How to fill it in',
    notes: [
      `One row per village (community) in sheet ${VILLAGE_SHEET_NAME}, one row per cadre in sheet ${CADRE_SHEET_NAME}; do not change the headers.`,
      `Row 2 is an example (序号 ${EXAMPLE_MARK}); the checker skips it, so keep or delete it; fill in from row 3.`,
      'The ID number, phone, village code, county code and team id columns are text: do not turn them into numbers, or Excel drops the last three digits of an ID number and the leading zeros of codes.',
      'Write dates as 2021-09-01; when only the month is known, 2021年9月 (the first of the month).',
      'Pick values from the drop-down lists; 村类型 may hold several, separated by 、.',
      'A blank yes/no cell means 否; a blank 在岗状态 means 在岗, and only 在岗 cadres count towards a team.',
      'The members of one team share one 工作队编号; a first secretary who also leads the team is 第一书记兼队长.',
    ],
    columnsHeading: (sheet: string) => `Columns of sheet ${sheet}`,
    columnHeader: ['column', 'required', 'meaning', 'values', 'also accepted as', 'rules'],
    rowNumber: { meaning: `row number; ${EXAMPLE_MARK} on the example row`, values: 'a number' },
    requirement: { required: 'required', conditional: 'when it applies', 'one-of': 'one of two', optional: '' } as Record<Requirement, string>,
    rulesHeading: 'The rules checked',
    ruleHeader: ['rule', 'severity', 'requirement', 'basis', 'fix'],
    severity: { error: 'error', warning: 'warning', info: 'info' },
  },
} as const;

export function instructionLines(rules: readonly Rule[], lang: Lang, toolVersion: string): InstructionLine[] {
  const words = WORDS[lang];
  const lines: InstructionLine[] = [
    { kind: 'title', cells: [words.title] },
    { kind: 'version', cells: [words.version, templateMark(), words.generated(toolVersion)] },
    { kind: 'blank', cells: [] },
    { kind: 'heading', cells: [words.notesHeading] },
    ...words.notes.map((note, index) => ({ kind: 'note' as const, cells: [`${index + 1}. ${note}`] })),
  ];
  const byColumn = rulesByColumn(rules);
  const required = requirementsOf(rules);
  for (const sheet of templateSheets()) {
    lines.push({ kind: 'blank', cells: [] }, { kind: 'heading', cells: [words.columnsHeading(sheet.name)] }, { kind: 'header', cells: words.columnHeader });
    lines.push(...columnLines(sheet, byColumn, required, lang));
  }
  lines.push({ kind: 'blank', cells: [] }, { kind: 'heading', cells: [words.rulesHeading] }, { kind: 'header', cells: words.ruleHeader });
  for (const rule of rules) {
    lines.push({
      kind: 'row',
      cells: [rule.id, words.severity[rule.severity], rule.title[lang], `${rule.source.document}: ${rule.source.passage}`, rule.fix[lang]],
    });
  }
  return lines;
}

function columnLines(
  sheet: TemplateSheet,
  byColumn: ReturnType<typeof rulesByColumn>,
  required: ReturnType<typeof requirementsOf>,
  lang: Lang,
): InstructionLine[] {
  const words = WORDS[lang];
  const notes: Readonly<Record<string, LocalizedText>> = sheet.kind === 'villages' ? VILLAGE_NOTES : CADRE_NOTES;
  const rulesOf = byColumn[sheet.kind] as Map<string, Rule[]>;
  return sheet.columns.map((column) => {
    if (column.key === null || column.spec === null) {
      return { kind: 'row', cells: [column.header, '', words.rowNumber.meaning, words.rowNumber.values, '', ''] };
    }
    const requirement = required[sheet.kind].get(column.key) ?? (column.spec.required ? 'required' : 'optional');
    return {
      kind: 'row',
      cells: [
        column.header,
        words.requirement[requirement],
        notes[column.key][lang],
        valuesText(column.spec, lang),
        column.spec.aliases.join(lang === 'zh' ? '、' : ', '),
        (rulesOf.get(column.key) ?? []).map((rule) => rule.id).join('\n'),
      ],
    };
  });
}

export function valuesText(spec: ColumnSpec<string>, lang: Lang): string {
  return typeText(spec.type)[lang];
}

function typeText(type: ValueType): LocalizedText {
  switch (type.kind) {
    case 'text':
      return { zh: '文本', en: 'text' };
    case 'code':
      return { zh: `${type.digits}位数字(文本)`, en: `${type.digits} digits (text)` };
    case 'id-number':
      return { zh: '18位身份证号(文本)', en: '18-character ID number (text)' };
    case 'phone':
      return { zh: '手机号或座机号(文本)', en: 'mobile or landline number (text)' };
    case 'date':
      return { zh: '日期', en: 'date' };
    case 'yes-no':
      return { zh: '是 / 否', en: '是 / 否' };
    case 'yes-no-or-date':
      return { zh: '是 / 否,或日期', en: '是 / 否, or a date' };
    case 'enum': {
      const values = type.values.join(' / ');
      const spellings = Object.entries(type.spellings ?? {}).map(([spelling, value]) => `${spelling}→${value}`);
      const several = type.multiple ? { zh: '(可多选,用「、」分隔)', en: ' (several, separated by 、)' } : { zh: '', en: '' };
      const also = spellings.length > 0 ? { zh: `;也认: ${spellings.join('、')}`, en: `; also read: ${spellings.join(', ')}` } : { zh: '', en: '' };
      return { zh: `${values}${several.zh}${also.zh}`, en: `${values}${several.en}${also.en}` };
    }
  }
}

