// What a zip package holds, from its part names: an OOXML workbook (.xlsx, .xlsm) goes on to
// ooxml-reader.ts, an OpenDocument spreadsheet (.ods) to SheetJS; anything else is refused with a
// message that says what it is. Part names compare as SheetJS compares them: case-insensitive.
import type { LoadError } from '../errors.js';
import { problem } from './messages.js';
import { startTags, tagAttributes } from './xml-tags.js';
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
    const part = this.get(name);
    return part ? partText(part.content) : '';
  }
}

/** A part's text: UTF-8, or UTF-16 after a byte-order mark (SheetJS reads both). */
export function partText(content: Buffer): string {
  if (content[0] === 0xff && content[1] === 0xfe) return content.toString('utf16le', 2);
  if (content[0] === 0xfe && content[1] === 0xff) return Buffer.from(content.subarray(2)).swap16().toString('utf16le');
  return content.toString('utf8');
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
  const workbook = declaredWorkbookParts(parts)[0] ?? ['xl/workbook.xml', 'xl/workbook.bin'].find((name) => parts.has(name));
  if (workbook === undefined) throw otherOfficeDocument(file, parts);
  if (workbook.toLowerCase().endsWith('.bin')) throw problem.binaryWorkbook(file);
  return 'ooxml';
}

/** The content types that make an Override in [Content_Types].xml the workbook (as SheetJS reads them). */
const WORKBOOK_CONTENT_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.sheet.binary.macroEnabled.main',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
]);

/** The parts [Content_Types].xml declares as the workbook, without their leading slash. */
export function declaredWorkbookParts(parts: PackageParts): string[] {
  return startTags(parts.text('[Content_Types].xml'), ['Override'])
    .map(tagAttributes)
    .filter((attributes) => WORKBOOK_CONTENT_TYPES.has(attributes.get('contenttype') ?? ''))
    .map((attributes) => (attributes.get('partname') ?? '').replace(/^\//, ''));
}

function otherOfficeDocument(file: string, parts: PackageParts): LoadError {
  if (parts.has('word/document.xml')) return problem.wordDocument(file);
  if (parts.has('ppt/presentation.xml')) return problem.presentation(file);
  return problem.otherOfficeFile(file);
}
