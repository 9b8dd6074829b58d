import ExcelJS from 'exceljs';
import type { Catalog } from '../../src/core/catalog/catalog';
import type { Message } from '../../src/core/i18n/message';
import type { RawCell } from '../../src/core/parse/cell-value';
import { readTemplate, type SheetGrid, type TemplateRead } from '../../src/core/template/read-template';

/**
 * The reader this project used before the bounded one, kept only as the reference the bounded reader is
 * compared with (ExcelJS loads the whole workbook and sizes a dense grid by the sheet's extent: never for
 * untrusted files). The code is the former src/xlsx/read-xlsx.ts, unchanged but for its name.
 */
export async function referenceReadXlsx(
  data: Uint8Array,
  catalog: Catalog,
): Promise<{ ok: true; sheets: TemplateRead[]; skipped: { sheetName: string; message: Message }[] } | { ok: false; error: string }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const sheets: TemplateRead[] = [];
  const skipped: { sheetName: string; message: Message }[] = [];
  workbook.eachSheet((worksheet) => {
    const outcome = readTemplate(referenceGrid(worksheet), catalog);
    if (outcome.kind === 'template') sheets.push(outcome.read);
    else skipped.push({ sheetName: worksheet.name, message: outcome.message });
  });
  return { ok: true, sheets, skipped };
}

/** The used part of an ExcelJS worksheet as the core reads it: values (formula results) and number formats. */
export function referenceGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
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
  const time = `${date.getUTCHours()}:${pad(date.getUTCMinutes())}`;
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  if (/[yd]/.test(format) || (!/h/.test(format) && format !== '')) return /h/.test(format) ? `${day} ${time}` : day;
  return date.getUTCFullYear() <= 1900 ? time : `${day} ${time}`;
}
