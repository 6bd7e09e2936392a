// The template's two data sheets, column by column, worked out from src/normalise/columns.ts: the
// canonical headers, the cell format (text for ID numbers, phones, codes and team ids, so that
// Excel keeps every digit; dates as dates) and the data validation (drop-downs from the very
// vocabularies the checker reads).
import { CADRE_COLUMNS, VILLAGE_COLUMNS, type ColumnSpec, type ValueType } from '../normalise/columns.js';
import type { CadreKey, LocalizedText, VillageKey } from '../types.js';
import { CADRE_EXAMPLE, EXAMPLE_MARK, VILLAGE_EXAMPLE, type ExampleValue } from './example.js';

export const ROW_NUMBER_HEADER = '序号';
export const HEADER_ROW = 1;
export const EXAMPLE_ROW = 2;
/**
 * Drop-downs and checks reach this row: more than a county's roster needs. Not the whole column:
 * some readers (exceljs among them) expand a validation to every cell it covers.
 */
export const LAST_ROW = 5_000;

export type CellFormat = 'text' | 'date' | 'general';

export type Validation =
  | { readonly kind: 'list'; readonly values: readonly string[]; readonly strict: boolean; readonly prompt: LocalizedText }
  | { readonly kind: 'length'; readonly length: number; readonly prompt: LocalizedText }
  | { readonly kind: 'date'; readonly prompt: LocalizedText };

export interface TemplateColumn {
  /** The column key of columns.ts; null for 序号. */
  readonly key: string | null;
  readonly header: string;
  readonly spec: ColumnSpec<string> | null;
  readonly format: CellFormat;
  readonly validation: Validation | null;
  readonly example: ExampleValue;
}

export interface TemplateSheet {
  readonly kind: 'villages' | 'cadres';
  readonly name: string;
  readonly columns: readonly TemplateColumn[];
  /** Columns frozen left of the scroll (序号 and 姓名 on the cadre sheet). */
  readonly frozenColumns: number;
}

export const VILLAGE_SHEET_NAME = '村庄';
export const CADRE_SHEET_NAME = '驻村干部';
export const INSTRUCTIONS_SHEET_NAME = '填表说明';

const YES_NO = ['是', '否'];
// Team ids are codes too: 0201 must not become 201.
const TEXT_KEYS = new Set(['teamId', 'coveringTeam']);

export function templateSheets(): TemplateSheet[] {
  return [
    { kind: 'villages', name: VILLAGE_SHEET_NAME, columns: sheetColumns(VILLAGE_COLUMNS, VILLAGE_EXAMPLE), frozenColumns: 0 },
    { kind: 'cadres', name: CADRE_SHEET_NAME, columns: sheetColumns(CADRE_COLUMNS, CADRE_EXAMPLE), frozenColumns: 2 },
  ];
}

function sheetColumns<K extends VillageKey | CadreKey>(
  specs: readonly ColumnSpec<K>[],
  example: Readonly<Record<K, ExampleValue>>,
): TemplateColumn[] {
  const rowNumber: TemplateColumn = { key: null, header: ROW_NUMBER_HEADER, spec: null, format: 'general', validation: null, example: EXAMPLE_MARK };
  return [
    rowNumber,
    ...specs.map((spec) => ({
      key: spec.key,
      header: spec.header,
      spec: spec as ColumnSpec<string>,
      format: formatOf(spec.key, spec.type),
      validation: validationOf(spec.header, spec.type),
      example: example[spec.key],
    })),
  ];
}

export function formatOf(key: string, type: ValueType): CellFormat {
  if (type.kind === 'code' || type.kind === 'id-number' || type.kind === 'phone' || TEXT_KEYS.has(key)) return 'text';
  if (type.kind === 'date') return 'date';
  return 'general';
}

export function validationOf(header: string, type: ValueType): Validation | null {
  switch (type.kind) {
    case 'enum':
      // A multi-valued column (村类型) still offers its words; a combination is let through.
      return {
        kind: 'list',
        values: type.values,
        strict: type.multiple !== true,
        prompt: type.multiple
          ? { zh: `从下拉列表选择;属多种类型的,用「、」分隔填写多个`, en: `pick from the list; for several, write them separated by 、` }
          : { zh: `从下拉列表选择`, en: `pick from the list` },
      };
    case 'yes-no':
      return { kind: 'list', values: YES_NO, strict: true, prompt: { zh: '填「是」或「否」,空白视为否', en: '是 or 否; blank means 否' } };
    case 'yes-no-or-date':
      return { kind: 'list', values: YES_NO, strict: false, prompt: { zh: '填「是」「否」,或填写备案日期', en: '是, 否, or the filing date' } };
    case 'code':
      return { kind: 'length', length: type.digits, prompt: { zh: `${type.digits}位数字代码,按文本填写`, en: `a ${type.digits}-digit code, as text` } };
    case 'id-number':
      return { kind: 'length', length: 18, prompt: { zh: '18位身份证号,按文本填写,末位可为 X', en: '18 characters, as text; the last may be X' } };
    case 'date':
      return { kind: 'date', prompt: { zh: `${header}: 填写日期,如 2021-09-01`, en: `${header}: a date such as 2021-09-01` } };
    default:
      return null;
  }
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
