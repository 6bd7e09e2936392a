// What a zip package holds, from its part names: an OOXML workbook (.xlsx, .xlsm) or an
// OpenDocument spreadsheet (.ods) goes on to SheetJS; anything else is refused with a message
// that says what it is. Part names compare as SheetJS compares them: case-insensitive.
import { problem } from './messages.js';
import type { ZipPart } from './zip-guard.js';

export type WorkbookPackage = 'ooxml' | 'ods';

export class PackageParts {
  private readonly byName = new Map<string, ZipPart>();

  constructor(readonly parts: readonly ZipPart[]) {
    for (const part of parts) this.byName.set(normalisePartName(part.name), part);
  }

  get(name: string): ZipPart | undefined {
    return this.byName.get(normalisePartName(name));
  }

  has(name: string): boolean {
    return this.byName.has(normalisePartName(name));
  }

  text(name: string): string {
    return this.get(name)?.content.toString('utf8') ?? '';
  }
}

export function normalisePartName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();
}

export function workbookPackage(file: string, parts: PackageParts): WorkbookPackage {
  if (parts.has('META-INF/manifest.xml') || parts.has('objectdata.xml')) {
    if (parts.text('META-INF/manifest.xml').includes('encryption-data')) throw problem.encrypted(file);
    return 'ods';
  }
  if (parts.has('Index/Document.iwa')) throw problem.appleNumbers(file);
  if (!parts.has('[Content_Types].xml')) throw problem.zipArchive(file);
  if (parts.has('xl/workbook.bin') || parts.text('[Content_Types].xml').includes('sheet.binary')) throw problem.binaryWorkbook(file);
  if (!parts.has('xl/workbook.xml')) refuseOtherOfficeDocument(file, parts);
  return 'ooxml';
}

function refuseOtherOfficeDocument(file: string, parts: PackageParts): void {
  if (parts.has('word/document.xml')) throw problem.wordDocument(file);
  if (parts.has('ppt/presentation.xml')) throw problem.presentation(file);
}
