// A small, strict XML reader for the JUnit tests: elements, attributes, text and the five named
// entities plus character references. It throws on anything not well-formed that the JUnit
// reporter could plausibly produce (a raw < or & in text, an unclosed tag, an unquoted attribute,
// a character XML 1.0 forbids), so a passing parse is evidence of correct escaping.

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text (not its children's), entities decoded. */
  readonly text: string;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NAME = /^[A-Za-z_][\w.-]*/;

function decode(raw: string, where: number): string {
  if (/[<]/.test(raw)) throw new Error(`raw < at ${where}`);
  return raw.replace(/&([^;]*);|&/g, (_, body: string | undefined) => {
    if (body === undefined) throw new Error(`bare & at ${where}`);
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
    if (!(body in NAMED)) throw new Error(`unknown entity &${body}; at ${where}`);
    return NAMED[body];
  });
}

/** Attribute value normalisation: literal tab, CR and LF become spaces; references survive. */
function attributeValue(raw: string, where: number): string {
  return decode(raw.replace(/[\t\r\n]/g, ' '), where);
}

export function parseXml(source: string): XmlElement {
  if (NOT_XML.test(source)) throw new Error('a character XML 1.0 does not allow');
  let at = 0;
  const rest = () => source.slice(at);
  const skipSpace = () => {
    while (at < source.length && /\s/.test(source[at])) at += 1;
  };

  if (source.startsWith('<?xml')) at = source.indexOf('?>') + 2;
  skipSpace();

  function element(): XmlElement {
    if (source[at] !== '<') throw new Error(`expected < at ${at}`);
    at += 1;
    const name = NAME.exec(rest())?.[0];
    if (!name) throw new Error(`expected a name at ${at}`);
    at += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (rest().startsWith('/>')) {
        at += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (source[at] === '>') {
        at += 1;
        break;
      }
      const attribute = /^([A-Za-z_][\w.:-]*)="([^"]*)"/.exec(rest());
      if (!attribute) throw new Error(`bad attribute at ${at}: ${rest().slice(0, 40)}`);
      if (attribute[1] in attributes) throw new Error(`repeated attribute ${attribute[1]}`);
      attributes[attribute[1]] = attributeValue(attribute[2], at);
      at += attribute[0].length;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      const next = source.indexOf('<', at);
      if (next < 0) throw new Error(`unclosed <${name}>`);
      text += decode(source.slice(at, next), at);
      at = next;
      if (rest().startsWith(`</`)) {
        const close = new RegExp(`^</${name}\\s*>`).exec(rest());
        if (!close) throw new Error(`expected </${name}> at ${at}`);
        at += close[0].length;
        return { name, attributes, children, text };
      }
      children.push(element());
    }
  }

  const root = element();
  skipSpace();
  if (at !== source.length) throw new Error(`content after the root element at ${at}`);
  return root;
}

/** Every descendant element with this name, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...descendants(child, name)]);
}
