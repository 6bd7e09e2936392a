// Finishing touches exceljs cannot make, written into the .xlsx package (a zip) directly with
// SheetJS's zip reader and writer:
// - internal hyperlinks: exceljs gives a link to another sheet an external relationship as well
//   as its location, which WPS and LibreOffice follow as a file name; here they carry only the
//   location (`<hyperlink ref="G9" location="'驻村干部'!D14"/>`), as Excel writes them;
// - comment boxes: exceljs sizes every comment two columns by four rows, too small for a rule's
//   message and its basis; each is made as large as its text.
import * as XLSX from 'xlsx';
import type { InternalLink } from './listing.js';

/** A comment box in cell units, as VML anchors count: [left col, dx, top row, dy, right col, dx, bottom row, dy]. */
export type Anchor = readonly [number, number, number, number, number, number, number, number];

export interface PackageEdits {
  /** Links to write into one sheet, by the sheet's name. */
  readonly links: { readonly sheet: string; readonly links: readonly InternalLink[] };
  /** Comment boxes by sheet name, then by `row,column` (0-based, as VML's x:Row and x:Column). */
  readonly anchors: ReadonlyMap<string, ReadonlyMap<string, Anchor>>;
}

type Zip = ReturnType<typeof XLSX.CFB.read>;

export function editPackage(bytes: Uint8Array, edits: PackageEdits): Uint8Array {
  const zip = XLSX.CFB.read(Buffer.from(bytes), { type: 'buffer' });
  const sheets = sheetPaths(zip);
  const listing = sheets.get(edits.links.sheet);
  if (listing && edits.links.links.length > 0) {
    write(zip, listing, withLinks(read(zip, listing) ?? '', edits.links.links));
  }
  for (const [sheet, anchors] of edits.anchors) {
    const path = sheets.get(sheet);
    const vml = path ? vmlPathOf(zip, path) : null;
    const text = vml ? read(zip, vml) : null;
    if (vml && text !== null) write(zip, vml, withAnchors(text, anchors));
  }
  return new Uint8Array(XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Buffer);
}

function read(zip: Zip, path: string): string | null {
  const entry = XLSX.CFB.find(zip, `/${path}`);
  return entry?.content ? Buffer.from(entry.content as Uint8Array).toString('utf8') : null;
}

function write(zip: Zip, path: string, text: string): void {
  XLSX.CFB.utils.cfb_add(zip, `/${path}`, Buffer.from(text, 'utf8'));
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? unescapeXml(match[1]) : undefined;
}

/** Each worksheet's part by sheet name, from workbook.xml and its relationships. */
function sheetPaths(zip: Zip): Map<string, string> {
  const workbook = read(zip, 'xl/workbook.xml') ?? '';
  const targets = relationships(read(zip, 'xl/_rels/workbook.xml.rels') ?? '', 'xl');
  const paths = new Map<string, string>();
  for (const [tag] of workbook.matchAll(/<sheet\s[^>]*\/?>/g)) {
    const name = attribute(tag, 'name');
    const target = targets.get(attribute(tag, 'r:id') ?? '');
    if (name !== undefined && target) paths.set(name, target.path);
  }
  return paths;
}

/** Relationship id → its type and the part it points at, resolved against the source part's folder. */
function relationships(xml: string, folder: string): Map<string, { type: string; path: string }> {
  const found = new Map<string, { type: string; path: string }>();
  for (const [tag] of xml.matchAll(/<Relationship\s[^>]*\/?>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (!id || !target) continue;
    found.set(id, { type: attribute(tag, 'Type') ?? '', path: resolvePart(folder, target) });
  }
  return found;
}

function resolvePart(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = folder.split('/').filter(Boolean);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

function vmlPathOf(zip: Zip, sheetPath: string): string | null {
  const slash = sheetPath.lastIndexOf('/');
  const folder = sheetPath.slice(0, slash);
  const rels = relationships(read(zip, `${folder}/_rels/${sheetPath.slice(slash + 1)}.rels`) ?? '', folder);
  for (const rel of rels.values()) if (rel.type.endsWith('/vmlDrawing')) return rel.path;
  return null;
}

// Where <hyperlinks> goes in a worksheet: after sheetData … dataValidations, before these.
const AFTER_HYPERLINKS = ['<printOptions', '<pageMargins', '<pageSetup', '<headerFooter', '<rowBreaks', '<colBreaks', '<customProperties', '<cellWatches', '<ignoredErrors', '<smartTags', '<drawing', '<legacyDrawing', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst', '</worksheet>'];

export function withLinks(sheetXml: string, links: readonly InternalLink[]): string {
  const element = `<hyperlinks>${links
    .map((link) => `<hyperlink ref="${escapeXml(link.ref)}" location="${escapeXml(link.location)}" display="${escapeXml(link.display)}"/>`)
    .join('')}</hyperlinks>`;
  const xml = sheetXml.replace(/<hyperlinks>[\s\S]*?<\/hyperlinks>/, '');
  const at = Math.min(...AFTER_HYPERLINKS.map((tag) => xml.indexOf(tag)).filter((index) => index >= 0));
  return `${xml.slice(0, at)}${element}${xml.slice(at)}`;
}

export function withAnchors(vml: string, anchors: ReadonlyMap<string, Anchor>): string {
  return vml.replace(/<v:shape\s[\s\S]*?<\/v:shape>/g, (shape) => {
    const row = /<x:Row>(\d+)<\/x:Row>/.exec(shape)?.[1];
    const column = /<x:Column>(\d+)<\/x:Column>/.exec(shape)?.[1];
    const anchor = row !== undefined && column !== undefined ? anchors.get(`${row},${column}`) : undefined;
    return anchor ? shape.replace(/<x:Anchor>[^<]*<\/x:Anchor>/, `<x:Anchor>${anchor.join(', ')}</x:Anchor>`) : shape;
  });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}
