import ExcelJS from 'exceljs';
import type { Catalog } from '../core/catalog/catalog';
import type { Message } from '../core/i18n/message';
import type { RawCell } from '../core/parse/cell-value';
import { readTemplate, type SheetGrid, type TemplateRead } from '../core/template/read-template';
import { checkTemplate, type TemplateCheck } from '../core/template/check-template';

/** The template sheets of a workbook read back, and the sheets that were not templates (with why). */
export type XlsxReadOutcome =
  | { readonly ok: true; readonly sheets: TemplateRead[]; readonly skipped: { readonly sheetName: string; readonly message: Message }[] }
  | { readonly ok: false; readonly message: Message };

/** The template sheets of a workbook checked by the engine, and the sheets that were skipped. */
export type XlsxCheckOutcome =
  | { readonly ok: true; readonly sheets: TemplateCheck[]; readonly skipped: { readonly sheetName: string; readonly message: Message }[] }
  | { readonly ok: false; readonly message: Message };

/** Opens an .xlsx file; a file that is not one (or is damaged, or encrypted) gives a clear message. */
export async function openXlsx(data: Uint8Array): Promise<{ ok: true; workbook: ExcelJS.Workbook } | { ok: false; message: Message }> {
  const workbook = new ExcelJS.Workbook();
  const notXlsx: Message = { code: 'xlsx.notXlsx', severity: 'error', zh: '文件不是 Excel 工作簿（.xlsx）；请上传或指定由模板填写的 .xlsx 文件', en: 'The file is not an Excel workbook (.xlsx)' };
  try {
    // ExcelJS wants a Node Buffer or an ArrayBuffer of exactly the file's bytes
    const bytes = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data.buffer : data.slice().buffer;
    await workbook.xlsx.load(bytes as ArrayBuffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const zip = data.length >= 2 && data[0] === 0x50 && data[1] === 0x4b;
    const ole = data.length >= 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0;
    return {
      ok: false,
      message: ole
        ? { code: 'xlsx.legacyOrEncrypted', severity: 'error', zh: '文件是旧版 .xls 格式或已加密，无法读取；请在 Excel/WPS 中“另存为”Excel 工作簿（.xlsx），不要设置打开密码', en: 'The file is a legacy .xls or an encrypted workbook; save it as an unencrypted .xlsx' }
        : zip
          ? { code: 'xlsx.damaged', severity: 'error', zh: `文件已损坏，无法作为 .xlsx 读取（${reason}）`, en: `The file is damaged and cannot be read as .xlsx (${reason})` }
          : notXlsx,
    };
  }
  // any zip loads (a .docx renamed to .xlsx); a workbook has at least one sheet
  if (workbook.worksheets.length === 0) return { ok: false, message: notXlsx };
  return { ok: true, workbook };
}

/** Reads every sheet of an .xlsx file that is a template; the others are listed with the reason. */
export async function readXlsx(data: Uint8Array, catalog: Catalog): Promise<XlsxReadOutcome> {
  return eachTemplateSheet(data, (grid) => {
    const outcome = readTemplate(grid, catalog);
    return outcome.kind === 'template' ? { ok: true, value: outcome.read } : { ok: false, message: outcome.message };
  });
}

/** Reads and checks every template sheet of an .xlsx file: what `indicators check` runs. */
export async function checkXlsx(data: Uint8Array, catalog: Catalog): Promise<XlsxCheckOutcome> {
  return eachTemplateSheet(data, (grid) => {
    const outcome = checkTemplate(grid, catalog);
    return outcome.kind === 'template' ? { ok: true, value: outcome.check } : { ok: false, message: outcome.message };
  });
}

async function eachTemplateSheet<T>(
  data: Uint8Array,
  handle: (grid: SheetGrid) => { ok: true; value: T } | { ok: false; message: Message },
): Promise<{ ok: true; sheets: T[]; skipped: { sheetName: string; message: Message }[] } | { ok: false; message: Message }> {
  const opened = await openXlsx(data);
  if (!opened.ok) return opened;
  const sheets: T[] = [];
  const skipped: { sheetName: string; message: Message }[] = [];
  opened.workbook.eachSheet((worksheet) => {
    const outcome = handle(worksheetGrid(worksheet));
    if (outcome.ok) sheets.push(outcome.value);
    else skipped.push({ sheetName: worksheet.name, message: outcome.message });
  });
  return { ok: true, sheets, skipped };
}

/** The used part of an ExcelJS worksheet as the core reads it: values (formula results) and number formats. */
export function worksheetGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const rowCount = worksheet.rowCount;
  const columnCount = worksheet.columnCount;
  const values: RawCell[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 1; r <= rowCount; r += 1) {
    const row = worksheet.getRow(r);
    const rowValues: RawCell[] = new Array(columnCount).fill(null);
    const rowFormats: string[] = new Array(columnCount).fill('General');
    if (row.cellCount > 0) {
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        // a merged range holds its value in the top-left cell only (ExcelJS repeats it in every cell)
        if (column > columnCount || (cell.isMerged && cell.master !== cell)) return;
        rowValues[column - 1] = rawValue(cell.value, cell.numFmt);
        if (cell.numFmt) rowFormats[column - 1] = cell.numFmt;
      });
    }
    values.push(rowValues);
    numberFormats.push(rowFormats);
  }
  return { name: worksheet.name, firstRow: 0, firstColumn: 0, values, numberFormats };
}

/**
 * An ExcelJS cell value as a raw input: formula cells give their cached result, rich text its text, errors
 * their code ("#DIV/0!"), and dates/times what a person saw ("2:03" for a "2:3" that Excel took for a time).
 */
function rawValue(value: ExcelJS.CellValue, numberFormat: string | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return shownDate(value, numberFormat);
  if (typeof value === 'object') {
    if ('error' in value) return String(value.error);
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return rawValue((value as { result?: ExcelJS.CellValue }).result ?? null, numberFormat);
    if ('text' in value) return typeof value.text === 'string' ? value.text : rawValue(value.text as ExcelJS.CellValue, numberFormat);
  }
  return String(value);
}

function shownDate(date: Date, numberFormat: string | undefined): string {
  const format = (numberFormat ?? '').toLowerCase().replace(/"[^"]*"|\[[^\]]*\]/g, '');
  const pad = (n: number) => String(n).padStart(2, '0');
  // ExcelJS reads serial numbers as UTC dates
  const time = `${date.getUTCHours()}:${pad(date.getUTCMinutes())}`;
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  if (/[yd]/.test(format) || (!/h/.test(format) && format !== '')) return /h/.test(format) ? `${day} ${time}` : day;
  return date.getUTCFullYear() <= 1900 ? time : `${day} ${time}`;
}
