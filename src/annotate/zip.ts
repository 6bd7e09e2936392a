// The parts of an .xlsx package (a zip), read and written with SheetJS's zip reader and writer.
import * as XLSX from 'xlsx';

export type Zip = ReturnType<typeof XLSX.CFB.read>;

export function readZip(bytes: Uint8Array): Zip {
  return XLSX.CFB.read(Buffer.from(bytes), { type: 'buffer' });
}

export function writeZip(zip: Zip): Uint8Array {
  return new Uint8Array(XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Buffer);
}

export function readPart(zip: Zip, path: string): string | null {
  const entry = XLSX.CFB.find(zip, `/${path}`);
  return entry?.content ? Buffer.from(entry.content as Uint8Array).toString('utf8') : null;
}

export function writePart(zip: Zip, path: string, text: string): void {
  XLSX.CFB.utils.cfb_add(zip, `/${path}`, Buffer.from(text, 'utf8'));
}

export function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? unescapeXml(match[1]) : undefined;
}

/** Each worksheet's part by sheet name, from workbook.xml and its relationships. */
export function sheetPaths(zip: Zip): Map<string, string> {
  const workbook = readPart(zip, 'xl/workbook.xml') ?? '';
  const targets = relationships(readPart(zip, 'xl/_rels/workbook.xml.rels') ?? '', 'xl');
  const paths = new Map<string, string>();
  for (const [tag] of workbook.matchAll(/<sheet\s[^>]*\/?>/g)) {
    const name = attribute(tag, 'name');
    const target = targets.get(attribute(tag, 'r:id') ?? '');
    if (name !== undefined && target) paths.set(name, target.path);
  }
  return paths;
}

/** Relationship id → its type and the part it points at, resolved against the source part's folder. */
export function relationships(xml: string, folder: string): Map<string, { type: string; path: string }> {
  const found = new Map<string, { type: string; path: string }>();
  for (const [tag] of xml.matchAll(/<Relationship\s[^>]*\/?>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (!id || !target) continue;
    found.set(id, { type: attribute(tag, 'Type') ?? '', path: resolvePart(folder, target) });
  }
  return found;
}

/** The relationships of one part: `xl/worksheets/sheet1.xml` → its `_rels/sheet1.xml.rels`. */
export function partRelationships(zip: Zip, path: string): Map<string, { type: string; path: string }> {
  const slash = path.lastIndexOf('/');
  const folder = path.slice(0, slash);
  return relationships(readPart(zip, `${folder}/_rels/${path.slice(slash + 1)}.rels`) ?? '', folder);
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

/** Inserts an element into a worksheet before the first of the elements that must follow it. */
export function insertBefore(sheetXml: string, element: string, followers: readonly string[]): string {
  const at = Math.min(...[...followers, '</worksheet>'].map((tag) => sheetXml.indexOf(tag)).filter((index) => index >= 0));
  return `${sheetXml.slice(0, at)}${element}${sheetXml.slice(at)}`;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}
