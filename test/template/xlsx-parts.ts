// Reads the XML parts of an .xlsx (a zip) with SheetJS's own zip reader, so that what exceljs wrote
// can be checked without exceljs: fills, number formats, data validations, hyperlinks, comments.
import * as XLSX from 'xlsx';

export type Parts = ReadonlyMap<string, string>;

/** Every part of the package by its path (`xl/worksheets/sheet1.xml`), as text. */
export function xlsxParts(bytes: Uint8Array): Parts {
  const zip = XLSX.CFB.read(Buffer.from(bytes), { type: 'buffer' });
  const parts = new Map<string, string>();
  zip.FullPaths.forEach((path, index) => {
    const entry = zip.FileIndex[index];
    if (entry.type !== 2 || !entry.content) return;
    parts.set(path.replace(/^Root Entry\//, ''), Buffer.from(entry.content as Uint8Array).toString('utf8'));
  });
  return parts;
}

export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, '&');
}

/** The attributes of one element's start tag. */
export function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:]+)="([^"]*)"/g)) found[match[1]] = decodeXml(match[2]);
  return found;
}

/** Every start tag of an element in a part, with its attributes and inner XML. */
export function elements(xml: string, name: string): { attrs: Record<string, string>; inner: string }[] {
  const pattern = new RegExp(`<${name}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${name}>)`, 'g');
  return [...xml.matchAll(pattern)].map((match) => ({ attrs: attributes(match[1] ?? ''), inner: match[2] ?? '' }));
}

/** The worksheet part of each sheet, by sheet name (from workbook.xml and its relationships). */
export function sheetParts(parts: Parts): Map<string, string> {
  const workbook = parts.get('xl/workbook.xml') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map(elements(rels, 'Relationship').map((rel) => [rel.attrs.Id, rel.attrs.Target]));
  const sheets = new Map<string, string>();
  for (const sheet of elements(workbook, 'sheet')) {
    const target = targets.get(sheet.attrs['r:id']) ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    sheets.set(sheet.attrs.name, path);
  }
  return sheets;
}

/** The relationships part of a part: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return `${path.slice(0, slash)}/_rels/${path.slice(slash + 1)}.rels`;
}

/** The style (cellXfs index) of each cell of a sheet part that has one, by reference. */
export function cellStyles(sheetXml: string): Map<string, number> {
  const styles = new Map<string, number>();
  for (const cell of elements(sheetXml, 'c')) if (cell.attrs.s !== undefined) styles.set(cell.attrs.r, Number(cell.attrs.s));
  return styles;
}

/** The styles part read just enough: each cellXfs entry's number format code and fill colour. */
export function styleTable(parts: Parts): { numFmt: string | null; fill: string | null }[] {
  const styles = parts.get('xl/styles.xml') ?? '';
  const numFmts = new Map(elements(styles, 'numFmt').map((f) => [Number(f.attrs.numFmtId), f.attrs.formatCode]));
  const BUILT_IN: Record<number, string> = { 0: 'General', 49: '@', 14: 'm/d/yy' };
  const fillsXml = /<fills[^>]*>([\s\S]*?)<\/fills>/.exec(styles)?.[1] ?? '';
  const fills = elements(fillsXml, 'fill').map((fill) => /fgColor rgb="([0-9A-Fa-f]+)"/.exec(fill.inner)?.[1] ?? null);
  const xfsXml = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  return elements(xfsXml, 'xf').map((xf) => {
    const id = Number(xf.attrs.numFmtId ?? 0);
    return { numFmt: numFmts.get(id) ?? BUILT_IN[id] ?? `#${id}`, fill: fills[Number(xf.attrs.fillId ?? 0)] ?? null };
  });
}
