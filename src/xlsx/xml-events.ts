import { SaxesParser } from 'saxes';
import type { TextSink } from './package-port';
import { damaged, doctype, refuse } from './xlsx-refusals';

/**
 * What a reader of one XML part does with its elements. Names arrive without their namespace prefix
 * (`x:row` and `row` are the same element: some writers prefix SpreadsheetML). `finished` is set once the
 * reader has what it needs; the rest of the part is then neither parsed nor inflated.
 */
export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text(text: string): void;
  readonly finished: boolean;
}

/** `x:row` → `row`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const DOCTYPE = '<!DOCTYPE';
/** SpreadsheetML nests 10 levels at most (extLst > ext > x14:conditionalFormatting > …); saxes keeps a stack of them. */
const MAX_DEPTH = 64;
/**
 * SpreadsheetML elements have a few dozen attributes at most, but saxes collects a tag's attributes until
 * its end (a 16 MB tag of 1.4 million attributes: 340 MB and 3 s). A tag's attributes all lie between its
 * `<` and the next one (`<` cannot appear in a value), so counting `=` signs there bounds them; text with
 * this many `=` in a row is no report either.
 */
const MAX_EQUALS_PER_TAG = 10_000;

/**
 * A text sink that parses a part with saxes and hands its elements to `handler`. A DOCTYPE is refused
 * before the parser sees it (an .xlsx has none, and entity declarations are how XML bombs expand); saxes
 * expands no entities but the five predefined ones and character references, and its errors (not
 * well-formed XML) refuse the file as damaged — so do nesting and attribute counts no spreadsheet has,
 * which would make saxes hold a large stack or tag in memory.
 */
export function xmlSink(part: string, handler: XmlHandler): TextSink {
  const parser = new SaxesParser({ position: false });
  let rootSeen = false;
  // the end of the previous chunk, so a "<!DOCTYPE" split between two chunks is still seen
  let carry = '';
  let depth = 0;
  // `=` signs since the last `<` (saxes's own attribute events cost as much as the parse itself)
  let equals = 0;
  const countAttributes = (text: string) => {
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code === 60) equals = 0;
      else if (code === 61 && ++equals > MAX_EQUALS_PER_TAG) refuse(damaged(`${part}: an element with more than ${MAX_EQUALS_PER_TAG} attributes`));
    }
  };
  parser.on('doctype', () => refuse(doctype(part)));
  parser.on('opentag', (tag) => {
    rootSeen = true;
    depth += 1;
    if (depth > MAX_DEPTH && !handler.finished) refuse(damaged(`${part}: elements nested more than ${MAX_DEPTH} deep`));
    if (!handler.finished) handler.open(localName(tag.name), tag.attributes as Record<string, string>);
  });
  parser.on('closetag', (tag) => {
    depth -= 1;
    if (!handler.finished) handler.close(localName(tag.name));
  });
  parser.on('text', (text) => {
    if (!handler.finished) handler.text(text);
  });
  parser.on('cdata', (text) => {
    if (!handler.finished) handler.text(text);
  });
  parser.on('error', (error) => refuse(damaged(`${part}: ${error.message}`)));
  return {
    write(text) {
      if (!rootSeen) {
        if ((carry + text).includes(DOCTYPE)) refuse(doctype(part));
        carry = (carry + text).slice(-DOCTYPE.length);
      }
      countAttributes(text);
      parser.write(text);
      return !handler.finished;
    },
    end() {
      if (!handler.finished) parser.close();
    },
  };
}
