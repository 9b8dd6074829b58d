/**
 * The bounded .xlsx reader without its zip library: the Node reader (read-xlsx.ts, yauzl) and the browser's
 * (read-xlsx-browser.ts, fflate) are this with their own `PackageOpener`.
 */
import type { Catalog } from '../core/catalog/catalog';
import type { Message } from '../core/i18n/message';
import { readTemplate, type SheetGrid, type TemplateRead } from '../core/template/read-template';
import { checkTemplate, type TemplateCheck } from '../core/template/check-template';
import { readCellFormats, readPart, readSharedStrings, readWorkbookStructure, type WorksheetPart } from './workbook-parts';
import { SheetGridReader } from './sheet-grid-reader';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits, type XlsxRefusal } from './xlsx-limits';
import { reasonOf, type PackageOpener, type PackagePort } from './package-port';
import { damaged, refuse, refusalMessage, sheetNotFound, XlsxRefusalError } from './xlsx-refusals';

export type { XlsxLimits, XlsxRefusal } from './xlsx-limits';
export { DEFAULT_XLSX_LIMITS } from './xlsx-limits';
export { refusalMessage } from './xlsx-refusals';

/** A sheet that was not read as a template, and why. */
export interface SkippedSheet {
  readonly sheetName: string;
  readonly message: Message;
}

/** Why a workbook was not read: the refusal, and the same as the `Message` callers have always shown. */
export interface XlsxFailure {
  readonly ok: false;
  readonly message: Message;
  readonly refusal: XlsxRefusal;
}

/** The template sheets of a workbook read back, and the sheets that were not templates (with why). */
export type XlsxReadOutcome = { readonly ok: true; readonly sheets: TemplateRead[]; readonly skipped: SkippedSheet[] } | XlsxFailure;

/** The template sheets of a workbook checked by the engine, and the sheets that were skipped. */
export type XlsxCheckOutcome = { readonly ok: true; readonly sheets: TemplateCheck[]; readonly skipped: SkippedSheet[] } | XlsxFailure;

/** How a workbook is read. */
export interface XlsxReadOptions {
  /** The limits; `DEFAULT_XLSX_LIMITS` when not given. */
  readonly limits?: XlsxLimits;
  /** Read only this worksheet (the others are not even inflated); a name the workbook lacks is refused. */
  readonly sheetName?: string;
  /** The uploading organisation: a template cut for another one is refused (403) as soon as its metadata is read. */
  readonly expectedOrganisationId?: string;
}

/** The worksheets of a workbook as grids, or why the file was not read. Plain data: it crosses worker threads. */
export type WorkbookGrids = { readonly ok: true; readonly sheets: SheetGrid[] } | { readonly ok: false; readonly refusal: XlsxRefusal };

/**
 * Reads the worksheets of an .xlsx into grids for the core, over the zip library `open` gives (yauzl on
 * Node, fflate in the browser), with memory and time bounded before any data is read (see `XlsxLimits`):
 * the zip's central directory is checked first, only the parts a template needs are inflated, each
 * counted, and each sheet is read into a grid of bounded size. Never throws; the result is structured-cloneable.
 */
export async function readWorkbookGridsWith(open: PackageOpener, data: Uint8Array, options: XlsxReadOptions = {}): Promise<WorkbookGrids> {
  const limits = options.limits ?? DEFAULT_XLSX_LIMITS;
  let pkg: PackagePort | undefined;
  try {
    pkg = await open(data, limits);
    const structure = await readWorkbookStructure(pkg);
    const worksheets = chosenWorksheets(structure.worksheets, options.sheetName);
    const cellFormats = await readCellFormats(pkg, structure.stylesPart);
    const sharedStrings = await readSharedStrings(pkg, structure.sharedStringsPart);
    const sheets: SheetGrid[] = [];
    for (const worksheet of worksheets) {
      const reader = new SheetGridReader({
        name: worksheet.name,
        limits,
        sharedStrings,
        cellFormats,
        date1904: structure.date1904,
        ...(options.expectedOrganisationId === undefined ? {} : { expectedOrganisationId: options.expectedOrganisationId }),
      });
      if (!(await readPart(pkg, worksheet.part, reader))) refuse(damaged(`the sheet "${worksheet.name}" (${worksheet.part}) is missing`));
      sheets.push(reader.grid());
    }
    return { ok: true, sheets };
  } catch (error) {
    // anything else a hostile file provokes in the libraries is a damaged file, not a crash
    return { ok: false, refusal: error instanceof XlsxRefusalError ? error.refusal : damaged(reasonOf(error)) };
  } finally {
    pkg?.close();
  }
}

function chosenWorksheets(worksheets: readonly WorksheetPart[], sheetName: string | undefined): readonly WorksheetPart[] {
  if (sheetName === undefined) return worksheets;
  const chosen = worksheets.filter((worksheet) => worksheet.name === sheetName);
  if (chosen.length === 0) refuse(sheetNotFound(sheetName, worksheets.map((worksheet) => worksheet.name)));
  return chosen;
}

/** Reads every grid that is a template; the others are listed with the reason. Pure. */
export function templatesOfGrids(grids: readonly SheetGrid[], catalog: Catalog): Extract<XlsxReadOutcome, { ok: true }> {
  return eachTemplate(grids, (grid) => {
    const outcome = readTemplate(grid, catalog);
    return outcome.kind === 'template' ? { ok: true, value: outcome.read } : { ok: false, message: outcome.message };
  });
}

/** Reads and checks every grid that is a template, as `indicators check` does; the others are listed. Pure. */
export function checksOfGrids(grids: readonly SheetGrid[], catalog: Catalog): Extract<XlsxCheckOutcome, { ok: true }> {
  return eachTemplate(grids, (grid) => {
    const outcome = checkTemplate(grid, catalog);
    return outcome.kind === 'template' ? { ok: true, value: outcome.check } : { ok: false, message: outcome.message };
  });
}

function eachTemplate<T>(grids: readonly SheetGrid[], handle: (grid: SheetGrid) => { ok: true; value: T } | { ok: false; message: Message }): { ok: true; sheets: T[]; skipped: SkippedSheet[] } {
  const sheets: T[] = [];
  const skipped: SkippedSheet[] = [];
  for (const grid of grids) {
    const outcome = handle(grid);
    if (outcome.ok) sheets.push(outcome.value);
    else skipped.push({ sheetName: grid.name, message: outcome.message });
  }
  return { ok: true, sheets, skipped };
}

/** The failure branch of the outcomes, from a refusal. */
export function xlsxFailure(refusal: XlsxRefusal): XlsxFailure {
  return { ok: false, message: refusalMessage(refusal), refusal };
}
