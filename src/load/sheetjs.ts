// The one place that calls SheetJS in this process: on the parts of .ods packages (and of an
// OOXML package with binary parts), whose text is Unicode; .xlsx is read by ooxml-reader.ts. Legacy .xls, whose text may be in a codepage such as GBK, is parsed in
// the sandbox (legacy-sandbox.ts), by SheetJS's CommonJS build, which loads its codepage tables
// itself. Dense mode always (sparse mode does not finish large sheets); values and number formats
// only (no formulas, HTML or formatted text: the cached value of a formula is its value).
import * as XLSX from 'xlsx';
import type { LoadError } from '../errors.js';
import { problem } from './messages.js';
import type { ZipPart } from './zip-guard.js';

export type CellObject = XLSX.CellObject;
/** A sheet's cells by row and column, as SheetJS's dense mode holds them (with holes). */
type DenseRows = (CellObject[] | null | undefined)[];

/** A workbook as parsed, before its cells become RawCells. */
export interface ParsedWorkbook {
  readonly date1904: boolean;
  readonly sheets: readonly ParsedSheet[];
}

interface ParsedSheet {
  readonly name: string;
  readonly data: DenseRows;
  readonly merges: readonly XLSX.Range[];
}

/** The options SheetJS reads with, here and in the sandbox. */
export function readOptions(): XLSX.ParsingOptions {
  return { dense: true, cellDates: false, cellNF: true, cellText: false, cellHTML: false, cellFormula: false, cellStyles: false };
}

interface Container {
  readonly FileIndex: readonly unknown[];
}

interface SheetJsInternals {
  /** Parses a zip container's parts; exported by xlsx.mjs, not declared in its types. */
  parse_zip(container: Container, options: XLSX.ParsingOptions): XLSX.WorkBook;
  CFB: {
    utils: {
      cfb_new(): Container;
      cfb_add(container: Container, name: string, content: Uint8Array, options: { unsafe: boolean }): void;
    };
  };
}

const sheetjs = XLSX as unknown as SheetJsInternals;

/** An .xlsx or .ods whose parts were inflated (and checked) by the zip guard. */
export function parsePackage(file: string, parts: readonly ZipPart[]): ParsedWorkbook {
  const container = sheetjs.CFB.utils.cfb_new();
  for (const part of parts) sheetjs.CFB.utils.cfb_add(container, part.name, part.content, { unsafe: true });
  try {
    return parsedWorkbook(quietly(() => sheetjs.parse_zip(container, readOptions())));
  } catch (error) {
    throw sheetJsFailure(file, error);
  }
}

export function sheetJsFailure(file: string, error: unknown): LoadError {
  const message = String((error as Error | undefined)?.message ?? error);
  return /password|encrypt/i.test(message) ? problem.encrypted(file) : problem.unreadableWorkbook(file, error);
}

export function isDateFormat(format: string | number): boolean {
  return (XLSX.SSF as { is_date(format: string | number): boolean }).is_date(format);
}

function parsedWorkbook(workbook: XLSX.WorkBook): ParsedWorkbook {
  return {
    date1904: Boolean(workbook.Workbook?.WBProps?.date1904),
    sheets: workbook.SheetNames.map((name) => {
      const sheet = sheetNamed(workbook, name);
      return { name, data: (sheet?.['!data'] as DenseRows | undefined) ?? [], merges: sheet?.['!merges'] ?? [] };
    }),
  };
}

/**
 * SheetJS keeps sheets in a plain object by name: a sheet named "__proto__" became that object's
 * prototype (no other object is touched), and a name such as "toString" finds
 * Object.prototype's function when no sheet has it. Only a sheet with cell data is taken.
 */
function sheetNamed(workbook: XLSX.WorkBook, name: string): XLSX.WorkSheet | undefined {
  const candidate: unknown = workbook.Sheets[name];
  return typeof candidate === 'object' && candidate !== null && Array.isArray((candidate as XLSX.WorkSheet)['!data'])
    ? (candidate as XLSX.WorkSheet)
    : undefined;
}

/**
 * SheetJS writes warnings about the files it reads to the console (every ODS LibreOffice saves
 * gives a dozen). They would mix into a report on stdout; the call is synchronous, so nothing
 * else writes while they are muted.
 */
function quietly<T>(parse: () => T): T {
  const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
  const mute = (): void => undefined;
  Object.assign(console, { log: mute, warn: mute, error: mute, info: mute });
  try {
    return parse();
  } finally {
    Object.assign(console, saved);
  }
}
