// A compound file (D0 CF 11 E0…) is a legacy .xls, an encrypted .xlsx (Excel wraps an OOXML
// package with a password in one), or another Office document. An .xls is checked before SheetJS
// parses it: a password record (FILEPASS) means it is encrypted; a hyperlink record covering up
// to 65,536 × 65,536 cells makes SheetJS visit each of them (a minute and a half per record).
import type { CellBudget } from './cell-budget.js';
import { damage, problem } from './messages.js';
import { findInCompoundFile, readCompoundFile, type Container } from './sheetjs.js';

const FILEPASS = 0x002f;
const HLINK = 0x01b8;
const HLINK_TOOLTIP = 0x0800;

export function checkCompoundFile(file: string, bytes: Buffer, budget: CellBudget): void {
  const container = readContainer(file, bytes);
  const has = (path: string): boolean => findInCompoundFile(container, path) !== null;
  if (has('EncryptionInfo') || has('EncryptedPackage') || has('/encryption')) throw problem.encrypted(file);
  const workbook = findInCompoundFile(container, '/Workbook') ?? findInCompoundFile(container, '/Book');
  if (!workbook?.content) {
    if (has('WordDocument')) throw problem.wordDocument(file);
    if (has('PowerPoint Document')) throw problem.presentation(file);
    throw problem.otherOfficeFile(file);
  }
  scanWorkbookStream(file, workbook.content, budget);
}

function readContainer(file: string, bytes: Buffer): Container {
  try {
    return readCompoundFile(bytes);
  } catch (error) {
    throw problem.damaged(file, damage.compoundFile, error);
  }
}

/** BIFF records: a 2-byte type, a 2-byte length, the data. */
function scanWorkbookStream(file: string, stream: ArrayLike<number>, budget: CellBudget): void {
  let position = 0;
  while (position + 4 <= stream.length) {
    const type = uint16(stream, position);
    const data = position + 4;
    if (type === FILEPASS) throw problem.encrypted(file);
    if (type === HLINK) budget.spend(hyperlinkCells(stream, data));
    if (type === HLINK_TOOLTIP) budget.spend(hyperlinkCells(stream, data + 2));
    position = data + uint16(stream, position + 2);
  }
}

/** The cells a hyperlink range (first row, last row, first column, last column) covers. */
function hyperlinkCells(stream: ArrayLike<number>, position: number): number {
  if (position + 8 > stream.length) return 0;
  const rows = uint16(stream, position + 2) - uint16(stream, position) + 1;
  const columns = uint16(stream, position + 6) - uint16(stream, position + 4) + 1;
  return Math.max(0, rows) * Math.max(0, columns);
}

function uint16(bytes: ArrayLike<number>, position: number): number {
  return bytes[position]! | (bytes[position + 1]! << 8);
}
