// The cells of one OOXML worksheet part, read the way SheetJS reads them (xlsx.mjs 0.20.3:
// parse_ws_xml, parse_ws_xml_data, parse_sst_xml, parse_si, parsexmltag, unescapexml), so that a
// workbook gives the same cells by either reader. SheetJS reads XML as text, not as a tree: it
// splits the sheet at row ends, a row at cell starts, and finds a cell's column by the first
// `r="…"` in it. That is done here too, over the part's bytes (SheetJS holds a part as a string
// of one character per byte, so byte offsets are its string offsets), with a loop per cell
// instead of a regular expression per cell. Text is decoded from UTF-8 where SheetJS decodes it.
import type { RawCell } from '../types.js';
import { serialToCalendarDate } from './serial-date.js';

// ---------------------------------------------------------------------------------------------
// SheetJS's text functions

/** SheetJS's tag pattern (tagregex1): a start, end or empty-element tag with well-formed attributes. */
export const XML_TAG = /<[/?]?[a-zA-Z0-9:_-]+(?:\s+[^"\s?<>/]+\s*=\s*(?:"[^"]*"|'[^']*'|[^'"<>\s=]+))*\s*[/?]?>/gm;
const ATTRIBUTE = /\s([^"\s?>/]+)\s*=\s*((?:")([^"]*)(?:")|(?:')([^']*)(?:')|([^'">\s]+))/g;
const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const ESCAPED_CHARACTER = /_x([\da-fA-F]{4})_/gi;
const ENTITIES = new Map([['&quot;', '"'], ['&apos;', "'"], ['&gt;', '>'], ['&lt;', '<'], ['&amp;', '&']]);

/**
 * A tag's attributes as SheetJS's parsexmltag gives them: by name less its namespace prefix (and,
 * unprefixed, less a `_suffix`), and again in lower case; the last of one name wins. Key '0' is
 * the tag's name (unless `skipRoot`).
 */
export function parseXmlTag(tag: string, skipRoot = false): Map<string, string> {
  const attributes = new Map<string, string>();
  let nameEnd = 0;
  for (; nameEnd !== tag.length; ++nameEnd) {
    const c = tag.charCodeAt(nameEnd);
    if (c === 32 || c === 10 || c === 13) break;
  }
  if (!skipRoot) attributes.set('0', tag.slice(0, nameEnd));
  if (nameEnd === tag.length) return attributes;
  for (const match of tag.match(ATTRIBUTE) ?? []) {
    const text = match.slice(1);
    let c = 0;
    while (c !== text.length && text.charCodeAt(c) !== 61) ++c;
    let name = text.slice(0, c).trim();
    while (text.charCodeAt(c + 1) === 32) ++c;
    const quote = text.charCodeAt(c + 1);
    const quoted = quote === 34 || quote === 39 ? 1 : 0;
    const value = text.slice(c + 1 + quoted, text.length - quoted);
    const colon = name.indexOf(':');
    if (colon < 0) {
      if (name.indexOf('_') > 0) name = name.slice(0, name.indexOf('_'));
    } else {
      const key = (colon === 5 && name.slice(0, 5) === 'xmlns' ? 'xmlns' : '') + name.slice(colon + 1);
      if (attributes.get(key) && name.slice(colon - 3, colon) === 'ext') continue;
      name = key;
    }
    attributes.set(name, value);
    attributes.set(name.toLowerCase(), value);
  }
  return attributes;
}

/** A tag name less its first namespace prefix, as SheetJS's strip_ns. */
export function stripNamespace(name: string): string {
  return name.replace(/<(\/?)\w+:/, '<$1');
}

/**
 * SheetJS's unescapexml: the five named entities (any other case of them gives U+0000), numeric
 * references (as UTF-16 code units), then `_xHHHH_` escapes; CDATA sections as they are. With
 * `xlsx`, CR LF becomes LF.
 */
export function unescapeXml(text: string, xlsx = false): string {
  if (text.indexOf('&') < 0 && text.indexOf('_') < 0 && text.indexOf('<![CDATA[') < 0) {
    return xlsx && text.indexOf('\r') >= 0 ? text.replace(/\r\n/g, '\n') : text;
  }
  const unescaped = unescapeRaw(text);
  return xlsx ? unescaped.replace(/\r\n/g, '\n') : unescaped;
}

function unescapeRaw(text: string): string {
  const start = text.indexOf('<![CDATA[');
  if (start === -1) {
    return text
      .replace(ENTITY, (entity: string, code?: string) => {
        const named = ENTITIES.get(entity);
        if (named !== undefined) return named;
        return code === undefined ? '\u0000' : String.fromCharCode(parseInt(code, entity.indexOf('x') > -1 ? 16 : 10));
      })
      .replace(ESCAPED_CHARACTER, (_escape: string, code: string) => String.fromCharCode(parseInt(code, 16)));
  }
  const end = text.indexOf(']]>');
  return unescapeRaw(text.slice(0, start)) + text.slice(start + 9, end) + unescapeRaw(text.slice(end + 3));
}

/** SheetJS's utf8read: one character per byte → the text those bytes encode in UTF-8. */
export function decodeUtf8(bytes: string): string {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes.charCodeAt(i) > 0x7f) return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return bytes;
}

/** xsd:boolean as SheetJS reads it. */
export function xmlBoolean(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

const elementPatterns = new Map<string, [RegExp, RegExp]>();

function elementPattern(tag: string): [RegExp, RegExp] {
  let patterns = elementPatterns.get(tag);
  if (!patterns) {
    patterns = [new RegExp(`<(?:\\w+:)?${tag}\\b[^<>]*>`, 'g'), new RegExp(`</(?:\\w+:)?${tag}>`, 'g')];
    elementPatterns.set(tag, patterns);
  }
  patterns[0].lastIndex = patterns[1].lastIndex = 0;
  return patterns;
}

/** `<(?:\w+:)?tag\b[^<>]*>([\s\S]*?)<\/(?:\w+:)?tag>` (SheetJS's str_match_xml_ns): [element, content]. */
export function matchElement(text: string, tag: string): [string, string] | null {
  const found = elementAt(text, tag);
  return found && [text.slice(found[0], found[3]), text.slice(found[1], found[2])];
}

/** Where matchElement finds the element: its start, content start, content end and end. */
function elementAt(text: string, tag: string): [number, number, number, number] | null {
  const [open, close] = elementPattern(tag);
  const start = open.exec(text);
  if (!start) return null;
  close.lastIndex = open.lastIndex;
  const end = close.exec(text);
  if (!end) return null;
  return [start.index, open.lastIndex, end.index, close.lastIndex];
}

/** Removes each `<tag …>…</tag>`; null when one is not closed (SheetJS's str_remove_xml_ns_g). */
function removeElements(text: string, tag: string): string | null {
  const [open, close] = elementPattern(tag);
  const out: string[] = [];
  let kept = 0;
  let start: RegExpExecArray | null;
  while ((start = open.exec(text))) {
    out.push(text.slice(kept, start.index));
    close.lastIndex = open.lastIndex;
    if (!close.exec(text)) return null;
    kept = open.lastIndex = close.lastIndex;
  }
  out.push(text.slice(kept));
  return out.join('');
}

/** A range as SheetJS's safe_decode_range reads it: capitals, digits, ':', capitals, digits. */
interface CellRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

function safeDecodeRange(range: string): CellRange {
  const out = { s: { c: 0, r: 0 }, e: { c: 0, r: 0 } };
  const length = range.length;
  let i = 0;
  let index = 0;
  let code = 0;
  for (index = 0; i < length; ++i) {
    if ((code = range.charCodeAt(i) - 64) < 1 || code > 26) break;
    index = 26 * index + code;
  }
  out.s.c = --index;
  for (index = 0; i < length; ++i) {
    if ((code = range.charCodeAt(i) - 48) < 0 || code > 9) break;
    index = 10 * index + code;
  }
  out.s.r = --index;
  if (i === length || code !== 10) {
    out.e.c = out.s.c;
    out.e.r = out.s.r;
    return out;
  }
  ++i;
  for (index = 0; i !== length; ++i) {
    if ((code = range.charCodeAt(i) - 64) < 1 || code > 26) break;
    index = 26 * index + code;
  }
  out.e.c = --index;
  for (index = 0; i !== length; ++i) {
    if ((code = range.charCodeAt(i) - 48) < 0 || code > 9) break;
    index = 10 * index + code;
  }
  out.e.r = --index;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Bytes

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const SHEET_DATA = ascii('sheetData');
const SHEET_DATA_END = Buffer.from('sheetData>');
const ROW_END = Buffer.from('row>');
const V = ascii('v');
const IS = ascii('is');

/** Where the last tag search found its tags. */
const at = { openStart: 0, openEnd: 0, closeStart: 0, closeEnd: 0 };

/** readPlainCell's answers besides the next piece's start. */
const NOT_PLAIN = -2;
const LAST_CELL = -1;

const LT = 60;
const GT = 62;
const SLASH = 47;
const COLON = 58;
const QUOTE = 34;
const APOSTROPHE = 39;
const AMPERSAND = 38;
const UNDERSCORE = 95;

// ---------------------------------------------------------------------------------------------
// Strings: <si> of the shared strings, <is> of an inline string cell (text of one byte a character)

const PLAIN_TEXT = /^\s*<(?:\w+:)?t[^>]*>/;
const PLAIN_TEXT_END = /<\/(?:\w+:)?t>/;
const RUN = /<(?:\w+:)?r\b[^<>]*>/;
const RUN_TEXT = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;

/** A string item whose phonetic runs are not closed: SheetJS fails on it. */
export class BrokenString extends Error {}

/**
 * The text of a string item (SheetJS's parse_si): a plain `<t>`, or the `<t>`s of its rich-text
 * runs without the phonetic runs (`<rPh>`); undefined when it is neither.
 */
function stringItemText(item: string): string | undefined {
  if (!item) return '';
  if (PLAIN_TEXT.test(item)) {
    const body = item.slice(item.indexOf('>') + 1);
    const end = body.search(PLAIN_TEXT_END);
    return unescapeXml(decodeUtf8(end < 0 ? body : body.slice(0, end)), true);
  }
  if (RUN.test(item)) {
    const withoutPhonetic = removeElements(item, 'rPh');
    if (withoutPhonetic === null) throw new BrokenString();
    return unescapeXml(decodeUtf8((withoutPhonetic.match(RUN_TEXT) ?? []).join('').replace(XML_TAG, '')), true);
  }
  return undefined;
}

const ITEM_START = /<(?:\w+:)?(?:si|sstItem)>/g;
const ITEM_END = /<\/(?:\w+:)?(?:si|sstItem)>/;
const SST = ascii('sst');
const SST_END = Buffer.from('sst>');
const SI_END = Buffer.from('</si>');
const ODD_ITEM_TAGS = [Buffer.from('sstItem'), Buffer.from(':si>')];

/**
 * The shared string table (SheetJS's parse_sst_xml: the <sst> content less every `<si>`, split at
 * each `</si>`, each item trimmed): one text per item, '' for an item without one.
 */
export function sharedStrings(part: Buffer): string[] {
  if (!findOpenTag(part, 0, part.length, SST) || !findClosingTag(part, at.openEnd, SST_END)) return [];
  const { openEnd, closeStart } = at;
  return (
    plainSharedStrings(part, openEnd, closeStart) ??
    part.toString('latin1', openEnd, closeStart).replace(ITEM_START, '').split(ITEM_END).map((item) => stringItemText(item.trim()) ?? '')
  );
}

/**
 * The same, item by item, in one pass when an item is `<si><t>text</t></si>`; null when the
 * table has prefixed or <sstItem> tags (the whole table is then read as SheetJS reads it).
 */
function plainSharedStrings(b: Buffer, start: number, end: number): string[] | null {
  for (const tag of ODD_ITEM_TAGS) {
    const found = b.indexOf(tag, start);
    if (found >= 0 && found < end) return null;
  }
  const strings: string[] = [];
  for (let from = start; ; ) {
    let itemEnd = b.indexOf(SI_END, from);
    if (itemEnd < 0 || itemEnd + SI_END.length > end) itemEnd = end;
    let text = plainItemText(b, from, itemEnd);
    if (text === undefined) {
      const item = b.toString('latin1', from, itemEnd).replace(ITEM_START, '');
      if (ITEM_END.test(item)) return null;
      text = stringItemText(item.trim()) ?? '';
    }
    strings.push(text);
    if (itemEnd === end) return strings;
    from = itemEnd + SI_END.length;
  }
}

/** The text of b[from, to) when it is blank, or `<si>` and one plain `<t>`; else undefined. */
function plainItemText(b: Buffer, from: number, to: number): string | undefined {
  let i = skipTrimmed(b, from, to);
  if (i === to) return '';
  if (b[i] !== LT || b[i + 1] !== 115 || b[i + 2] !== 105 || b[i + 3] !== GT) return undefined;
  i = skipTrimmed(b, i + 4, to);
  if (i === to) return '';
  if (b[i] !== LT || b[i + 1] !== 116) return undefined;
  let close = i + 2;
  while (close < to && b[close] !== GT && b[close] !== LT) close++;
  if (close >= to || b[close] !== GT) return undefined;
  if (b[close - 1] === SLASH) return skipTrimmed(b, close + 1, to) === to ? '' : undefined; // <t/>
  const textStart = close + 1;
  let textEnd = textStart;
  let escaped = false;
  for (; textEnd < to && b[textEnd] !== LT; textEnd++) {
    const c = b[textEnd];
    if (c === AMPERSAND || c === UNDERSCORE || c === 13) escaped = true;
  }
  if (textEnd + 4 > to || b[textEnd + 1] !== SLASH || b[textEnd + 2] !== 116 || b[textEnd + 3] !== GT) return undefined;
  if (skipTrimmed(b, textEnd + 4, to) !== to) return undefined;
  const text = b.toString('utf8', textStart, textEnd);
  return escaped ? unescapeXml(text, true) : text;
}

function skipTrimmed(b: Buffer, from: number, to: number): number {
  while (from < to && isTrimmed(b[from]!)) from++;
  return from;
}

// ---------------------------------------------------------------------------------------------
// Dates written as text (t="d"), as SheetJS's parseDate and datenum turn them into serials

const TIME_ONLY = /^(\d+):(\d+)(:\d+)?(\.\d+)?$/;
const DATE_ONLY = /^(\d+)-(\d+)-(\d+)$/;
const DATE_TIME = /^(\d+)-(\d+)-(\d+)[T ](\d+):(\d+)(:\d+)?(\.\d+)?$/;
const DAY_BEFORE_1900_EPOCH = Date.UTC(1899, 11, 30, 0, 0, 0);
const EPOCH_1900 = Date.UTC(1899, 11, 31, 0, 0, 0);
const EPOCH_1904 = Date.UTC(1904, 0, 1, 0, 0, 0);

function parseDate(text: string, date1904: boolean): Date {
  let m = text.match(TIME_ONLY);
  if (m) {
    const seconds = (parseInt(m[1]!, 10) * 60 + parseInt(m[2]!, 10)) * 60 + (m[3] ? parseInt(m[3].slice(1), 10) : 0);
    return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + seconds * 1000 + (m[4] ? parseInt(`${m[4]}000`.slice(1, 4), 10) : 0));
  }
  m = text.match(DATE_ONLY);
  if (m) return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, 0, 0, 0, 0));
  m = text.match(DATE_TIME);
  if (m) {
    const seconds = (m[6] && parseInt(m[6].slice(1), 10)) || 0;
    const milliseconds = (m[7] && parseInt(`${m[7]}0000`.slice(1, 4), 10)) || 0;
    return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, seconds, milliseconds));
  }
  return new Date(text);
}

function dateSerial(date: Date, date1904: boolean): number {
  const serial = (date.getTime() - DAY_BEFORE_1900_EPOCH) / 86_400_000;
  if (date1904) {
    const shifted = serial - 1462;
    return shifted < -1402 ? shifted - 1 : shifted;
  }
  return serial < 60 ? serial - 1 : serial;
}

// ---------------------------------------------------------------------------------------------
// The worksheet

/** A sheet's cells by row and column, with holes (as SheetJS's dense mode holds them). */
type CellRows = RawCell[][];

export interface WorksheetCells {
  readonly data: CellRows;
  readonly merges: readonly CellRange[];
}

/** A cell's style (its s attribute): absent, not an array index, or the index. */
const NO_STYLE = -2;
const ODD_STYLE = -1;

export interface WorksheetContext {
  readonly strings: readonly string[];
  readonly date1904: boolean;
  /** Whether a number with this style (NO_STYLE, ODD_STYLE or a cell format index) is shown as a date. */
  isDateStyle(style: number): boolean;
}

/** Why a worksheet cannot be read: SheetJS would throw and drop the sheet. */
export class WorksheetDamage extends Error {
  constructor(readonly kind: 'shared-string' | 'inline-string') {
    super(kind);
  }
}

const MERGE_CELL = /<(?:\w+:)?mergeCell ref=["'][A-Z0-9:]+['"]\s*[/]?>/g;

/** `part`: the worksheet's bytes, UTF-8. */
export function readWorksheet(part: Buffer, context: WorksheetContext): WorksheetCells {
  const data: CellRows = [];
  let tail = 0;
  if (findOpenTag(part, 0, part.length, SHEET_DATA) && findClosingTag(part, at.openEnd, SHEET_DATA_END)) {
    const { openEnd, closeStart, closeEnd } = at;
    new SheetDataReader(part, data, context).read(openEnd, closeStart);
    tail = closeEnd;
  }
  const rest = part.toString('latin1', tail);
  const merges = (rest.match(MERGE_CELL) ?? []).map((tag) => safeDecodeRange(tag.slice(tag.indexOf('=') + 2)));
  return { data, merges };
}

function isWordByte(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** What String.prototype.trim removes, of the characters a byte can be. */
function isTrimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
}

function isNameByte(c: number): boolean {
  return isWordByte(c) || c === 45 || c === 46;
}

/** Where the closing tag whose name starts at `nameStart` (`</name` or `</prefix:name`) starts in b[from, …), or -1. */
function closingTagStart(b: Buffer, from: number, nameStart: number): number {
  if (nameStart - 2 >= from && b[nameStart - 1] === SLASH && b[nameStart - 2] === LT) return nameStart - 2;
  if (nameStart - 1 < from || b[nameStart - 1] !== COLON) return -1;
  let word = nameStart - 2;
  while (word >= from && isWordByte(b[word]!)) word--;
  return word < nameStart - 2 && word - 1 >= from && b[word] === SLASH && b[word - 1] === LT ? word - 1 : -1;
}

/** A cell's type (its t attribute): None when it has none. */
const enum Type {
  None,
  Number,
  SharedString,
  FormulaString,
  InlineString,
  Boolean,
  Date,
  Other,
}

/** SheetJS's parse_ws_xml_data over the content of <sheetData>. */
class SheetDataReader {
  /** The last row number read (SheetJS's tagr), and the last column (tagc). */
  private row = 0;
  private column = -1;
  private separatorEnd = 0;
  // The last tag's attributes: r as a byte range or as text, s and t as read.
  private rFrom = -1;
  private rTo = -1;
  private rText: string | undefined = undefined;
  private style = NO_STYLE;
  private type = Type.None;

  constructor(
    private readonly b: Buffer,
    private readonly data: CellRows,
    private readonly context: WorksheetContext,
  ) {}

  /** Splits b[from, to) at each `</row>` (any prefix) and reads each piece. */
  read(from: number, to: number): void {
    const b = this.b;
    let start = from;
    for (let end = from; ; end++) {
      end = b.indexOf(ROW_END, end);
      if (end < 0 || end + 4 > to) break;
      const closing = closingTagStart(b, start, end);
      if (closing < 0) continue;
      this.readRow(start, closing);
      start = end + 4;
    }
    this.readRow(start, to);
  }

  private readRow(from: number, to: number): void {
    const b = this.b;
    while (from < to && isTrimmed(b[from]!)) from++;
    while (to > from && isTrimmed(b[to - 1]!)) to--;
    if (from === to) return;
    // The row's tag: the first tag that is not empty-element (an empty <row/> before it is passed over).
    let tagStart = from;
    let tagEnd = to;
    for (let i = from; i < to; i++) {
      const c = b[i]!;
      if (c === LT) tagStart = i;
      else if (c === GT && (i === from || b[i - 1] !== SLASH)) {
        tagEnd = i + 1;
        break;
      }
    }
    this.row = this.rowNumber(tagStart, tagEnd);
    this.column = -1;
    // Cells: the pieces between `<c ` / `<c/` / `<c>` (any prefix); leading pieces that start with a tag are skipped.
    let skipping = true;
    for (let start = tagEnd; ; ) {
      if (!skipping && b[start - 1] === 32 && b[start - 2] === 99 && b[start - 3] === LT) {
        const next = this.readPlainCell(start, to);
        if (next === LAST_CELL) return;
        if (next !== NOT_PLAIN) {
          start = next;
          continue;
        }
      }
      const separator = this.nextCellStart(start, to);
      let cellStart = start;
      let cellEnd = separator < 0 ? to : separator;
      while (cellStart < cellEnd && isTrimmed(b[cellStart]!)) cellStart++;
      while (cellEnd > cellStart && isTrimmed(b[cellEnd - 1]!)) cellEnd--;
      if (skipping && !(cellStart < cellEnd && b[cellStart] === LT)) skipping = false;
      if (!skipping && cellStart < cellEnd) this.readCell(cellStart, cellEnd);
      if (separator < 0) return;
      start = this.separatorEnd;
    }
  }

  /** The row number a row tag b[from, to) gives: its r attribute, else the last row's + 1. */
  private rowNumber(from: number, to: number): number {
    const b = this.b;
    let read = false;
    if (b[from] === LT && to - 1 > from && b[to - 1] === GT) {
      let i = from + 1;
      while (i < to - 1 && (isNameByte(b[i]!) || b[i] === COLON)) i++;
      if (i === to - 1) {
        this.rFrom = -1; // <row>: no attributes
        read = true;
      } else read = b[i] === 32 && this.scanAttributes(i, to - 1, false);
    }
    if (!read) {
      const r = parseXmlTag(b.toString('latin1', from, to), true).get('r');
      return r === undefined ? this.row + 1 : parseInt(r, 10);
    }
    if (this.rFrom < 0) return this.row + 1;
    return this.integer(this.rFrom, this.rTo) ?? parseInt(b.toString('latin1', this.rFrom, this.rTo), 10);
  }

  /** The next `<(?:\w+:)?c[ />]` in b[from, to): its start (its end in separatorEnd), or -1. */
  private nextCellStart(from: number, to: number): number {
    const b = this.b;
    for (let i = from; i + 2 < to; i++) {
      if (b[i] !== LT) continue;
      const first = b[i + 1]!;
      if (!isWordByte(first)) continue;
      let word = i + 1;
      while (word < to && isWordByte(b[word]!)) word++;
      if (word + 2 < to && b[word] === COLON && b[word + 1] === 99 && isCellTagEnd(b[word + 2]!)) {
        this.separatorEnd = word + 3;
        return i;
      }
      if (first === 99 && isCellTagEnd(b[i + 2]!)) {
        this.separatorEnd = i + 3;
        return i;
      }
    }
    return -1;
  }

  /** One cell: b[from, to) is what follows `<c ` up to the next cell, trimmed. */
  private readCell(from: number, to: number): void {
    const b = this.b;
    // The column, from the first r="…" anywhere in the piece (SheetJS's rregex): its capitals.
    const reference = this.findReference(from, to);
    if (reference >= 0) {
      let index = 0;
      for (let i = reference; i < to; i++) {
        const code = b[i]! - 64;
        if (code < 1 || code > 26) break;
        index = 26 * index + code;
      }
      this.column = index - 1;
    } else ++this.column;
    // The cell's tag: up to the first '>' of the piece.
    let content = from;
    if (b[from] === LT) {
      this.rFrom = -1; // <c>: no attributes
      this.rText = undefined;
      this.style = NO_STYLE;
      this.type = Type.None;
    } else {
      let close = from;
      while (close < to && b[close] !== GT) close++;
      content = close === to ? to : close + 1;
      this.rText = undefined;
      if (!this.scanAttributes(from, close, true)) this.readTag(`<c ${b.toString('latin1', from, content)}`);
    }
    const hasValue = findOpenTag(b, content, to, V) && findCloseTag(b, at.openEnd, to, V) && at.closeStart > at.openEnd;
    this.readValue(hasValue, at.openEnd, at.closeStart, content, to);
  }

  /**
   * A cell written as Excel, WPS and most libraries write one, read in one pass: ` r="A1"` then
   * s and t, then `>`, an optional <f>, an optional <v> and `</c>` (or `/>`), followed by the next
   * `<c ` or the row's end. Returns where the next cell's piece starts (LAST_CELL: none), or
   * NOT_PLAIN for anything else; the cell is then read as any other.
   */
  private readPlainCell(from: number, to: number): number {
    const b = this.b;
    let i = from;
    if (b[i] !== 114 || b[i + 1] !== 61 || b[i + 2] !== QUOTE) return NOT_PLAIN;
    const rFrom = i + 3;
    let column = 0;
    for (i = rFrom; i < to && b[i]! >= 65 && b[i]! <= 90; i++) column = 26 * column + b[i]! - 64;
    while (i < to && b[i]! >= 48 && b[i]! <= 57) i++;
    if (i >= to || b[i] !== QUOTE || i === rFrom) return NOT_PLAIN;
    const rTo = i++;
    let style = NO_STYLE;
    let type = Type.None;
    while (b[i] === 32) {
      const key = b[i + 1];
      if (b[i + 2] !== 61 || b[i + 3] !== QUOTE) return NOT_PLAIN;
      const valueFrom = i + 4;
      let end = valueFrom;
      while (end < to && isPlainValueByte(b[end]!)) end++;
      if (end >= to || b[end] !== QUOTE) return NOT_PLAIN;
      if (key === 115) style = this.styleOf(valueFrom, end);
      else if (key === 116) type = this.typeOf(valueFrom, end);
      else return NOT_PLAIN;
      i = end + 1;
    }
    let valueFrom = 0;
    let valueTo = 0;
    if (b[i] === SLASH && b[i + 1] === GT) i += 2;
    else if (b[i] === GT && type !== Type.InlineString) {
      i++;
      if (b[i] === LT && b[i + 1] === 102 && (b[i + 2] === GT || b[i + 2] === 32 || b[i + 2] === SLASH)) {
        let end = i + 2;
        while (end < to && b[end] !== GT && b[end] !== LT) end++;
        if (end >= to || b[end] !== GT) return NOT_PLAIN;
        if (b[end - 1] === SLASH) i = end + 1;
        else {
          end++;
          while (end < to && b[end] !== LT) end++;
          if (end + 3 >= to || b[end + 1] !== SLASH || b[end + 2] !== 102 || b[end + 3] !== GT) return NOT_PLAIN;
          i = end + 4;
        }
      }
      if (b[i] === LT && b[i + 1] === 118 && b[i + 2] === GT) {
        valueFrom = i + 3;
        let end = valueFrom;
        while (end < to && b[end] !== LT) end++;
        if (end + 3 >= to || b[end + 1] !== SLASH || b[end + 2] !== 118 || b[end + 3] !== GT) return NOT_PLAIN;
        valueTo = end;
        i = end + 4;
      }
      if (i + 4 > to || b[i] !== LT || b[i + 1] !== SLASH || b[i + 2] !== 99 || b[i + 3] !== GT) return NOT_PLAIN;
      i += 4;
    } else return NOT_PLAIN;
    if (i > to) return NOT_PLAIN;
    while (i < to && isTrimmed(b[i]!)) i++;
    let next = LAST_CELL;
    if (i < to) {
      if (b[i] !== LT || b[i + 1] !== 99 || i + 2 >= to || !isCellTagEnd(b[i + 2]!)) return NOT_PLAIN;
      next = i + 3;
    }
    this.column = column - 1;
    this.rFrom = rFrom;
    this.rTo = rTo;
    this.rText = undefined;
    this.style = style;
    this.type = type;
    this.readValue(valueTo > valueFrom, valueFrom, valueTo, 0, 0);
    return next;
  }

  /** The cell's value, by its type (this.type), placed where its reference says. */
  private readValue(hasValue: boolean, valueStart: number, valueEnd: number, content: number, to: number): void {
    const type = this.type;
    if (type === Type.None && !hasValue) return;
    let value: RawCell;
    switch (type) {
      case Type.None:
      case Type.Number: {
        if (!hasValue) return;
        value = this.integer(valueStart, valueEnd) ?? this.parsedNumber(valueStart, valueEnd);
        if (Number.isNaN(value) && this.valueText(valueStart, valueEnd) === '') return;
        value = this.number(value);
        break;
      }
      case Type.SharedString:
        if (!hasValue) return;
        value = this.sharedString(valueStart, valueEnd);
        break;
      case Type.FormulaString:
        value = hasValue ? this.formulaString(valueStart, valueEnd) : '';
        break;
      case Type.InlineString:
        value = this.inlineString(content, to);
        break;
      case Type.Boolean:
        value = xmlBoolean(hasValue ? this.valueText(valueStart, valueEnd) : undefined);
        break;
      case Type.Date: {
        // SheetJS fails on a date cell without a value (and drops the sheet); it is blank here.
        const date1904 = this.context.date1904;
        value = hasValue ? this.number(dateSerial(parseDate(this.valueText(valueStart, valueEnd), date1904), date1904)) : null;
        break;
      }
      default:
        value = null; // 'e' (an error value), and types SheetJS does not know
    }
    this.place(value);
  }

  /** Puts a cell where its r attribute says (SheetJS's decode_cell: digits and capitals, anywhere). */
  private place(value: RawCell): void {
    // A reference is read as SheetJS reads it: its digits make the row, its capitals the column.
    let row = 0;
    let column = 0;
    if (this.rText === undefined && this.rFrom >= 0 && this.rTo > this.rFrom) {
      const b = this.b;
      for (let i = this.rFrom; i < this.rTo; ++i) {
        const c = b[i]!;
        if (c >= 48 && c <= 57) row = 10 * row + (c - 48);
        else if (c >= 65 && c <= 90) column = 26 * column + (c - 64);
      }
    } else {
      // Without an r, the cell follows the last one (SheetJS writes the reference out and reads it back).
      const reference = this.rText || encodeCell(this.row - 1, this.column);
      for (let i = 0; i < reference.length; ++i) {
        const c = reference.charCodeAt(i);
        if (c >= 48 && c <= 57) row = 10 * row + (c - 48);
        else if (c >= 65 && c <= 90) column = 26 * column + (c - 64);
      }
    }
    const cells = (this.data[row - 1] ??= []);
    cells[column - 1] = value;
  }

  /** Where the text of the first `r=` + quote + text + quote in b[from, to) starts, or -1. */
  private findReference(from: number, to: number): number {
    const b = this.b;
    for (let i = from; i + 2 < to; i++) {
      if (b[i] !== 114 || b[i + 1] !== 61) continue;
      const quote = b[i + 2];
      if (quote !== QUOTE && quote !== APOSTROPHE) continue;
      for (let end = i + 3; end < to; end++) {
        const c = b[end];
        if (c === QUOTE || c === APOSTROPHE) return i + 3;
      }
      return -1;
    }
    return -1;
  }

  /**
   * The r, s and t attributes of b[from, to) (a tag less its name and '>'), when its attributes
   * are `name="value"` separated by spaces; false for anything else (parsexmltag then reads it).
   * `spaced`: the first attribute follows a space that is not in the bytes.
   */
  private scanAttributes(from: number, to: number, spaced: boolean): boolean {
    const b = this.b;
    this.rFrom = -1;
    this.style = NO_STYLE;
    this.type = Type.None;
    let i = from;
    for (let first = true; ; first = false) {
      if (i >= to) return true;
      let c = b[i]!;
      if (c === SLASH) return i + 1 === to;
      if (c !== 32 && !(first && spaced)) return false;
      while (c === 32) {
        if (++i >= to) return true;
        c = b[i]!;
      }
      if (c === SLASH) return i + 1 === to;
      const nameStart = i;
      let colon = -1;
      let underscore = -1;
      for (; i < to; i++) {
        c = b[i]!;
        if (c === COLON) {
          if (colon < 0) colon = i;
        } else if (c === UNDERSCORE) {
          if (underscore < 0) underscore = i;
        } else if (!isNameByte(c)) break;
      }
      if (i === nameStart || i >= to || c !== 61) return false;
      const quote = b[i + 1];
      if (quote !== QUOTE && quote !== APOSTROPHE) return false;
      let close = i + 2;
      while (close < to && b[close] !== quote) close++;
      if (close >= to) return false;
      let keyStart = nameStart;
      let keyEnd = i;
      if (colon >= 0) {
        if (colon - nameStart >= 3 && b[colon - 3] === 101 && b[colon - 2] === 120 && b[colon - 1] === 116) return false; // 'ext:'
        if (colon - nameStart === 5 && b.toString('latin1', nameStart, colon) === 'xmlns') keyEnd = keyStart; // xmlns:x → xmlnsx
        else keyStart = colon + 1;
      } else if (underscore > nameStart) keyEnd = underscore;
      if (keyEnd - keyStart === 1) {
        const key = b[keyStart]! | 0x20;
        if (key === 114) {
          this.rFrom = i + 2;
          this.rTo = close;
        } else if (key === 115) this.style = this.styleOf(i + 2, close);
        else if (key === 116) this.type = this.typeOf(i + 2, close);
      }
      i = close + 1;
    }
  }

  /** The attributes of a tag that scanAttributes cannot read, by parsexmltag. */
  private readTag(tag: string): void {
    const attributes = parseXmlTag(tag, true);
    this.rFrom = -1;
    this.rText = attributes.get('r') ?? '';
    const style = attributes.get('s');
    this.style = style === undefined ? NO_STYLE : arrayIndex(style);
    const type = attributes.get('t');
    this.type = type === undefined ? Type.None : typeNamed(type);
  }

  private styleOf(from: number, to: number): number {
    const b = this.b;
    if (to === from || to - from > 9 || (b[from] === 48 && to - from > 1)) return to - from > 9 ? arrayIndex(b.toString('latin1', from, to)) : ODD_STYLE;
    let index = 0;
    for (let i = from; i < to; i++) {
      const digit = b[i]! - 48;
      if (digit < 0 || digit > 9) return ODD_STYLE;
      index = index * 10 + digit;
    }
    return index;
  }

  private typeOf(from: number, to: number): Type {
    const b = this.b;
    const length = to - from;
    if (length === 1) {
      const c = b[from];
      if (c === 115) return Type.SharedString; // s
      if (c === 110) return Type.Number; // n
      if (c === 98) return Type.Boolean; // b
      if (c === 100) return Type.Date; // d
      return Type.Other;
    }
    return typeNamed(b.toString('latin1', from, to));
  }

  /** b[from, to) as a whole number when it is one (an optional '-' and up to 15 digits), else undefined. */
  private integer(from: number, to: number): number | undefined {
    const b = this.b;
    const negative = b[from] === 45;
    const start = negative ? from + 1 : from;
    if (to <= start || to - start > 15) return undefined;
    let value = 0;
    for (let i = start; i < to; i++) {
      const digit = b[i]! - 48;
      if (digit < 0 || digit > 9) return undefined;
      value = value * 10 + digit;
    }
    return negative ? -value : value;
  }

  private parsedNumber(from: number, to: number): number {
    return parseFloat(this.valueText(from, to));
  }

  /** A <v> as SheetJS holds it: unescaped, one character per byte. */
  private valueText(from: number, to: number): string {
    const b = this.b;
    const text = b.toString('latin1', from, to);
    for (let i = from; i < to; i++) {
      const c = b[i];
      if (c === AMPERSAND || c === UNDERSCORE || c === LT) return unescapeXml(text);
    }
    return text;
  }

  private number(value: number): RawCell {
    if (!this.context.isDateStyle(this.style)) return value;
    return serialToCalendarDate(value, this.context.date1904) ?? value;
  }

  private sharedString(from: number, to: number): string {
    const index = this.integer(from, to) ?? parseInt(this.valueText(from, to), 10);
    const strings = this.context.strings;
    if (!(index >= 0 && index < strings.length)) throw new WorksheetDamage('shared-string');
    return strings[index]!;
  }

  /** A formula's cached string (t="str"): SheetJS unescapes it, decodes UTF-8, and unescapes it again. */
  private formulaString(from: number, to: number): string {
    const b = this.b;
    for (let i = from; i < to; i++) {
      const c = b[i];
      if (c === AMPERSAND || c === UNDERSCORE || c === LT) return unescapeXml(decodeUtf8(unescapeXml(b.toString('latin1', from, to))), true);
    }
    const text = b.toString('utf8', from, to);
    return text.indexOf('\r') < 0 ? text : text.replace(/\r\n/g, '\n');
  }

  private inlineString(from: number, to: number): string {
    if (!(findOpenTag(this.b, from, to, IS) && findCloseTag(this.b, at.openEnd, to, IS))) return '';
    try {
      return stringItemText(this.b.toString('latin1', at.openEnd, at.closeStart)) ?? '';
    } catch (error) {
      if (error instanceof BrokenString) throw new WorksheetDamage('inline-string');
      throw error;
    }
  }
}

/** `<(?:\w+:)?name\b[^<>]*>` in b[from, to): sets at.openStart and at.openEnd. */
function findOpenTag(b: Buffer, from: number, to: number, name: Uint8Array): boolean {
  for (let i = from; i < to; i++) {
    if (b[i] !== LT) continue;
    let nameStart = -1;
    let word = i + 1;
    while (word < to && isWordByte(b[word]!)) word++;
    if (word > i + 1 && word < to && b[word] === COLON && nameAt(b, word + 1, to, name)) nameStart = word + 1;
    else if (nameAt(b, i + 1, to, name)) nameStart = i + 1;
    if (nameStart < 0) continue;
    for (let end = nameStart + name.length; end < to; end++) {
      const c = b[end];
      if (c === GT) {
        at.openStart = i;
        at.openEnd = end + 1;
        return true;
      }
      if (c === LT) break;
    }
  }
  return false;
}

/** `</(?:\w+:)?name>` in b[from, to): sets at.closeStart and at.closeEnd. */
function findCloseTag(b: Buffer, from: number, to: number, name: Uint8Array): boolean {
  const length = name.length;
  for (let i = from; i + length + 3 <= to; i++) {
    if (b[i] !== LT || b[i + 1] !== SLASH) continue;
    let nameStart = i + 2;
    let word = nameStart;
    while (word < to && isWordByte(b[word]!)) word++;
    if (word > nameStart && word < to && b[word] === COLON && closingNameAt(b, word + 1, to, name)) nameStart = word + 1;
    else if (!closingNameAt(b, nameStart, to, name)) continue;
    at.closeStart = i;
    at.closeEnd = nameStart + length + 1;
    return true;
  }
  return false;
}

/** The first `</(?:\w+:)?name>` from `from` to the end, found by its `name>` (a long way off): sets at.closeStart and at.closeEnd. */
function findClosingTag(b: Buffer, from: number, ending: Buffer): boolean {
  for (let end = from; ; end++) {
    end = b.indexOf(ending, end);
    if (end < 0) return false;
    const start = closingTagStart(b, from, end);
    if (start >= 0) {
      at.closeStart = start;
      at.closeEnd = end + ending.length;
      return true;
    }
  }
}

function nameAt(b: Buffer, start: number, to: number, name: Uint8Array): boolean {
  const end = start + name.length;
  if (end > to) return false;
  for (let i = 0; i < name.length; i++) if (b[start + i] !== name[i]) return false;
  return end === to || !isWordByte(b[end]!);
}

function closingNameAt(b: Buffer, start: number, to: number, name: Uint8Array): boolean {
  const end = start + name.length;
  if (end >= to) return false;
  for (let i = 0; i < name.length; i++) if (b[start + i] !== name[i]) return false;
  return b[end] === GT;
}

function typeNamed(type: string): Type {
  switch (type || 'n') {
    case 'n':
      return Type.Number;
    case 's':
      return Type.SharedString;
    case 'str':
      return Type.FormulaString;
    case 'inlineStr':
      return Type.InlineString;
    case 'b':
      return Type.Boolean;
    case 'd':
      return Type.Date;
    default:
      return Type.Other;
  }
}

/** A string that names an array element (as `array[style]` reads one), or ODD_STYLE. */
function arrayIndex(text: string): number {
  if (!/^(?:0|[1-9][0-9]*)$/.test(text)) return ODD_STYLE;
  const index = Number(text);
  return index < 2 ** 32 - 1 ? index : ODD_STYLE;
}

function encodeCell(row: number, column: number): string {
  let text = '';
  for (let col = column + 1; col; col = ((col - 1) / 26) | 0) text = String.fromCharCode(((col - 1) % 26) + 65) + text;
  return text + (row + 1);
}

/** What an attribute value of a plain cell may hold: no quotes, no tag characters, no entities. */
function isPlainValueByte(c: number): boolean {
  return c !== QUOTE && c !== APOSTROPHE && c !== LT && c !== GT && c !== AMPERSAND && c > 32 && c < 127;
}

function isCellTagEnd(c: number): boolean {
  return c === 32 || c === SLASH || c === GT;
}
