// The roster as an exceljs workbook to mark up, from the bytes of its files (the files themselves
// are only ever read). An .xlsx is opened as it is, so that its styles, widths, merged cells and
// everything else survive; an .xls, .ods or WPS .et goes through SheetJS, which reads them and
// writes .xlsx with values, number formats, widths and merged cells; a CSV pair is built from the
// loader's own reading of it (its encoding, and its line numbers, which the findings point at).
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Workbook, Worksheet } from 'exceljs';
import * as XLSX from 'xlsx';
import * as codepages from 'xlsx/dist/cpexcel.full.mjs';
import { LoadError } from '../errors.js';
import { formatDate } from '../normalise/text.js';
import { displayWidth } from '../reporters/text-width.js';
import type { RawCell, RawSheet, RosterResult } from '../types.js';
import { odsColumnWidths } from './ods-widths.js';
import { takeValidations } from './validations.js';

export type ExcelJSModule = typeof import('exceljs');

// Legacy BIFF files may carry text in a code page (GBK): SheetJS needs its tables for that.
XLSX.set_cptable(codepages);

export interface OpenedRoster {
  readonly workbook: Workbook;
  /** The worksheet a finding's `location.sheet` names. */
  sheet(name: string): Worksheet | null;
  /** How the copy was made, for the listing: the original opened as it is, or converted. */
  readonly conversion: 'none' | 'sheetjs' | 'csv';
  /** The original's data validations by sheet name, kept out of exceljs's hands (validations.ts). */
  readonly validations: ReadonlyMap<string, string>;
}

const OOXML = new Set(['.xlsx', '.xlsm']);
const CSV = new Set(['.csv', '.txt']);

/** `viaSheetJS`: convert even an .xlsx (when exceljs could read it but not write it back). */
export async function openRoster(ExcelJS: ExcelJSModule, roster: RosterResult, viaSheetJS = false): Promise<OpenedRoster> {
  const files = roster.files;
  if (files.length > 0 && files.every((file) => CSV.has(extname(file).toLowerCase()))) return fromCsv(ExcelJS, roster);
  if (files.length !== 1) {
    throw new LoadError('UNREADABLE', {
      zh: `${roster.path}: 无法为该名册生成标注副本(不是一个工作簿或一对 CSV 文件)`,
      en: `${roster.path}: cannot make an annotated copy of this roster (neither one workbook nor a CSV pair)`,
    });
  }
  const file = files[0];
  const bytes = readBytes(file);
  if (OOXML.has(extname(file).toLowerCase()) && !viaSheetJS) {
    try {
      const taken = takeValidations(bytes);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(taken.bytes as unknown as ArrayBuffer);
      keepDefaultWidths(workbook);
      return byName(workbook, 'none', taken.validations);
    } catch {
      // A workbook exceljs cannot parse (an unusual producer) is still annotated, from SheetJS's reading.
    }
  }
  return fromSheetJS(ExcelJS, file, bytes);
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new LoadError('NOT_FOUND', {
      zh: `${file}: 无法读取: ${(error as Error).message}`,
      en: `${file}: cannot be read: ${(error as Error).message}`,
    });
  }
}

function byName(
  workbook: Workbook,
  conversion: OpenedRoster['conversion'],
  validations: ReadonlyMap<string, string> = new Map(),
  names?: ReadonlyMap<string, Worksheet>,
): OpenedRoster {
  return {
    workbook,
    conversion,
    validations,
    sheet(name) {
      return names?.get(name) ?? workbook.getWorksheet(name) ?? workbook.worksheets.find((ws) => ws.name.trim() === name.trim()) ?? null;
    },
  };
}

async function fromSheetJS(ExcelJS: ExcelJSModule, file: string, bytes: Buffer): Promise<OpenedRoster> {
  let converted: Buffer;
  try {
    const book = XLSX.read(bytes, { type: 'buffer', cellNF: true, cellStyles: true, cellDates: false });
    if (extname(file).toLowerCase() === '.ods') applyOdsWidths(book, odsColumnWidths(bytes));
    converted = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true });
  } catch (error) {
    throw new LoadError('UNREADABLE', {
      zh: `${file}: 无法转换为 .xlsx: ${(error as Error).message}`,
      en: `${file}: cannot be converted to .xlsx: ${(error as Error).message}`,
    });
  }
  const workbook = new ExcelJS.Workbook();
  // SheetJS's community build reads and writes no data validations: there are none to carry.
  await workbook.xlsx.load(converted as unknown as ArrayBuffer);
  keepDefaultWidths(workbook);
  return byName(workbook, 'sheetjs');
}

/** Widths from the .ods itself, for the columns in use (the file repeats a default width to its last column). */
function applyOdsWidths(book: XLSX.WorkBook, widths: ReadonlyMap<string, readonly (number | null)[]>): void {
  for (const name of book.SheetNames) {
    const sheetWidths = widths.get(name);
    const sheet = book.Sheets[name];
    if (!sheetWidths || !sheet || (sheet['!cols'] ?? []).length > 0) continue;
    const lastColumn = sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']).e.c : -1;
    sheet['!cols'] = sheetWidths.slice(0, lastColumn + 1).map((width) => (width === null ? {} : { width }));
  }
}

// exceljs leaves out a column whose width is exactly its own default (9), which is then shown at
// Excel's default (8.43): a hair wider keeps it as the original had it.
const EXCELJS_DEFAULT_WIDTH = 9;

function keepDefaultWidths(workbook: Workbook): void {
  for (const worksheet of workbook.worksheets) {
    for (const column of worksheet.columns ?? []) {
      if (column.width === EXCELJS_DEFAULT_WIDTH) column.width = EXCELJS_DEFAULT_WIDTH + 1e-4;
    }
  }
}

async function fromCsv(ExcelJS: ExcelJSModule, roster: RosterResult): Promise<OpenedRoster> {
  const files = roster.files;
  // `check cadres.csv --villages villages.csv` reads files [villages.csv, cadres.csv] with path cadres.csv.
  const villagesFile = files.length === 2 && files[1] === roster.path ? files[0] : undefined;
  const { loadRoster } = await import('../load/index.js');
  const loaded = loadRoster({ path: roster.path, files: [...files], ...(villagesFile ? { villagesFile } : {}) });
  const workbook = new ExcelJS.Workbook();
  const names = new Map<string, Worksheet>();
  for (const sheet of loaded.sheets) names.set(sheet.name, writeRawSheet(workbook, sheet, [...names.values()]));
  return byName(workbook, 'csv', new Map(), names);
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 40;

/** A sheet as read, as text cells where it was text (never a formula), dates as dates. */
function writeRawSheet(workbook: Workbook, sheet: RawSheet, taken: readonly Worksheet[]): Worksheet {
  const worksheet = workbook.addWorksheet(worksheetName(sheet.name, taken.map((ws) => ws.name)));
  const widths: number[] = [];
  for (let rowIndex = 0; rowIndex < sheet.rows.length; rowIndex++) {
    (sheet.rows.at(rowIndex) ?? []).forEach((value, columnIndex) => {
      if (value === null || value === undefined || value === '') return;
      const cell = worksheet.getCell(rowIndex + 1, columnIndex + 1);
      writeRawCell(cell, value);
      widths[columnIndex] = Math.max(widths[columnIndex] ?? 0, displayWidth(shownText(value)));
    });
  }
  widths.forEach((width, index) => {
    if (width !== undefined) worksheet.getColumn(index + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
  });
  for (const merge of sheet.merges) worksheet.mergeCells(merge.firstRow + 1, merge.firstColumn + 1, merge.lastRow + 1, merge.lastColumn + 1);
  return worksheet;
}

function writeRawCell(cell: import('exceljs').Cell, value: Exclude<RawCell, null>): void {
  if (typeof value === 'object') {
    cell.value = new Date(Date.UTC(value.year, value.month - 1, value.day));
    cell.numFmt = 'yyyy-mm-dd';
  } else {
    // A string is written as a string cell: `=…` typed by a clerk stays text, never a formula.
    cell.value = value;
  }
}

function shownText(value: Exclude<RawCell, null>): string {
  return typeof value === 'object' ? formatDate(value) : String(value);
}

// Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], unique regardless of case.
function worksheetName(name: string, taken: readonly string[]): string {
  const base = Array.from(name.replace(/[:\\/?*[\]]/g, '_')).slice(0, 31).join('') || basename(name) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.some((t) => t.toLowerCase() === candidate.toLowerCase()); n++) {
    const suffix = `(${n})`;
    candidate = Array.from(base).slice(0, 31 - suffix.length).join('') + suffix;
  }
  return candidate;
}

export { worksheetName };
