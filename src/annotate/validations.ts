// A roster's data validations (its drop-downs) are carried around exceljs rather than through it:
// exceljs expands a validation to every cell it covers when it reads (a whole-column one, common in
// provincial templates, becomes a million entries and exhausts memory), and when it writes them
// back it can split a range into overlapping ones. So each sheet's <dataValidations> element is
// taken out before exceljs reads the roster, and put back, as it was, into the copy it writes.
import { insertBefore, readPart, readZip, sheetPaths, writePart, writeZip } from './zip.js';

export interface TakenValidations {
  /** The workbook without its data validations, for exceljs. */
  readonly bytes: Uint8Array;
  /** Each sheet's <dataValidations> element, by sheet name. */
  readonly validations: ReadonlyMap<string, string>;
}

const DATA_VALIDATIONS = /<dataValidations\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidations>)/;

export function takeValidations(bytes: Uint8Array): TakenValidations {
  let zip: ReturnType<typeof readZip>;
  try {
    zip = readZip(bytes);
  } catch {
    return { bytes, validations: new Map() };
  }
  const validations = new Map<string, string>();
  for (const [name, path] of sheetPaths(zip)) {
    const xml = readPart(zip, path);
    const element = xml ? DATA_VALIDATIONS.exec(xml)?.[0] : undefined;
    if (!xml || !element) continue;
    validations.set(name, withoutPrefixedAttributes(element));
    writePart(zip, path, xml.replace(element, ''));
  }
  return validations.size === 0 ? { bytes, validations } : { bytes: writeZip(zip), validations };
}

// Where <dataValidations> goes in a worksheet: after conditionalFormatting, before these.
const AFTER_DATA_VALIDATIONS = ['<hyperlinks', '<printOptions', '<pageMargins', '<pageSetup', '<headerFooter', '<rowBreaks', '<colBreaks', '<customProperties', '<cellWatches', '<ignoredErrors', '<smartTags', '<drawing', '<legacyDrawing', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst'];

/**
 * Attributes in another namespace (Excel's `xr:uid`) would need their namespace declared on the
 * worksheet exceljs writes: they are dropped (none of them changes what the validation does).
 */
function withoutPrefixedAttributes(element: string): string {
  return element.replace(/<[^>]+>/g, (tag) => tag.replace(/\s[A-Za-z_][\w.-]*:[\w.-]+="[^"]*"/g, ''));
}

/** Puts each sheet's validations back into a worksheet exceljs wrote (which has none of its own). */
export function restoreValidations(sheetXml: string, element: string): string {
  const xml = sheetXml.replace(DATA_VALIDATIONS, '');
  return insertBefore(xml, element, AFTER_DATA_VALIDATIONS);
}

export { writePart };
