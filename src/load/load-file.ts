// One file → its sheets, by what its bytes are: a zip package (.xlsx by the OOXML reader, .ods by
// SheetJS), a compound file (.xls), or text (CSV). Whatever goes wrong comes out as a LoadError.
import { LoadError } from '../errors.js';
import type { RawSheet } from '../types.js';
import { CellBudget, cellLimit } from './cell-budget.js';
import { checkCompoundFile } from './cfb.js';
import { csvSheet } from './csv.js';
import { parseCompoundFileInSandbox } from './legacy-sandbox.js';
import type { LoadLimits } from './limits.js';
import { problem } from './messages.js';
import { checkOdsContent } from './ods-guard.js';
import { checkOoxmlPackage } from './ooxml-guard.js';
import { readOoxmlWorkbook } from './ooxml-reader.js';
import { readFileBounded } from './read-file.js';
import { parsePackage } from './sheetjs.js';
import { sniffFormat } from './sniff.js';
import { isMarkup, isUtf16, MARKUP_SAMPLE_UNITS, textEncoding, textStart } from './text-decode.js';
import { workbookSheets } from './workbook.js';
import { PackageParts, workbookPackage } from './zip-contents.js';
import { unzipWithinLimit } from './zip-guard.js';

export function loadFile(file: string, limits: LoadLimits): RawSheet[] {
  try {
    return loadBytes(file, readFileBounded(file, limits.maxFileBytes), limits);
  } catch (error) {
    if (error instanceof LoadError) throw error;
    throw problem.unreadableWorkbook(file, error);
  }
}

function loadBytes(file: string, bytes: Buffer, limits: LoadLimits): RawSheet[] {
  switch (sniffFormat(bytes)) {
    case 'zip':
      return loadPackage(file, bytes, limits);
    case 'cfb':
      return loadCompoundFile(file, bytes, limits);
    case 'csv':
      return [loadText(file, bytes)];
    case 'pdf':
      throw problem.pdf(file);
    case 'empty':
      throw problem.empty(file);
    case 'binary':
      throw isUtf16(bytes) ? problem.utf16(file) : problem.binary(file);
  }
}

function loadPackage(file: string, bytes: Buffer, limits: LoadLimits): RawSheet[] {
  const parts = new PackageParts(unzipWithinLimit(file, bytes, limits.maxInflatedBytes));
  const expansion = newBudget(file, limits);
  if (workbookPackage(file, parts) === 'ods') {
    checkOdsContent(parts, expansion);
    return workbookSheets(file, parsePackage(file, parts.parts), newBudget(file, limits));
  }
  checkOoxmlPackage(file, parts, expansion);
  return readOoxmlWorkbook(file, parts, newBudget(file, limits));
}

function loadCompoundFile(file: string, bytes: Buffer, limits: LoadLimits): RawSheet[] {
  checkCompoundFile(file, bytes, newBudget(file, limits));
  return workbookSheets(file, parseCompoundFileInSandbox(file, bytes), newBudget(file, limits));
}

function loadText(file: string, bytes: Buffer): RawSheet {
  const text = textEncoding(bytes);
  if (isMarkup(textStart(text, MARKUP_SAMPLE_UNITS))) throw problem.webPage(file);
  return csvSheet(file, text);
}

function newBudget(file: string, limits: LoadLimits): CellBudget {
  return new CellBudget(file, cellLimit(limits.maxInflatedBytes));
}
