/**
 * XML parsing shared by the manifest checks (./manifest-check.ts for <OfficeApp>, ./validate-manifest.ts
 * for <VersionOverrides> and the icon files): a well-formedness check, then the document's root element
 * as a tree of XmlElement with namespaces resolved, element paths and xsi:type. Comments, the XML
 * declaration and processing instructions are dropped; attribute values and text stay strings.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** One element of a parsed document. */
export interface XmlElement {
  /** As written, prefix included, e.g. `bt:Image`. */
  name: string;
  /** Without the prefix, e.g. `Image`. */
  local: string;
  /** The namespace URI the prefix (or the default namespace) is bound to where the element stands; '' for none. */
  ns: string;
  /** Attributes by name as written (`xmlns:bt`, `xsi:type`, `DefaultValue`), values as strings. */
  attrs: Record<string, string>;
  /** `xsi:type`, whatever the prefix bound to the XML Schema instance namespace. */
  xsiType: string | undefined;
  children: XmlElement[];
  /** The element's own text, concatenated and trimmed. */
  text: string;
  /** A path of local names from the root, with a 1-based index where a name repeats among siblings, e.g. `OfficeApp/Hosts/Host[2]`. */
  path: string;
}

/** Where and why a document is not well-formed. */
export interface XmlSyntaxError {
  msg: string;
  line: number;
  col: number;
}

export type XmlDocument =
  | { ok: true; /** The root element; undefined when the document has none. */ root: XmlElement | undefined }
  | { ok: false; error: XmlSyntaxError };

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
});

/** Checks that `xml` is well-formed and, if it is, parses it into its root element. */
export function parseXmlDocument(xml: string): XmlDocument {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    const { msg, line, col } = wellFormed.err;
    return { ok: false, error: { msg, line, col } };
  }
  const nodes = parser.parse(xml) as OrderedNode[];
  for (const node of nodes) {
    const element = toElement(node, new Map(), '');
    if (element) return { ok: true, root: element };
  }
  return { ok: true, root: undefined };
}

/** The root element of `xml`; undefined when it is not well-formed or has no element. */
export function parseXmlRoot(xml: string): XmlElement | undefined {
  const document = parseXmlDocument(xml);
  return document.ok ? document.root : undefined;
}

const elementName = (node: OrderedNode): string | undefined => Object.keys(node).find((k) => k !== ':@' && k !== '#text');
const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

function toElement(node: OrderedNode, inScope: ReadonlyMap<string, string>, parentPath: string, index?: number): XmlElement | undefined {
  const name = elementName(node);
  if (name === undefined) return undefined;
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries((node[':@'] ?? {}) as Record<string, unknown>)) attrs[key] = String(value);

  const scope = new Map(inScope);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'xmlns') scope.set('', value);
    else if (key.startsWith('xmlns:')) scope.set(key.slice('xmlns:'.length), value);
  }
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  const local = localName(name);
  const xsiPrefix = [...scope.entries()].find(([p, uri]) => p !== '' && uri === XSI_NAMESPACE)?.[0];
  const path = `${parentPath ? `${parentPath}/` : ''}${local}${index === undefined ? '' : `[${index}]`}`;

  const rawChildren = (node[name] ?? []) as OrderedNode[];
  const childLocals = rawChildren.map((c) => {
    const childName = elementName(c);
    return childName === undefined ? undefined : localName(childName);
  });
  const seen = new Map<string, number>();
  const children: XmlElement[] = [];
  let text = '';
  rawChildren.forEach((child, i) => {
    if ('#text' in child) text += String(child['#text']);
    const childLocal = childLocals[i];
    if (childLocal === undefined) return;
    const repeated = childLocals.filter((l) => l === childLocal).length > 1;
    const n = (seen.get(childLocal) ?? 0) + 1;
    seen.set(childLocal, n);
    const element = toElement(child, scope, path, repeated ? n : undefined);
    if (element) children.push(element);
  });
  return {
    name,
    local,
    ns: scope.get(prefix) ?? '',
    attrs,
    xsiType: xsiPrefix === undefined ? undefined : attrs[`${xsiPrefix}:type`],
    children,
    text: text.trim(),
    path,
  };
}
