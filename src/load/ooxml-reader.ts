// An OOXML workbook (.xlsx, .xlsm) → RawSheets, from the parts the zip guard inflated, giving
// what SheetJS gives (xlsx.mjs 0.20.3 parse_zip, dense mode, values and number formats only)
// at a fraction of its cost. The package is read in SheetJS's order and by its rules:
// [Content_Types].xml names the workbook, the shared strings and the styles; workbook.xml lists
// the sheets (in order, hidden ones too) and the 1904 date system; the workbook's relationships
// give each sheet its part (resolved as ooxml-guard.ts resolves them) and its kind. A chart,
// dialog or macro sheet is an empty sheet, as SheetJS leaves it; so is a sheet whose part is
// missing. Where SheetJS would fail on the whole workbook, this fails too (UNREADABLE, with
// SheetJS's reason as the cause); where it would drop one sheet's cells without a word (a shared
// string that is not there), the file is refused as damaged (CORRUPT, naming the sheet). Parts
// that hold no cells (document properties, cell metadata, comments, hyperlinks, a sheet's own
// relationships) are not read, so damage there, which can make SheetJS fail, does not stop this
// reader; nor are the blank cells SheetJS makes under a hyperlink (they would change no row).
// A package with binary parts (.bin) is left to SheetJS.
import { LoadError } from '../errors.js';
import type { LocalizedText, RawCell, RawSheet } from '../types.js';
import type { CellBudget } from './cell-budget.js';
import { damage, problem } from './messages.js';
import {
  BrokenString,
  decodeUtf8,
  matchElement,
  parseXmlTag,
  readWorksheet,
  sharedStrings,
  stripNamespace,
  unescapeXml,
  WorksheetDamage,
  xmlBoolean,
  XML_TAG,
  type WorksheetCells,
  type WorksheetContext,
} from './ooxml-cells.js';
import { relationshipsPartOf, sheetPart } from './ooxml-guard.js';
import { isDateFormat, parsePackage } from './sheetjs.js';
import { checkExtent, mergedRanges, rawRows, workbookSheets } from './workbook.js';
import type { PackageParts } from './zip-contents.js';

export function readOoxmlWorkbook(file: string, parts: PackageParts, budget: CellBudget): RawSheet[] {
  const book = readBook(file, parts);
  if (book === SHEETJS) return workbookSheets(file, parsePackage(file, parts.parts), budget);
  return book.names.map((name) => {
    const { data, merges } = book.sheets.get(name) ?? EMPTY_SHEET;
    checkExtent(file, name, data, budget);
    return { file, name, rows: rawRows(data, blankIfHole), merges: mergedRanges(merges) };
  });
}

const SHEETJS = Symbol('binary parts: read by SheetJS');
const EMPTY_SHEET: WorksheetCells = { data: [], merges: [] };

interface Book {
  /** Sheet names in workbook order (a name may repeat). */
  readonly names: readonly string[];
  /** Each name's cells: of the last sheet of that name read (SheetJS keeps sheets by name). */
  readonly sheets: ReadonlyMap<string, WorksheetCells>;
}

const blankIfHole = (cell: RawCell | undefined): RawCell => cell ?? null;

function readBook(file: string, parts: PackageParts): Book | typeof SHEETJS {
  const types = contentTypes(file, parts);
  const workbookPart = workbookPartName(file, parts, types);
  if (/bin$/.test(workbookPart)) return SHEETJS;
  const strings = types.strs[0] ? sharedStringsOf(parts, types.strs[0]) : [];
  if (strings === SHEETJS) return SHEETJS;
  const styles = types.styles[0] ? stylesOf(file, parts, types.styles[0]) : NO_STYLES;
  if (styles === SHEETJS) return SHEETJS;
  const workbook = workbookOf(file, text(parts, workbookPart));
  const context = worksheetContext(strings, styles, workbook.date1904);
  const sheets = new Map<string, WorksheetCells>();
  const located = sheetParts(file, parts, workbookPart, workbook.sheets);
  for (const [index, { name }] of workbook.sheets.entries()) {
    const { part, kind } = located[index]!;
    if (part === undefined || !parts.has(part)) continue; // SheetJS does not find it: the sheet is empty
    if (isBinaryPart(part)) return SHEETJS;
    if (kind === 'sheet') sheets.set(name, worksheetOf(file, name, bytes(parts, part), context));
    else if (kind !== 'other') sheets.set(name, EMPTY_SHEET); // chart, dialog and macro sheets: no cells
  }
  return { names: workbook.sheets.map((sheet) => sheet.name), sheets };
}

function worksheetOf(file: string, name: string, part: Buffer, context: WorksheetContext): WorksheetCells {
  if (part.length === 0) return EMPTY_SHEET;
  try {
    return readWorksheet(part, context);
  } catch (error) {
    if (error instanceof WorksheetDamage) throw problem.damaged(file, SHEET_DAMAGE[error.kind](name), error);
    throw error;
  }
}

const SHEET_DAMAGE: Record<WorksheetDamage['kind'], (sheet: string) => LocalizedText> = {
  'shared-string': damage.sharedStringMissing,
  'inline-string': damage.inlineStringBroken,
};

/** Where SheetJS fails on the whole workbook; the cause says what it would say. */
function unreadable(file: string, reason: string): LoadError {
  return problem.unreadableWorkbook(file, new Error(reason));
}

/**
 * A part's text as SheetJS holds it: one character per byte of UTF-8 (it decodes UTF-8 only in
 * the values it takes out, and so does this reader).
 */
function text(parts: PackageParts, name: string): string {
  return bytes(parts, name).toString('latin1');
}

/** A part's bytes in UTF-8 (SheetJS re-encodes a UTF-16 part so). */
function bytes(parts: PackageParts, name: string): Buffer {
  const content = parts.get(name)?.content ?? Buffer.alloc(0);
  return isUtf16(content) ? Buffer.from(content.toString('utf16le', 2), 'utf8') : content;
}

function isUtf16(content: Buffer): boolean {
  return content[0] === 0xff && content[1] === 0xfe;
}

function isBinaryPart(name: string): boolean {
  return name.toLowerCase().endsWith('.bin');
}

// ---------------------------------------------------------------------------------------------
// [Content_Types].xml (SheetJS's parse_ct)

const CONTENT_TYPES_NAMESPACE = 'http://schemas.openxmlformats.org/package/2006/content-types';

type PartKind = 'workbooks' | 'strs' | 'styles' | 'coreprops' | 'extprops' | 'custprops' | 'metadata' | 'people';

const PART_KINDS = new Map<string, PartKind>([
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'workbooks'],
  ['application/vnd.ms-excel.sheet.macroEnabled.main+xml', 'workbooks'],
  ['application/vnd.ms-excel.sheet.binary.macroEnabled.main', 'workbooks'],
  ['application/vnd.ms-excel.addin.macroEnabled.main+xml', 'workbooks'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml', 'workbooks'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml', 'strs'],
  ['application/vnd.ms-excel.sharedStrings', 'strs'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml', 'styles'],
  ['application/vnd.ms-excel.styles', 'styles'],
  ['application/vnd.openxmlformats-package.core-properties+xml', 'coreprops'],
  ['application/vnd.openxmlformats-officedocument.extended-properties+xml', 'extprops'],
  ['application/vnd.openxmlformats-officedocument.custom-properties+xml', 'custprops'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml', 'metadata'],
  ['application/vnd.ms-excel.sheetMetadata', 'metadata'],
  ['application/vnd.ms-excel.person+xml', 'people'],
]);

/** The part names [Content_Types].xml gives each kind of part, as written (a name may be missing). */
type ContentTypes = Record<PartKind, (string | undefined)[]>;

function contentTypes(file: string, parts: PackageParts): ContentTypes {
  const types: ContentTypes = { workbooks: [], strs: [], styles: [], coreprops: [], extprops: [], custprops: [], metadata: [], people: [] };
  const xml = text(parts, '[Content_Types].xml');
  if (!xml) return types;
  let namespace: string | undefined = '';
  for (const tag of xml.match(XML_TAG) ?? []) {
    const attributes = parseXmlTag(tag);
    const name = attributes.get('0')!;
    switch (name.replace(/<\w*:/, '<')) {
      case '<Types':
        namespace = attributes.get(`xmlns${(name.match(/<(\w+):/) ?? ['', ''])[1]}`);
        break;
      case '<Default':
        if (attributes.get('Extension') === undefined) throw unreadable(file, 'content type default without extension');
        break;
      case '<Override': {
        const kind = PART_KINDS.get(attributes.get('ContentType') ?? '');
        if (kind) types[kind].push(attributes.get('PartName'));
        break;
      }
    }
  }
  if (namespace !== CONTENT_TYPES_NAMESPACE) throw unreadable(file, `Unknown Namespace: ${namespace}`);
  // SheetJS opens the first part of these kinds (extended properties only with core properties): one without a name fails it.
  const opened = [types.coreprops, types.coreprops.length ? types.extprops : [], types.custprops, types.metadata, types.people];
  if (opened.some((names) => names.length > 0 && names[0] === undefined)) throw unreadable(file, "Cannot read properties of undefined (reading 'charAt')");
  return types;
}

function workbookPartName(file: string, parts: PackageParts, types: ContentTypes): string {
  if (types.workbooks.length === 0) {
    if (text(parts, 'xl/workbook.xml')) return 'xl/workbook.xml';
    if (parts.get('xl/workbook.bin')?.content.length) return 'xl/workbook.bin';
    throw unreadable(file, 'Could not find workbook');
  }
  const name = types.workbooks[0];
  if (name === undefined) throw unreadable(file, 'workbook part without a name');
  return stripFrontSlash(name);
}

function stripFrontSlash(name: string): string {
  return name.charAt(0) === '/' ? name.slice(1) : name;
}

// ---------------------------------------------------------------------------------------------
// Shared strings and styles

function sharedStringsOf(parts: PackageParts, name: string): string[] | typeof SHEETJS {
  if (isBinaryPart(name)) return SHEETJS;
  // SheetJS reads no shared strings from a missing or broken part (its cells then fail).
  if (!parts.has(name)) return [];
  try {
    return sharedStrings(bytes(parts, name));
  } catch (error) {
    if (error instanceof BrokenString) return [];
    throw error;
  }
}

interface Styles {
  /** The number format table: built-in formats, then the workbook's own (SheetJS's table_fmt). */
  readonly formats: ReadonlyMap<string, string>;
  /** Each cell format's (cellXfs <xf>) numFmtId as SheetJS holds it; null without <cellXfs>. */
  readonly formatIds: readonly (number | string | undefined)[] | null;
}

/** SheetJS's built-in number formats (SSF_init_table), before a workbook adds its own. */
const BUILTIN_FORMATS: readonly (readonly [string, string])[] = [
  ['0', 'General'], ['1', '0'], ['2', '0.00'], ['3', '#,##0'], ['4', '#,##0.00'], ['9', '0%'], ['10', '0.00%'],
  ['11', '0.00E+00'], ['12', '# ?/?'], ['13', '# ??/??'], ['14', 'm/d/yy'], ['15', 'd-mmm-yy'], ['16', 'd-mmm'],
  ['17', 'mmm-yy'], ['18', 'h:mm AM/PM'], ['19', 'h:mm:ss AM/PM'], ['20', 'h:mm'], ['21', 'h:mm:ss'],
  ['22', 'm/d/yy h:mm'], ['37', '#,##0 ;(#,##0)'], ['38', '#,##0 ;[Red](#,##0)'], ['39', '#,##0.00;(#,##0.00)'],
  ['40', '#,##0.00;[Red](#,##0.00)'], ['45', 'mm:ss'], ['46', '[h]:mm:ss'], ['47', 'mmss.0'], ['48', '##0.0E+0'],
  ['49', '@'], ['56', '"上午/下午 "hh"時"mm"分"ss"秒 "'],
];

const NO_STYLES: Styles = { formats: new Map(BUILTIN_FORMATS), formatIds: null };
/** Custom format ids above this are moved into a free id at or below it. */
const LAST_FORMAT_ID = 0x188;
const FIRST_MOVABLE_ID = 0x3c;

function stylesOf(file: string, parts: PackageParts, name: string): Styles | typeof SHEETJS {
  if (isBinaryPart(name)) return SHEETJS;
  if (!parts.has(name)) throw unreadable(file, `Cannot find file ${stripFrontSlash(name)} in zip`);
  const xml = text(parts, name);
  const formats = new Map(BUILTIN_FORMATS);
  if (!xml) return { formats, formatIds: null };
  const data = withoutDoctype(withoutComments(xml));
  const numFmts = matchElement(data, 'numFmts');
  const declared = numFmts ? numberFormats(file, numFmts[0], formats) : null;
  const cellXfs = matchElement(data, 'cellXfs');
  return { formats, formatIds: cellXfs ? cellFormatIds(file, cellXfs[0], declared) : null };
}

/** SheetJS's parse_numFmts: adds the workbook's formats to `formats`; returns its NumberFmt table. */
function numberFormats(file: string, xml: string, formats: Map<string, string>): Map<string, string> {
  const declared = new Map(formats);
  for (const tag of xml.match(XML_TAG) ?? []) {
    const attributes = parseXmlTag(tag);
    if (stripNamespace(attributes.get('0')!) !== '<numFmt') continue;
    const code = attributes.get('formatCode');
    if (code === undefined) throw unreadable(file, 'number format without a code');
    const format = unescapeXml(decodeUtf8(code));
    let id = sheetJsInteger(attributes.get('numFmtId'));
    declared.set(String(id), format);
    if (!(id > 0)) continue;
    if (id > LAST_FORMAT_ID) {
      for (id = LAST_FORMAT_ID; id > FIRST_MOVABLE_ID; --id) if (declared.get(String(id)) == null) break;
      declared.set(String(id), format);
    }
    formats.set(String(id), format === 'd.m' ? 'd\\.m' : format); // SheetJS mends Google Sheets' 'd.m'
  }
  return declared;
}

/** SheetJS's parse_cellXfs, for numFmtId alone. */
function cellFormatIds(file: string, xml: string, declared: Map<string, string> | null): (number | string | undefined)[] {
  const ids: (number | string | undefined)[] = [];
  for (const tag of xml.match(XML_TAG) ?? []) {
    const attributes = parseXmlTag(tag);
    switch (stripNamespace(attributes.get('0')!)) {
      case '<xf':
      case '<xf/>':
      case '<xf>': {
        const written = attributes.get('numFmtId');
        let id: number | string | undefined = written ? sheetJsInteger(written) : written;
        if (declared && typeof id === 'number' && id > LAST_FORMAT_ID) {
          for (let moved = LAST_FORMAT_ID; moved > FIRST_MOVABLE_ID; --moved) {
            if (declared.get(String(id)) == declared.get(String(moved))) {
              id = moved;
              break;
            }
          }
        }
        ids.push(id);
        break;
      }
      case '<alignment':
      case '<alignment/>':
      case '<alignment>':
        if (ids.length === 0) throw unreadable(file, 'cell alignment outside a cell format');
        break;
    }
  }
  return ids;
}

function sheetJsInteger(text: string | undefined): number {
  return text === undefined ? NaN : parseInt(text, 10);
}

/** SheetJS's str_remove_ng(text, "<!--", "-->"); an unclosed comment ends the text. */
function withoutComments(text: string): string {
  let start = text.indexOf('<!--');
  if (start === -1) return text;
  const out: string[] = [];
  let kept = 0;
  while (start > -1) {
    out.push(text.slice(kept, start));
    const end = text.indexOf('-->', start + 4);
    if (end === -1) break;
    kept = end + 3;
    start = text.indexOf('<!--', kept);
    if (start === -1) out.push(text.slice(kept));
  }
  return out.join('');
}

/** SheetJS's remove_doctype. */
function withoutDoctype(text: string): string {
  const start = text.slice(0, 1024).indexOf('<!DOCTYPE');
  if (start === -1) return text;
  const element = text.search(/<[\w]/);
  if (element < 0) return text;
  return text.slice(0, start) + text.slice(element);
}

function worksheetContext(strings: readonly string[], styles: Styles, date1904: boolean): WorksheetContext {
  const { formats, formatIds } = styles;
  const isDate = (format: string | undefined): boolean => format !== undefined && isDateFormat(format);
  const generalIsDate = isDate(formats.get('0'));
  const dateStyles: boolean[] = [];
  return {
    strings,
    date1904,
    isDateStyle(style) {
      // SheetJS looks the style up as cellXfs[s]: a missing or odd s, or one past the end, is General.
      if (formatIds === null || style < 0 || style >= formatIds.length) return generalIsDate;
      return (dateStyles[style] ??= isDate(formats.get(String(formatIds[style] ?? 0))));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// workbook.xml (SheetJS's parse_wb_xml) and the sheets' parts

const WORKBOOK_NAMESPACES = [
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
  'http://schemas.microsoft.com/office/excel/2006/main',
  'http://schemas.microsoft.com/office/excel/2006/2',
];

interface WorkbookSheet {
  readonly name: string;
  /** The relationship id (r:id). */
  readonly id: string | undefined;
}

interface Workbook {
  readonly sheets: readonly WorkbookSheet[];
  readonly date1904: boolean;
}

function workbookOf(file: string, xml: string): Workbook {
  if (!xml) throw unreadable(file, 'Could not find file');
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  let namespaceKey = 'xmlns';
  let namespace: string | undefined = '';
  for (const tag of xml.match(XML_TAG) ?? []) {
    const attributes = parseXmlTag(tag);
    switch (stripNamespace(attributes.get('0')!)) {
      case '<workbook':
        if (/<\w+:workbook/.test(tag)) namespaceKey = `xmlns${tag.match(/<(\w+):/)![1]}`;
        namespace = attributes.get(namespaceKey);
        break;
      case '<workbookPr':
      case '<workbookPr/>': {
        const value = attributes.get('date1904');
        if (value != null) date1904 = xmlBoolean(value);
        break;
      }
      case '<definedName':
        if (attributes.get('name') === undefined) throw unreadable(file, 'defined name without a name');
        break;
      case '<sheet': {
        const name = attributes.get('name');
        if (name === undefined) throw unreadable(file, 'sheet without a name');
        sheets.push({ name: unescapeXml(decodeUtf8(name)), id: attributes.get('id') || attributes.get('strRelID') });
        break;
      }
    }
  }
  if (!WORKBOOK_NAMESPACES.includes(namespace as string)) throw unreadable(file, `Unknown Namespace: ${namespace}`);
  return { sheets, date1904 };
}

type SheetKind = 'sheet' | 'chart' | 'dialog' | 'macro' | 'other';

const SHEET_KINDS = new Map<string, SheetKind>([
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet', 'sheet'],
  ['http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet', 'sheet'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet', 'chart'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/dialogsheet', 'dialog'],
  ['http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet', 'macro'],
]);

interface Relationship {
  readonly target: string;
  readonly type: string | undefined;
}

/**
 * Each sheet's part and kind. With a relationship for every sheet, through the workbook's
 * relationships; else (as SheetJS) the n-th sheet is xl/worksheets/sheet<n>.xml.
 */
function sheetParts(file: string, parts: PackageParts, workbookPart: string, sheets: readonly WorkbookSheet[]): { part: string | undefined; kind: SheetKind }[] {
  const relationshipsPart = relationshipsPartOf(parts, workbookPart);
  const relationships = relationshipsOf(file, text(parts, relationshipsPart));
  const found = sheets.map((sheet) => relationships.get(String(sheet.id)));
  if (sheets.length === 0 || found.some((relationship, index) => !relationship && !inheritedKey(sheets[index]!.id))) {
    const numbered = text(parts, 'xl/worksheets/sheet.xml') ? 1 : 0; // Numbers for iOS starts at sheet.xml
    return sheets.map((_sheet, index) => ({ part: `xl/worksheets/sheet${index + 1 - numbered}.xml`.replace(/sheet0\./, 'sheet.'), kind: 'sheet' }));
  }
  // An id that is a name of Object.prototype's: SheetJS finds no target there, and fails.
  if (found.some((relationship) => !relationship)) throw unreadable(file, 'sheet relationship id');
  const folder = relationshipsPart.replace(/_rels\/[\S\s]*$/, '');
  return found.map((relationship) => ({ part: sheetPart(parts, relationship!.target, folder), kind: sheetKind(relationship!.type) }));
}

function inheritedKey(id: string | undefined): boolean {
  return id !== undefined && id in Object.prototype;
}

/** SheetJS's parse_rels: <Relationship> elements by Id (unprefixed, as it reads them). */
function relationshipsOf(file: string, xml: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  for (const tag of xml.match(XML_TAG) ?? []) {
    const attributes = parseXmlTag(tag);
    if (attributes.get('0') !== '<Relationship') continue;
    const target = attributes.get('Target');
    if (target === undefined && attributes.get('TargetMode') !== 'External') throw unreadable(file, 'relationship without a target');
    relationships.set(String(attributes.get('Id')), { target: unescapeXml(target ?? 'undefined'), type: attributes.get('Type') });
  }
  return relationships;
}

function sheetKind(type: string | undefined): SheetKind {
  return type ? (SHEET_KINDS.get(type) ?? 'other') : 'sheet';
}
