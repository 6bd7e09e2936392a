// A compound file (D0 CF 11 E0…) is a legacy .xls, an encrypted .xlsx (Excel wraps an OOXML
// package with a password in one), or another Office document. An .xls is checked before SheetJS
// parses it: a password record (FILEPASS) means it is encrypted; a hyperlink record covering up
// to 65,536 × 65,536 cells makes SheetJS visit each of them (a minute and a half per record).
import type { CellBudget } from './cell-budget.js';
import { readCompoundFile } from './compound-file.js';
import { problem } from './messages.js';

const FILEPASS = 0x002f;
const HLINK = 0x01b8;
const HLINK_TOOLTIP = 0x0800;

export function checkCompoundFile(file: string, bytes: Buffer, budget: CellBudget): void {
  const compound = readCompoundFile(file, bytes);
  const names = new Set(compound.names.map((name) => name.toLowerCase()));
  if (names.has('encryptioninfo') || names.has('encryptedpackage') || names.has('encryption')) throw problem.encrypted(file);
  const workbook = compound.stream('Workbook') ?? compound.stream('Book');
  if (workbook === null) {
    if (names.has('worddocument')) throw problem.wordDocument(file);
    if (names.has('powerpoint document')) throw problem.presentation(file);
    throw problem.otherOfficeFile(file);
  }
  scanWorkbookStream(file, workbook, budget);
}

/** BIFF records: a 2-byte type, a 2-byte length, the data. */
function scanWorkbookStream(file: string, stream: Buffer, budget: CellBudget): void {
  let position = 0;
  while (position + 4 <= stream.length) {
    const type = stream.readUInt16LE(position);
    const data = position + 4;
    if (type === FILEPASS) throw problem.encrypted(file);
    if (type === HLINK) budget.spend(hyperlinkCells(stream, data));
    if (type === HLINK_TOOLTIP) budget.spend(hyperlinkCells(stream, data + 2));
    position = data + stream.readUInt16LE(position + 2);
  }
}

/** The cells a hyperlink range (first row, last row, first column, last column) covers. */
function hyperlinkCells(stream: Buffer, position: number): number {
  if (position + 8 > stream.length) return 0;
  const rows = stream.readUInt16LE(position + 2) - stream.readUInt16LE(position) + 1;
  const columns = stream.readUInt16LE(position + 6) - stream.readUInt16LE(position + 4) + 1;
  return Math.max(0, rows) * Math.max(0, columns);
}
