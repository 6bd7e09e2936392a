// The one place that calls SheetJS. Dense mode always (sparse mode does not finish large
// sheets); codepage tables for legacy .xls written in GBK; values and number formats only (no
// formulas, HTML or formatted text: the cached value of a formula is its value).
import * as XLSX from 'xlsx';
import * as codepages from 'xlsx/dist/cpexcel.full.mjs';
import type { ZipPart } from './zip-guard.js';

XLSX.set_cptable(codepages);

export type Workbook = XLSX.WorkBook;
export type WorkSheet = XLSX.WorkSheet;
export type CellObject = XLSX.CellObject;

/** A CFB (compound file) or zip as SheetJS holds it in memory. */
export interface Container {
  readonly FileIndex: readonly ContainerEntry[];
  readonly FullPaths: readonly string[];
}

export interface ContainerEntry {
  readonly name: string;
  readonly content?: ArrayLike<number>;
}

interface SheetJsInternals {
  /** Parses a zip container's parts; exported by xlsx.mjs, not declared in its types. */
  parse_zip(container: Container, options: XLSX.ParsingOptions): Workbook;
  CFB: {
    read(data: Uint8Array, options: { type: 'buffer' }): Container;
    find(container: Container, path: string): ContainerEntry | null;
    utils: {
      cfb_new(): Container;
      cfb_add(container: Container, name: string, content: Uint8Array, options: { unsafe: boolean }): void;
    };
  };
}

const sheetjs = XLSX as unknown as SheetJsInternals;

function readOptions(): XLSX.ParsingOptions {
  return { dense: true, cellDates: false, cellNF: true, cellText: false, cellHTML: false, cellFormula: false, cellStyles: false };
}

/** An .xlsx or .ods whose parts were inflated (and checked) by the zip guard. */
export function parsePackage(parts: readonly ZipPart[]): Workbook {
  const container = sheetjs.CFB.utils.cfb_new();
  for (const part of parts) sheetjs.CFB.utils.cfb_add(container, part.name, part.content, { unsafe: true });
  return quietly(() => sheetjs.parse_zip(container, readOptions()));
}

/** A legacy .xls (a compound file). */
export function parseCompoundFile(bytes: Buffer): Workbook {
  return quietly(() => XLSX.read(bytes, { ...readOptions(), type: 'buffer' }));
}

export function readCompoundFile(bytes: Buffer): Container {
  return sheetjs.CFB.read(bytes, { type: 'buffer' });
}

export function findInCompoundFile(container: Container, path: string): ContainerEntry | null {
  return sheetjs.CFB.find(container, path);
}

export function isDateFormat(format: string | number): boolean {
  return (XLSX.SSF as { is_date(format: string | number): boolean }).is_date(format);
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
