// Finishing touches exceljs cannot make, written into the .xlsx package (a zip) directly:
// - internal hyperlinks: exceljs gives a link to another sheet an external relationship as well
//   as its location, which WPS and LibreOffice follow as a file name; here they carry only the
//   location (`<hyperlink ref="G9" location="'驻村干部'!D14"/>`), as Excel writes them;
// - the roster's own data validations, put back as they were (see validations.ts);
// - comment boxes: exceljs sizes every comment two columns by four rows, too small for a rule's
//   message and its basis; each is made as large as its text.
import type { InternalLink } from './listing.js';
import { restoreValidations } from './validations.js';
import { escapeXml, insertBefore, partRelationships, readPart, readZip, sheetPaths, writePart, writeZip, type Zip } from './zip.js';

/** A comment box: in cell units as Excel reads it (VML x:Anchor), and in points as LibreOffice and WPS do (the shape's style). */
export interface Anchor {
  /** [left column, dx, top row, dy, right column, dx, bottom row, dy], 0-based. */
  readonly cells: readonly [number, number, number, number, number, number, number, number];
  readonly widthPt: number;
  readonly heightPt: number;
}

export interface PackageEdits {
  /** Links to write into one sheet, by the sheet's name. */
  readonly links: { readonly sheet: string; readonly links: readonly InternalLink[] };
  /** Data validations to put back, by sheet name. */
  readonly validations: ReadonlyMap<string, string>;
  /** Comment boxes by sheet name, then by `row,column` (0-based, as VML's x:Row and x:Column). */
  readonly anchors: ReadonlyMap<string, ReadonlyMap<string, Anchor>>;
}

export function editPackage(bytes: Uint8Array, edits: PackageEdits): Uint8Array {
  const zip = readZip(bytes);
  const sheets = sheetPaths(zip);
  const listing = sheets.get(edits.links.sheet);
  if (listing && edits.links.links.length > 0) {
    writePart(zip, listing, withLinks(readPart(zip, listing) ?? '', edits.links.links));
  }
  for (const [sheet, element] of edits.validations) {
    const path = sheets.get(sheet);
    const xml = path ? readPart(zip, path) : null;
    if (path && xml !== null) writePart(zip, path, restoreValidations(xml, element));
  }
  for (const [sheet, anchors] of edits.anchors) {
    const path = sheets.get(sheet);
    const vml = path ? vmlPathOf(zip, path) : null;
    const text = vml ? readPart(zip, vml) : null;
    if (vml && text !== null) writePart(zip, vml, withAnchors(text, anchors));
  }
  return writeZip(zip);
}

function vmlPathOf(zip: Zip, sheetPath: string): string | null {
  for (const rel of partRelationships(zip, sheetPath).values()) if (rel.type.endsWith('/vmlDrawing')) return rel.path;
  return null;
}

// Where <hyperlinks> goes in a worksheet: after sheetData … dataValidations, before these.
const AFTER_HYPERLINKS = ['<printOptions', '<pageMargins', '<pageSetup', '<headerFooter', '<rowBreaks', '<colBreaks', '<customProperties', '<cellWatches', '<ignoredErrors', '<smartTags', '<drawing', '<legacyDrawing', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst'];

export function withLinks(sheetXml: string, links: readonly InternalLink[]): string {
  const element = `<hyperlinks>${links
    .map((link) => `<hyperlink ref="${escapeXml(link.ref)}" location="${escapeXml(link.location)}" display="${escapeXml(link.display)}"/>`)
    .join('')}</hyperlinks>`;
  return insertBefore(sheetXml.replace(/<hyperlinks>[\s\S]*?<\/hyperlinks>/, ''), element, AFTER_HYPERLINKS);
}

export function withAnchors(vml: string, anchors: ReadonlyMap<string, Anchor>): string {
  return vml.replace(/<v:shape\s[\s\S]*?<\/v:shape>/g, (shape) => {
    const row = /<x:Row>(\d+)<\/x:Row>/.exec(shape)?.[1];
    const column = /<x:Column>(\d+)<\/x:Column>/.exec(shape)?.[1];
    const anchor = row !== undefined && column !== undefined ? anchors.get(`${row},${column}`) : undefined;
    if (!anchor) return shape;
    return shape
      .replace(/<x:Anchor>[^<]*<\/x:Anchor>/, `<x:Anchor>${anchor.cells.join(', ')}</x:Anchor>`)
      .replace(/width:[\d.]+pt;height:[\d.]+pt/, `width:${anchor.widthPt}pt;height:${anchor.heightPt}pt`);
  });
}
