/**
 * XML parsing shared by the manifest checks (./manifest-check.ts for <OfficeApp>, ./validate-manifest.ts
 * for <VersionOverrides> and the icon files): a well-formedness check, then the document's root element
 * as a tree of XmlElement with namespaces resolved, element paths, xsi:type and where in the text each
 * element and attribute stands (fast-xml-parser's `captureMetaData` gives each start tag's offset).
 * Comments, the XML declaration and processing instructions are dropped; attribute values and text stay strings.
 */
import { XMLParser, XMLValidator, type XMLMetaData } from 'fast-xml-parser';

export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** A place in the document: 1-based line and column (in characters) as an editor shows them. */
export interface Position {
  line: number;
  col: number;
}

/** Where a problem is reported: an element path and the position of the element or attribute concerned. */
export interface Site extends Position {
  /** A path of local names from the root, with a 1-based index where a name repeats among siblings, e.g. `OfficeApp/Hosts/Host[2]`. */
  path: string;
}

/** One element of a parsed document; as a Site, its path and the position of its start tag's `<`. */
export interface XmlElement extends Site {
  /** As written, prefix included, e.g. `bt:Image`. */
  name: string;
  /** Without the prefix, e.g. `Image`. */
  local: string;
  /** The namespace URI the prefix (or the default namespace) is bound to where the element stands; '' for none. */
  ns: string;
  /** Attributes by name as written (`xmlns:bt`, `xsi:type`, `DefaultValue`), values as strings. */
  attrs: Record<string, string>;
  /** Where each attribute's name begins, by name as written. */
  attrAt: Record<string, Position>;
  /** `xsi:type`, whatever the prefix bound to the XML Schema instance namespace. */
  xsiType: string | undefined;
  /** Where the `xsi:type` attribute stands, whatever its prefix. */
  xsiTypeAt: Position | undefined;
  children: XmlElement[];
  /** The element's own text, concatenated and trimmed. */
  text: string;
}

/** Where and why a document is not well-formed. */
export interface XmlSyntaxError extends Position {
  msg: string;
}

export type XmlDocument = { ok: true; root: XmlElement } | { ok: false; error: XmlSyntaxError };

/** A node of fast-xml-parser's `preserveOrder` output; the metadata symbol holds its offsets. */
type OrderedNode = Record<string | symbol, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  captureMetaData: true,
});
const METADATA = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** Checks that `xml` is well-formed and, if it is, parses it into its root element. */
export function parseXmlDocument(xml: string): XmlDocument {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    const { msg, line, col } = wellFormed.err;
    return { ok: false, error: { msg, line, col } };
  }
  const locate = locator(xml);
  for (const node of parser.parse(xml) as OrderedNode[]) {
    const name = elementName(node);
    if (name !== undefined) return { ok: true, root: toElement(node, name, { xml, locate }, new Map(), localName(name)) };
  }
  // The validator refuses a document without a start tag; kept for the type.
  return { ok: false, error: { msg: 'No root element.', line: 1, col: 1 } };
}

/** The root element of `xml`; undefined when it is not well-formed. */
export function parseXmlRoot(xml: string): XmlElement | undefined {
  const document = parseXmlDocument(xml);
  return document.ok ? document.root : undefined;
}

/**
 * Where to report a problem with `element`'s attribute `name` (as written; `xsi:type` stands for the xsi:type
 * attribute whatever its prefix): the element's path at the attribute's position, or at the element's own
 * when the attribute is absent.
 */
export function attributeSite(element: XmlElement, name: string): Site {
  const at = name === 'xsi:type' ? element.xsiTypeAt : element.attrAt[name];
  return { path: element.path, line: (at ?? element).line, col: (at ?? element).col };
}

/** Where to report that `parent` lacks its child `local`: that child's path, at the parent's position. */
export function missingChildSite(parent: XmlElement, local: string): Site {
  return { path: `${parent.path}/${local}`, line: parent.line, col: parent.col };
}

/** Offset in `xml` → 1-based line and column; a line ends at \n, \r\n or \r, a column counts code points. */
function locator(xml: string): (offset: number) => Position {
  const lineStarts = [0];
  for (const match of xml.matchAll(/\r\n?|\n/g)) lineStarts.push(match.index + match[0].length);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    const start = lineStarts[low] ?? 0;
    return { line: low + 1, col: [...xml.slice(start, offset)].length + 1 };
  };
}

/**
 * The offset of each attribute name in the start tag at `start` (its `<`). The parser gives the tag's offset
 * only; the document is well-formed, so its attributes are `name = "value"` or `name = 'value'` in order.
 */
function attributeOffsets(xml: string, start: number, name: string): Map<string, number> {
  const offsets = new Map<string, number>();
  const attribute = /\s+([^\s=/>]+)\s*=\s*(?:"[^"]*"|'[^']*')/y;
  attribute.lastIndex = start + 1 + name.length;
  for (let match = attribute.exec(xml); match; match = attribute.exec(xml)) {
    offsets.set(match[1] ?? '', match.index + match[0].length - match[0].trimStart().length);
  }
  return offsets;
}

const elementName = (node: OrderedNode): string | undefined => Object.keys(node).find((k) => k !== ':@' && k !== '#text');
const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

interface Source {
  xml: string;
  locate: (offset: number) => Position;
}

function toElement(node: OrderedNode, name: string, source: Source, inScope: ReadonlyMap<string, string>, path: string): XmlElement {
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries((node[':@'] ?? {}) as Record<string, unknown>)) attrs[key] = String(value);
  const start = (node[METADATA] as XMLMetaData | undefined)?.startIndex ?? 0;
  const attrAt: Record<string, Position> = {};
  for (const [attr, offset] of attributeOffsets(source.xml, start, name)) attrAt[attr] = source.locate(offset);

  const scope = new Map(inScope);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'xmlns') scope.set('', value);
    else if (key.startsWith('xmlns:')) scope.set(key.slice('xmlns:'.length), value);
  }
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  const xsiPrefix = [...scope.entries()].find(([p, uri]) => p !== '' && uri === XSI_NAMESPACE)?.[0];
  const xsiTypeName = xsiPrefix === undefined ? undefined : `${xsiPrefix}:type`;

  const rawChildren = (node[name] ?? []) as OrderedNode[];
  const childNames = rawChildren.map(elementName);
  const childLocals = childNames.map((n) => (n === undefined ? undefined : localName(n)));
  const seen = new Map<string, number>();
  const children: XmlElement[] = [];
  let text = '';
  rawChildren.forEach((child, i) => {
    if ('#text' in child) text += String(child['#text']);
    const childName = childNames[i];
    const childLocal = childLocals[i];
    if (childName === undefined || childLocal === undefined) return;
    const repeated = childLocals.filter((l) => l === childLocal).length > 1;
    const n = (seen.get(childLocal) ?? 0) + 1;
    seen.set(childLocal, n);
    children.push(toElement(child, childName, source, scope, `${path}/${childLocal}${repeated ? `[${n}]` : ''}`));
  });
  const local = localName(name);
  return {
    name,
    local,
    ns: scope.get(prefix) ?? '',
    attrs,
    attrAt,
    xsiType: xsiTypeName === undefined ? undefined : attrs[xsiTypeName],
    xsiTypeAt: xsiTypeName === undefined ? undefined : attrAt[xsiTypeName],
    children,
    text: text.trim(),
    path,
    ...source.locate(start),
  };
}
