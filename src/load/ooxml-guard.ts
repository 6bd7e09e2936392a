// Checks on an OOXML package before it is read (by ooxml-reader.ts, or SheetJS for a package with
// binary parts), for two ways a small file makes the reader do unbounded work:
// - a hyperlink whose range covers whole sheets: a cell is made for every cell it covers;
// - a workbook that lists one worksheet part many times: the part is parsed once per listing.
import { rangeCellCount, type CellBudget } from './cell-budget.js';
import { damage, problem } from './messages.js';
import { declaredWorkbookParts, normalisePartName, partText, type PackageParts } from './zip-contents.js';
import { startTags, tagAttributes } from './xml-tags.js';

export function checkOoxmlPackage(file: string, parts: PackageParts, budget: CellBudget): void {
  for (const part of parts.parts) {
    const text = tagText(part.content);
    if (looksLikeXml(text) && HYPERLINK_WORD.test(text)) countHyperlinkCells(text, budget);
  }
  refuseRepeatedSheetParts(file, parts);
}

const HYPERLINK_WORD = /hyperlink/i;

/**
 * A part's text, good for finding tags and their ASCII attributes: UTF-16 parts decoded, UTF-8
 * parts byte for byte (latin1, far cheaper than decoding; the bytes of a multi-byte UTF-8
 * character are all ≥ 0x80, so none of them reads as markup).
 */
function tagText(content: Buffer): string {
  const utf16 = (content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff);
  if (utf16) return partText(content);
  const utf8Bom = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf;
  return content.toString('latin1', utf8Bom ? 3 : 0);
}

/** Any part may be a worksheet (the workbook's relationships say which), so each XML part is read. */
function looksLikeXml(text: string): boolean {
  return text.slice(0, 64).replace(/^\uFEFF/, '').trimStart().startsWith('<');
}

function countHyperlinkCells(xml: string, budget: CellBudget): void {
  for (const tag of startTags(xml, ['hyperlink'])) {
    const range = tagAttributes(tag).get('ref');
    if (range !== undefined) budget.spend(rangeCellCount(range));
  }
}

/** Resolves each sheet of a workbook part to its worksheet part as SheetJS does; refuses a part used twice. */
function refuseRepeatedSheetParts(file: string, parts: PackageParts): void {
  for (const workbook of new Set([...declaredWorkbookParts(parts), 'xl/workbook.xml'])) {
    const relationships = relationshipsPartOf(parts, workbook);
    const targets = relationshipTargets(parts.text(relationships));
    const folder = relationships.replace(/_rels\/.*$/, '');
    const sheetTargets = startTags(parts.text(workbook), ['sheet']).map((tag) => targets.get(tagAttributes(tag).get('id') ?? ''));
    // One sheet without a relationship, and SheetJS reads sheet1.xml, sheet2.xml…: each once.
    if (sheetTargets.includes(undefined)) continue;
    const sheetParts = sheetTargets.flatMap((target) => sheetPart(parts, target!, folder) ?? []);
    if (new Set(sheetParts).size < sheetParts.length) throw problem.damaged(file, damage.sheetListedTwice);
  }
}

export function relationshipsPartOf(parts: PackageParts, workbook: string): string {
  const slash = workbook.lastIndexOf('/');
  const own = `${workbook.slice(0, slash + 1)}_rels/${workbook.slice(slash + 1)}.rels`;
  return parts.has(own) ? own : 'xl/_rels/workbook.xml.rels';
}

function relationshipTargets(xml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const tag of startTags(xml, ['Relationship'])) {
    const attributes = tagAttributes(tag);
    const id = attributes.get('id');
    const target = attributes.get('target');
    if (id !== undefined && target !== undefined) targets.set(id, target);
  }
  return targets;
}

/** SheetJS tries xl/ + the target less its "xl/", the target as written, then the target in `folder`. */
export function sheetPart(parts: PackageParts, target: string, folder: string): string | undefined {
  const candidates = [`xl/${target.replace(/\/?xl\//, '')}`, target, `${folder}${target}`];
  const found = candidates.find((candidate) => parts.has(candidate));
  return found === undefined ? undefined : normalisePartName(found);
}
