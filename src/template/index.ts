// `zhucun template`: a blank roster workbook that prevents mistakes instead of reporting them.
// exceljs writes it (cell formats, drop-downs, frozen panes: SheetJS's community build writes no
// styles); it is imported only here, when a template is asked for.
import { readFileSync } from 'node:fs';
import type { Workbook, Worksheet, DataValidation, Cell } from 'exceljs';
import { loadRuleSet, type Rule } from '../ruleset/index.js';
import type { Lang } from '../types.js';
import { displayWidth } from '../reporters/text-width.js';
import { instructionLines, type InstructionLine } from './instructions.js';
import {
  EXAMPLE_ROW,
  HEADER_ROW,
  INSTRUCTIONS_SHEET_NAME,
  LAST_ROW,
  columnLetter,
  templateSheets,
  type CellFormat,
  type TemplateColumn,
  type TemplateSheet,
  type Validation,
} from './layout.js';
import type { ExampleValue } from './example.js';
import { TEMPLATE_VERSION_NAME, templateMark } from './version.js';

export { TEMPLATE_VERSION, TEMPLATE_VERSION_NAME, templateMark, templateNotice, templateVersionOf } from './version.js';
export { templateSheets, VILLAGE_SHEET_NAME, CADRE_SHEET_NAME, INSTRUCTIONS_SHEET_NAME, EXAMPLE_ROW, HEADER_ROW } from './layout.js';
export { EXAMPLE_MARK } from './example.js';

export interface TemplateOptions {
  readonly lang: Lang;
  /** The rules 填表说明 lists (after configuration); the built-in ones by default. */
  readonly rules?: readonly Rule[];
}

const NUMBER_FORMATS: Readonly<Record<CellFormat, string | undefined>> = {
  text: '@',
  date: 'yyyy-mm-dd',
  general: undefined,
};

const HEADER_FILL = 'FFD9E1F2';
const REQUIRED_FILL = 'FFFCE4D6';
const EXAMPLE_FONT = 'FF808080';
const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };

// Width in characters: what the header or the example needs, within bounds.
const MIN_WIDTH = 6;
const MAX_WIDTH = 40;

const TOOL_VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

export async function writeTemplate(options: TemplateOptions): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'zhucun';
  workbook.title = options.lang === 'zh' ? '驻村第一书记和工作队名册' : 'Village work-team roster';
  workbook.keywords = templateMark();
  for (const sheet of templateSheets()) writeDataSheet(workbook, sheet, options.lang);
  writeInstructions(workbook, instructionLines(options.rules ?? loadRuleSet().rules, options.lang, TOOL_VERSION));
  workbook.definedNames.add(`'${INSTRUCTIONS_SHEET_NAME}'!$B$2`, TEMPLATE_VERSION_NAME);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function writeDataSheet(workbook: Workbook, sheet: TemplateSheet, lang: Lang): void {
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: HEADER_ROW, topLeftCell: `${columnLetter(sheet.frozenColumns + 1)}${HEADER_ROW + 1}` }],
  });
  sheet.columns.forEach((column, index) => {
    const number = index + 1;
    const format = NUMBER_FORMATS[column.format];
    const excelColumn = worksheet.getColumn(number);
    excelColumn.width = widthOf(column);
    // The column's own style: cells typed in later take it (text keeps every digit of an ID number).
    if (format) excelColumn.numFmt = format;
    writeHeader(worksheet.getCell(HEADER_ROW, number), column);
    writeExample(worksheet.getCell(EXAMPLE_ROW, number), column.example, format);
    if (column.validation) addValidation(worksheet, number, column.validation, lang);
  });
  worksheet.getRow(HEADER_ROW).height = 30;
}

/** A header is text, whatever its column holds (a date format on it confuses some readers). */
function writeHeader(cell: Cell, column: TemplateColumn): void {
  cell.value = column.header;
  cell.style = {
    numFmt: '@',
    font: { bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: column.spec?.required ? REQUIRED_FILL : HEADER_FILL } },
    border: { top: THIN, bottom: THIN, left: THIN, right: THIN },
  };
}

function writeExample(cell: Cell, value: ExampleValue, format: string | undefined): void {
  cell.value = value === null ? null : typeof value === 'string' ? value : isoDate(value.date);
  cell.style = { ...(format ? { numFmt: format } : {}), font: { italic: true, color: { argb: EXAMPLE_FONT } } };
}

function isoDate(text: string): Date {
  const [year, month, day] = text.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

function widthOf(column: TemplateColumn): number {
  const example = column.example === null ? '' : typeof column.example === 'string' ? column.example : column.example.date;
  const needed = Math.max(displayWidth(column.header), displayWidth(example)) + 2;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, needed));
}

type WithValidations = Worksheet & { dataValidations: { add(range: string, validation: DataValidation): void } };

function addValidation(worksheet: Worksheet, column: number, validation: Validation, lang: Lang): void {
  const letter = columnLetter(column);
  const range = `${letter}${EXAMPLE_ROW}:${letter}${LAST_ROW}`;
  const prompt = { showInputMessage: true, prompt: validation.prompt[lang] };
  const rule = validationRule(validation, lang);
  (worksheet as WithValidations).dataValidations.add(range, { ...rule, ...prompt, allowBlank: true, showErrorMessage: true });
}

function validationRule(validation: Validation, lang: Lang): DataValidation {
  switch (validation.kind) {
    case 'list':
      return {
        type: 'list',
        formulae: [`"${validation.values.join(',')}"`],
        errorStyle: validation.strict ? 'stop' : 'information',
        errorTitle: lang === 'zh' ? '取值不在列表中' : 'Not in the list',
        error: lang === 'zh' ? `应为: ${validation.values.join('、')}` : `expected one of: ${validation.values.join(', ')}`,
      };
    case 'length':
      return {
        type: 'textLength',
        operator: 'equal',
        formulae: [validation.length],
        errorStyle: 'stop',
        errorTitle: lang === 'zh' ? '位数不对' : 'Wrong length',
        error: validation.prompt[lang],
      };
    case 'date':
      // A warning only: 2021年9月 written as text is read by the checker too.
      return {
        type: 'date',
        operator: 'between',
        formulae: [new Date(Date.UTC(1900, 2, 1)), new Date(Date.UTC(2199, 11, 31))],
        errorStyle: 'warning',
        errorTitle: lang === 'zh' ? '不是日期' : 'Not a date',
        error: validation.prompt[lang],
      };
  }
}

// 填表说明: columns wide enough for prose, every cell wrapped.
const INSTRUCTION_WIDTHS = [26, 10, 44, 40, 30, 30];
const LINE_POINTS = 15;

/** Wrapped text does not grow its row when the file is opened: the height is set for it. */
function lineHeight(line: InstructionLine): number {
  const merged = line.kind === 'note' || line.kind === 'title';
  const lines = line.cells.map((text, column) => {
    const width = merged ? INSTRUCTION_WIDTHS.reduce((a, b) => a + b, 0) : INSTRUCTION_WIDTHS[column] ?? 10;
    return text.split('\n').reduce((total, part) => total + Math.max(1, Math.ceil(displayWidth(part) / (width - 1))), 0);
  });
  return Math.max(1, ...lines) * LINE_POINTS + (line.kind === 'title' ? 8 : 3);
}

function writeInstructions(workbook: Workbook, lines: readonly InstructionLine[]): void {
  const worksheet = workbook.addWorksheet(INSTRUCTIONS_SHEET_NAME);
  INSTRUCTION_WIDTHS.forEach((width, index) => (worksheet.getColumn(index + 1).width = width));
  const lastColumn = columnLetter(INSTRUCTION_WIDTHS.length);
  lines.forEach((line, index) => {
    const rowNumber = index + 1;
    const row = worksheet.getRow(rowNumber);
    line.cells.forEach((text, column) => {
      const cell = row.getCell(column + 1);
      cell.value = text;
      cell.alignment = { vertical: 'top', wrapText: true };
      if (line.kind === 'header') {
        cell.font = { bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
      }
    });
    row.height = lineHeight(line);
    if (line.kind === 'title') {
      row.getCell(1).font = { bold: true, size: 14 };
      worksheet.mergeCells(`A${rowNumber}:${lastColumn}${rowNumber}`);
    } else if (line.kind === 'heading') {
      row.getCell(1).font = { bold: true, size: 12 };
    } else if (line.kind === 'note') {
      worksheet.mergeCells(`A${rowNumber}:${lastColumn}${rowNumber}`);
    } else if (line.kind === 'version') {
      row.getCell(1).font = { color: { argb: EXAMPLE_FONT } };
      row.getCell(2).font = { color: { argb: EXAMPLE_FONT } };
      row.getCell(3).font = { color: { argb: EXAMPLE_FONT } };
    }
  });
}
