import ExcelJS from 'exceljs';
import { buildTemplate } from '../../src/core/template/build-template';
import { seedCatalog } from '../../src/seed-catalog';
import { templatesToXlsx } from '../../src/xlsx/write-xlsx';
import { deflatedEntry, repeatedEntry, storedEntry, unzipEntries, writeZip, type ZipEntry } from './zip-writer';

/**
 * Hostile .xlsx files, small on disk and quick to make, for the reader's tests, the server's and the
 * benchmark. Each is built on the real template `indicators template --plan children --org wjj --year
 * 2025` writes, so everything but the attack is what a clerk would upload.
 */

const MIB = 1024 * 1024;
/** The worksheet part of the template (ExcelJS writes one sheet as sheet1.xml). */
export const TEMPLATE_SHEET_PART = 'xl/worksheets/sheet1.xml';

let template: Promise<Uint8Array> | undefined;

/** The real template the hostile files are built on: the children plan, 卫健局 (wjj), 2025. */
export function baseTemplate(): Promise<Uint8Array> {
  template ??= templatesToXlsx([buildTemplate(seedCatalog(), { plan: 'children', year: 2025, organisationId: 'wjj' })]);
  return template;
}

/**
 * The template with one more cell far away, e.g. `XFD1048576` (the last cell of a sheet), `XFD2000` or
 * `A1048576`: the old reader sized a dense grid by the sheet's extent and ran out of memory. By default
 * the cell holds a value; `styleOnly` gives it only a format (Excel writes those wherever a format was
 * applied), which is harmless and must be read as nothing.
 */
export async function farCellTemplate(address: string, options: { styleOnly?: boolean; value?: ExcelJS.CellValue } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await baseTemplate()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const cell = sheet.getCell(address);
  if (options.styleOnly) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  else cell.value = options.value ?? '备注';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The template's entries, with some replaced (by name) and others added after them. */
export async function withParts(xlsx: Uint8Array, replace: Readonly<Record<string, ZipEntry | string>>, add: readonly ZipEntry[] = []): Promise<Uint8Array> {
  const entries = (await unzipEntries(xlsx)).map(({ name, content }) => {
    const replacement = replace[name];
    if (replacement === undefined) return deflatedEntry(name, content);
    return typeof replacement === 'string' ? deflatedEntry(name, replacement) : replacement;
  });
  return writeZip([...entries, ...add]);
}

/** The text of one part of an .xlsx. */
export async function partText(xlsx: Uint8Array, name: string): Promise<string> {
  const entry = (await unzipEntries(xlsx)).find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`no ${name}`);
  return new TextDecoder().decode(entry.content);
}

const FILLER = 16 * MIB;
let spaces: Uint8Array | undefined;
/** 16 MiB of spaces: whitespace is valid between XML elements, and deflates 1,000:1. */
function spaceFiller(): Uint8Array {
  spaces ??= new Uint8Array(FILLER).fill(0x20);
  return spaces;
}

/** The template's sheet XML split after `</sheetData>`, where whitespace can be put between the halves. */
async function sheetHalves(): Promise<{ head: string; tail: string }> {
  const xml = await partText(await baseTemplate(), TEMPLATE_SHEET_PART);
  const at = xml.indexOf('</sheetData>') + '</sheetData>'.length;
  return { head: xml.slice(0, at), tail: xml.slice(at) };
}

/**
 * The template whose worksheet inflates to about `uncompressedBytes` (e.g. 300 MiB from ~300 KB): its
 * own XML with that much whitespace after the rows. The sizes in the zip are honest, so the reader can
 * refuse it from the central directory alone (too large; or, below the size limit, too compressed).
 */
export async function sheetXmlBomb(uncompressedBytes: number): Promise<Uint8Array> {
  const { head, tail } = await sheetHalves();
  const copies = Math.max(1, Math.round(uncompressedBytes / FILLER));
  const filler = uncompressedBytes < FILLER ? new Uint8Array(uncompressedBytes).fill(0x20) : spaceFiller();
  return withParts(await baseTemplate(), { [TEMPLATE_SHEET_PART]: repeatedEntry(TEMPLATE_SHEET_PART, { prefix: head, filler, copies: uncompressedBytes < FILLER ? 1 : copies, suffix: tail }) });
}

/**
 * The template plus a picture entry `xl/media/image1.png` that inflates to `uncompressedBytes` (e.g.
 * 1.5 GiB from ~1.5 MB), sizes honest. A reader that inflated every entry (ExcelJS does) dies on it.
 */
export async function mediaBomb(uncompressedBytes: number): Promise<Uint8Array> {
  const copies = Math.max(1, Math.round(uncompressedBytes / FILLER));
  const zeros = new Uint8Array(FILLER);
  return withParts(await baseTemplate(), {}, [repeatedEntry('xl/media/image1.png', { prefix: new Uint8Array(0), filler: zeros, copies, suffix: new Uint8Array(0) })]);
}

/**
 * The template whose worksheet's headers (local and central) declare its real size (~127 KB) or
 * `declaredBytes`, while its deflate data inflates to about `inflatedBytes` (whitespace after the rows):
 * only a reader that counts what it inflates stops in time.
 */
export async function lyingSizeBomb(inflatedBytes: number, declaredBytes?: number): Promise<Uint8Array> {
  const { head, tail } = await sheetHalves();
  const copies = Math.max(1, Math.round(inflatedBytes / FILLER));
  const declaredSize = declaredBytes ?? new TextEncoder().encode(head + tail).length;
  return withParts(await baseTemplate(), { [TEMPLATE_SHEET_PART]: repeatedEntry(TEMPLATE_SHEET_PART, { prefix: head, filler: spaceFiller(), copies, suffix: tail, declaredSize }) });
}

/** The template plus `n` tiny extra entries (`customXml/item<i>.xml`). */
export async function manyEntries(n: number): Promise<Uint8Array> {
  const extra = Array.from({ length: n }, (_unused, index) => storedEntry(`customXml/item${index + 1}.xml`, '<a/>'));
  return withParts(await baseTemplate(), {}, extra);
}
