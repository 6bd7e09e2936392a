// Just enough XML to look at tags before a reader parses a part: start tags by local name and
// their attributes. It reads tags the way SheetJS does (names without their namespace prefix,
// in any case), so that a guard sees at least what SheetJS will act on.

const ATTRIBUTE = /\s([^\s"'=<>/?]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))/g;
const ENTITY = /&(?:#x([0-9a-f]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/gi;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A tag's attributes by local name in lower case; of two with one name, the last wins. */
export function tagAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(ATTRIBUTE)) {
    attributes.set(localName(match[1]!), unescapeXml(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

/** Every start tag (or empty-element tag) whose local name is one of `names`. */
export function startTags(xml: string, names: readonly string[]): string[] {
  const pattern = new RegExp(`<(?:[^\\s<>/?!:"]+:)?(?:${names.join('|')})(?=[\\s/>])[^<>]*>`, 'gi');
  return xml.match(pattern) ?? [];
}

/** SheetJS drops a namespace prefix, and a `_suffix` of an unprefixed name. */
function localName(name: string): string {
  const colon = name.lastIndexOf(':');
  if (colon >= 0) return name.slice(colon + 1).toLowerCase();
  const underscore = name.indexOf('_');
  return (underscore > 0 ? name.slice(0, underscore) : name).toLowerCase();
}

function unescapeXml(text: string): string {
  return text.replace(ENTITY, (entity, hex?: string, decimal?: string, named?: string) => {
    if (named) return NAMED_ENTITIES[named.toLowerCase()] ?? entity;
    const code = hex ? parseInt(hex, 16) : Number(decimal);
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
