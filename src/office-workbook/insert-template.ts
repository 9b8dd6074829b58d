/// <reference types="office-js" />
import type { TemplateModel } from '../core/template/template-model';
import type { InsertOptions, InsertedTemplate } from '../workbook/workbook-port';
import { detectCapabilities } from './capabilities';
import { runBatch, type ExcelHost } from './excel-host';
import { protectTemplate, renderTemplate } from './render-template';
import { uniqueSheetName } from '../core/template/sheet-name';
import { asWorkbookError } from './workbook-error';
import { DEFAULT_PAYLOAD_BUDGET, WritePlan } from './write-plan';

/** How to insert a template. */
export interface InsertTemplateOptions extends InsertOptions {
  /** Payload budget per sync in bytes (default 2 MB); tests lower it to force split writes. */
  readonly payloadBudget?: number;
}

/** Where the template went and how many round trips it took. */
export interface InsertTemplateResult extends InsertedTemplate {
  readonly syncs: number;
}

/**
 * Inserts a template as a new sheet named after the model ("name (2)" … when taken), activated first.
 * Two round trips: one reading the sheet names, one sending every write (more only past the payload
 * budget). With `replaceSheet`, the new sheet is built under a free name first and takes the old sheet's
 * name and position only once the old one is deleted, so a failure never leaves the workbook without it.
 */
export async function insertTemplate(host: ExcelHost, model: TemplateModel, options: InsertTemplateOptions = {}): Promise<InsertTemplateResult> {
  const capabilities = detectCapabilities(host);
  try {
    return await runBatch(host, async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name,items/position');
      await context.sync();

      const existing = worksheets.items.map((sheet) => ({ sheet, name: sheet.name, position: sheet.position }));
      const wanted = options.replaceSheet?.toLowerCase();
      const replaced = wanted === undefined ? undefined : existing.find((entry) => entry.name.toLowerCase() === wanted);
      const name = uniqueSheetName(model.sheetName, existing.map((entry) => entry.name));
      const finalName = replaced?.name ?? name;

      const plan = new WritePlan(options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET);
      const sheet = worksheets.add(name);
      // active before anything else: freezing the panes of a sheet that is not active fails or misbehaves on
      // some builds (office-js #2196: GeneralException on Excel 2019; #3148: it confuses the active sheet)
      plan.add(['activate'], 1, () => sheet.activate());
      renderTemplate(sheet, model, capabilities, plan);
      if (replaced) {
        plan.add([finalName, replaced.position], 3, () => {
          replaced.sheet.delete();
          sheet.name = finalName;
          sheet.position = replaced.position;
        });
      }
      protectTemplate(sheet, model, capabilities, plan);
      const writes = await plan.send(context);
      return { sheetName: finalName, ...(replaced ? { replaced: replaced.name } : {}), syncs: 1 + writes };
    });
  } catch (error) {
    throw asWorkbookError(error, { zh: '插入模板', en: 'Inserting the template' });
  }
}
