import ExcelJS from 'exceljs';
import type { PlanId } from '../../../src/core/catalog/indicator-schema';
import { buildTemplate } from '../../../src/core/template/build-template';
import { readXlsx } from '../../../src/xlsx/read-xlsx';
import { templatesToXlsx } from '../../../src/xlsx/write-xlsx';
import { seedCatalog } from '../../../src/seed-catalog';
import { acceptableValues } from './submission-fixtures';

/** A blank template as `indicators template` writes it. */
export function blankTemplate(options: { plan: PlanId; year: number; organisationId?: string }): Promise<Uint8Array> {
  return templatesToXlsx([buildTemplate(seedCatalog(), options)]);
}

/**
 * A template filled the way a clerk would: every row's value (and previous/base-year/comparison values)
 * typed into its cells, with values the engine accepts; `edit` may change a row's value afterwards.
 */
export async function filledTemplate(options: { plan: PlanId; year: number; organisationId?: string; edit?: (indicatorId: string) => string | undefined }): Promise<Uint8Array> {
  const blank = await blankTemplate(options);
  const read = await readXlsx(blank, seedCatalog());
  if (!read.ok || !read.sheets[0]) throw new Error('the blank template does not read back');
  const sheet = read.sheets[0];
  const values = acceptableValues(sheet.entries.map((entry) => ({ indicatorId: entry.indicatorId, ...(entry.unitId ? { unitId: entry.unitId } : {}) })), options);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(blank) as unknown as ArrayBuffer);
  const worksheet = workbook.getWorksheet(sheet.sheetName);
  if (!worksheet) throw new Error(sheet.sheetName);
  sheet.entries.forEach((entry, index) => {
    const value = values[index];
    if (!value) return;
    const cells = entry.cells as Record<string, string | undefined>;
    const put = (field: string, content: unknown) => {
      const address = cells[field];
      if (address && content !== undefined && content !== null) worksheet.getCell(address).value = content as ExcelJS.CellValue;
    };
    put('value', options.edit?.(entry.indicatorId) ?? value.value);
    put('previous', value.previous);
    put('baseline', value.baseline);
    put('other', value.other);
    put('note', value.note);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
