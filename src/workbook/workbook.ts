/**
 * The WorkbookPort over any WorkbookHost: the host's primitives composed with the core (reading and judging
 * a template), the flag plan and the own-write window; what differs between spreadsheets stays in the host.
 */
import type { Catalog } from '../core/catalog/catalog';
import type { Language } from '../core/i18n/message';
import { checkTemplate } from '../core/template/check-template';
import { isFlagNote, planFlags } from './flag-plan';
import { ownWrites, type OwnWriteOptions } from './own-writes';
import type { DrawResult, HostChange, WorkbookHost } from './workbook-host';
import type { CheckSheetOutcome, FlagDrawing, InsertedTemplate, SheetChange, WorkbookPort } from './workbook-port';

/** How the port is built: for now, only how it tells its own writes from people's. */
export type WorkbookOptions = OwnWriteOptions;

/** The WorkbookPort over a host (the Office adapter in the add-in, the strict fake or the memory host in tests). */
export function createWorkbook(host: WorkbookHost, options: WorkbookOptions = {}): WorkbookPort {
  const own = ownWrites(options);
  return {
    insertTemplate: (model, insert = {}) => own.writing(() => host.insertTemplate(model, insert)).then(insertedOnly),
    // check draws its flags (fills, notes) into the sheet: a write like the others
    check: (catalog, language, sheetName) => own.writing(() => checkSheet(host, catalog, language, sheetName)),
    read: async (sheetName) => {
      const snapshot = await host.readSheet(sheetName);
      return { grid: snapshot.grid, flagNotes: snapshot.notes.filter(isFlagNote) };
    },
    selectCell: (sheetName, address) => host.selectCell(sheetName, address),
    sheetNames: () => host.sheetNames(),
    writeCells: (sheetName, cells) => own.writing(() => host.writeCells(sheetName, cells)),
    watchChanges: async (listener) => {
      if (!host.capabilities.changeEvents) return null;
      return host.watchChanges((change) => {
        if (!own.isOwn(change.byThisAddin)) listener(sheetChange(change));
      });
    },
  };
}

/**
 * 检查 in one visit: read the sheet, judge it with the core, and for a template find where its notes are
 * (only when it has any) and draw the plan. A sheet that is no template is only read.
 */
function checkSheet(host: WorkbookHost, catalog: Catalog, language: Language, sheetName: string | undefined): Promise<CheckSheetOutcome> {
  return host.flagSheet(sheetName, async (sheet): Promise<CheckSheetOutcome> => {
    const snapshot = await sheet.read();
    const name = snapshot.grid.name;
    const outcome = checkTemplate(snapshot.grid, catalog, language);
    if (outcome.kind === 'notTemplate') return { kind: 'notTemplate', sheetName: name, looksLikeTemplate: outcome.looksLikeTemplate, message: outcome.message };
    const notes = snapshot.notes.length > 0 ? await sheet.locateNotes() : [];
    const { plan, drawn } = planFlags({ check: outcome.check, catalog, capabilities: host.capabilities, notes, sheetProtected: snapshot.sheetProtected });
    const result = await sheet.draw(plan);
    return { kind: 'template', sheetName: name, check: outcome.check, drawn: withResult(drawn, result) };
  });
}

/** What was drawn, after what the host could not draw. */
function withResult(drawn: FlagDrawing, result: DrawResult | undefined): FlagDrawing {
  if (result?.notDrawn) return { ...drawn, notesAdded: 0, notesRemoved: 0, notesKept: 0, statusCellsFilled: 0, notDrawn: result.notDrawn };
  if (result?.notesFailed && result.notesFailed.length > 0) return { ...drawn, notesAdded: 0, notesRemoved: 0, notesFailed: result.notesFailed };
  return drawn;
}

/** What the port says of an insert: where the template went, nothing of how the host got it there. */
function insertedOnly(inserted: InsertedTemplate): InsertedTemplate {
  return { sheetName: inserted.sheetName, ...(inserted.replaced === undefined ? {} : { replaced: inserted.replaced }) };
}

/** A host's change as the views get it: who made it was settled already. */
function sheetChange(change: HostChange): SheetChange {
  return {
    sheetId: change.sheetId,
    ...(change.sheetName === undefined ? {} : { sheetName: change.sheetName }),
    address: change.address,
    source: change.source,
  };
}
