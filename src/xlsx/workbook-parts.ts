import { decodeXString, formatCode } from './number-formats';
import type { XlsxLimits } from './xlsx-limits';
import { joinParts, normalizePart, partBasename, partDirname, type PackagePort } from './package-port';
import { damaged, notXlsx, refuse, tooManyCellFormats, tooManySharedStrings, tooManySheets } from './xlsx-refusals';
import { xmlSink, type XmlHandler } from './xml-events';

/**
 * The parts of a workbook around its sheets, found the way the package says (relationships), not by
 * fixed names: the workbook itself (sheet names and order, the 1904 date system), the number formats of
 * the cell styles, and the shared strings. Nothing else (pictures, drawings, printer settings, themes,
 * comments) is ever inflated.
 */

/** A worksheet of the workbook, in tab order, and the zip part that holds it. */
export interface WorksheetPart {
  readonly name: string;
  readonly part: string;
}

/** What the sheets are read with. */
export interface WorkbookStructure {
  readonly date1904: boolean;
  readonly worksheets: readonly WorksheetPart[];
  readonly stylesPart: string | undefined;
  readonly sharedStringsPart: string | undefined;
}

/** Whether the package has a part (names are case-insensitive). */
export function hasPart(pkg: PackagePort, part: string): boolean {
  return pkg.entries.has(part.toLowerCase());
}

/** Streams one part through `handler`; false when the package has no such part. */
export async function readPart(pkg: PackagePort, part: string, handler: XmlHandler): Promise<boolean> {
  const entry = pkg.entries.get(part.toLowerCase());
  if (!entry) return false;
  await pkg.inflateText(entry, xmlSink(part, handler));
  return true;
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

class RelationshipsReader implements XmlHandler {
  finished = false;
  readonly relationships: Relationship[] = [];
  constructor(
    private readonly part: string,
    private readonly limits: XlsxLimits,
  ) {}
  open(name: string, attributes: Readonly<Record<string, string>>): void {
    if (name !== 'Relationship') return;
    // one per part at most (the package has no more than maxEntries)
    if (this.relationships.length >= this.limits.maxEntries) refuse(damaged(`${this.part} lists more than ${this.limits.maxEntries} relationships`));
    this.relationships.push({ id: attributes.Id ?? '', type: attributes.Type ?? '', target: attributes.Target ?? '', external: attributes.TargetMode === 'External' });
  }
  close(): void {}
  text(): void {}
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
function relationshipsPartOf(part: string): string {
  const dir = partDirname(part);
  return `${dir === '.' ? '' : `${dir}/`}_rels/${partBasename(part)}.rels`;
}

/** A relationship's target as a part name: relative to the part it belongs to, or absolute from the root. */
function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // a stray % is part of the name
  }
  // posix.join leaves out an empty part
  const joined = decoded.startsWith('/') ? decoded : decoded === '' ? partDirname(source) : joinParts(partDirname(source), decoded);
  return normalizePart(joined).replace(/^\/+/, '');
}

async function readRelationships(pkg: PackagePort, part: string): Promise<Relationship[]> {
  const reader = new RelationshipsReader(part, pkg.limits);
  await readPart(pkg, part, reader);
  return reader.relationships;
}

/** The relationship type by its last segment, the same in transitional and strict OOXML. */
function ofType(relationship: Relationship, type: string): boolean {
  return !relationship.external && relationship.type.endsWith(`/${type}`);
}

class WorkbookReader implements XmlHandler {
  finished = false;
  isWorkbook: boolean | undefined;
  date1904 = false;
  readonly sheets: { name: string; relationshipId: string }[] = [];
  constructor(private readonly limits: XlsxLimits) {}
  open(name: string, attributes: Readonly<Record<string, string>>): void {
    if (this.isWorkbook === undefined) {
      // a .docx renamed to .xlsx points at a document, not a workbook
      this.isWorkbook = name === 'workbook';
      this.finished = !this.isWorkbook;
      return;
    }
    if (name === 'workbookPr') this.date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
    if (name === 'sheet') {
      if (this.sheets.length >= this.limits.maxSheets) refuse(tooManySheets(this.limits));
      // r:id, whatever prefix the relationships namespace has
      const idKey = Object.keys(attributes).find((key) => key.includes(':') && key.endsWith(':id'));
      this.sheets.push({ name: attributes.name ?? '', relationshipId: idKey ? (attributes[idKey] ?? '') : '' });
    }
  }
  close(name: string): void {
    // the sheets come after workbookPr: nothing else is needed
    if (name === 'sheets') this.finished = true;
  }
  text(): void {}
}

/**
 * Finds the workbook part (from the package relationships; `xl/workbook.xml` when there are none), its
 * worksheets in tab order (chart and dialog sheets are skipped), its styles and shared strings.
 * A zip without a workbook, or a workbook without a worksheet, is not an .xlsx.
 */
export async function readWorkbookStructure(pkg: PackagePort): Promise<WorkbookStructure> {
  const root = await readRelationships(pkg, '_rels/.rels');
  const document = root.find((relationship) => ofType(relationship, 'officeDocument'));
  const workbookPart = document ? resolveTarget('', document.target) : 'xl/workbook.xml';
  const workbook = new WorkbookReader(pkg.limits);
  if (!(await readPart(pkg, workbookPart, workbook)) || !workbook.isWorkbook) refuse(notXlsx());
  const relationships = await readRelationships(pkg, relationshipsPartOf(workbookPart));
  const byId = new Map(relationships.map((relationship) => [relationship.id, relationship]));
  const worksheets = workbook.sheets.flatMap((sheet) => {
    const relationship = byId.get(sheet.relationshipId);
    return relationship && ofType(relationship, 'worksheet') ? [{ name: sheet.name, part: resolveTarget(workbookPart, relationship.target) }] : [];
  });
  if (worksheets.length === 0) refuse(notXlsx());
  // by relationship; by the usual name when a writer left the relationship out
  const partOf = (type: string, usual: string) => {
    const relationship = relationships.find((candidate) => ofType(candidate, type));
    const part = relationship ? resolveTarget(workbookPart, relationship.target) : resolveTarget(workbookPart, usual);
    return hasPart(pkg, part) ? part : undefined;
  };
  return { date1904: workbook.date1904, worksheets, stylesPart: partOf('styles', 'styles.xml'), sharedStringsPart: partOf('sharedStrings', 'sharedStrings.xml') };
}

class StylesReader implements XmlHandler {
  finished = false;
  readonly custom = new Map<number, string>();
  readonly cellFormatIds: number[] = [];
  private inNumFmts = false;
  private inCellXfs = false;
  constructor(private readonly limits: XlsxLimits) {}
  open(name: string, attributes: Readonly<Record<string, string>>): void {
    if (name === 'numFmts') this.inNumFmts = true;
    else if (name === 'cellXfs') this.inCellXfs = true;
    else if (name === 'numFmt' && this.inNumFmts) {
      if (this.custom.size >= this.limits.maxCellFormats) refuse(tooManyCellFormats(this.limits));
      this.custom.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
    }
    else if (name === 'xf' && this.inCellXfs) {
      if (this.cellFormatIds.length >= this.limits.maxCellFormats) refuse(tooManyCellFormats(this.limits));
      this.cellFormatIds.push(Number(attributes.numFmtId ?? 0));
    }
  }
  close(name: string): void {
    if (name === 'numFmts') this.inNumFmts = false;
    // the cell formats come after the number formats: nothing else is needed
    if (name === 'cellXfs') this.finished = true;
  }
  text(): void {}
}

/** The number format code of each cell style (`cellXfs`), by the index cells name in their `s`. */
export async function readCellFormats(pkg: PackagePort, part: string | undefined): Promise<string[]> {
  if (part === undefined) return [];
  const reader = new StylesReader(pkg.limits);
  await readPart(pkg, part, reader);
  return reader.cellFormatIds.map((id) => formatCode(id, reader.custom));
}

/**
 * Reads the shared-string table: each entry's text, rich-text runs joined (fonts dropped), phonetic
 * guides (`rPh`, the furigana/pinyin above the text) left out, `_xHHHH_` escapes decoded.
 */
class SharedStringsReader implements XmlHandler {
  finished = false;
  readonly strings: string[] = [];
  private inItem = false;
  private phonetic = 0;
  private inText = false;
  private texts: string[] = [];
  private chunks: string[] = [];
  constructor(private readonly limits: XlsxLimits) {}
  open(name: string): void {
    if (name === 'si') {
      if (this.strings.length >= this.limits.maxSharedStrings) refuse(tooManySharedStrings(this.limits));
      this.inItem = true;
      this.texts = [];
    } else if (name === 'rPh') this.phonetic += 1;
    else if (name === 't' && this.inItem && this.phonetic === 0) {
      this.inText = true;
      this.chunks = [];
    }
  }
  close(name: string): void {
    if (name === 't' && this.inText) {
      this.texts.push(decodeXString(this.chunks.join('')));
      this.inText = false;
    } else if (name === 'rPh') this.phonetic -= 1;
    else if (name === 'si') {
      this.strings.push(this.texts.join(''));
      this.inItem = false;
    }
  }
  text(text: string): void {
    if (this.inText) this.chunks.push(text);
  }
}

/** The shared strings, by index; none when the workbook has no table. */
export async function readSharedStrings(pkg: PackagePort, part: string | undefined): Promise<string[]> {
  if (part === undefined) return [];
  const reader = new SharedStringsReader(pkg.limits);
  await readPart(pkg, part, reader);
  return reader.strings;
}
