/// <reference types="office-js" />
import type { DrawResult, FlagPlan, FlaggingVisit, HostCapabilities, LocatedNote } from '../workbook/workbook-host';
import { detectCapabilities } from './capabilities';
import { addNote, bareAddress, type LoadedNote } from './cell-notes';
import { runBatch, type ExcelHost } from './excel-host';
import { hasNullObjects, loadSheet, snapshotOf, type LoadedSheet } from './read-sheet';
import { asWorkbookError } from './workbook-error';
import { DEFAULT_PAYLOAD_BUDGET, WritePlan } from './write-plan';

/** How 检查 talks to Excel. */
export interface FlagSheetOptions {
  /** Payload budget per sync in bytes (default 2 MB); tests lower it to force split writes. */
  readonly payloadBudget?: number;
}

/**
 * 检查's visit to the active (or named) sheet, in ONE Excel.run: `visit` reads the sheet (one sync), finds
 * where its notes are when it must (one more sync, only when there are notes) and draws a flag plan (one
 * sync; more only past the payload budget). One request context throughout, so the notes loaded by the read
 * are the objects the drawing deletes, and the protection options read are the ones put back. Failures say
 * "检查工作表失败…" (a missing sheet by its name). A drawing that fails never leaves the sheet unprotected
 * (see `recoverDrawing`).
 */
export async function flagSheet<T>(host: ExcelHost, sheetName: string | undefined, visit: (sheet: FlaggingVisit) => Promise<T>, options: FlagSheetOptions = {}): Promise<T> {
  const capabilities = detectCapabilities(host);
  const budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  try {
    return await runBatch(host, (context) => visit(excelVisit(context, capabilities, sheetName, budget, hasNullObjects(host))));
  } catch (error) {
    throw asWorkbookError(error, { zh: '检查工作表', en: 'Checking the sheet' });
  }
}

/** The visit's three steps over one request context. */
function excelVisit(context: Excel.RequestContext, capabilities: HostCapabilities, sheetName: string | undefined, budget: number, nullObjects: boolean): FlaggingVisit {
  let loaded: LoadedSheet | undefined;
  let located: ReadonlyMap<string, LoadedNote> = new Map();
  const sheetRead = (): LoadedSheet => {
    if (!loaded) throw new Error('FlaggingVisit: read() the sheet first');
    return loaded;
  };
  return {
    read: async () => {
      loaded = await loadSheet(context, capabilities, sheetName, nullObjects);
      return snapshotOf(loaded);
    },
    locateNotes: async () => {
      const found = await locateNotes(context, sheetRead().notes);
      // one annotation per cell (Excel keeps a note and a comment apart)
      located = new Map(found.map((entry) => [entry.address, entry.loaded]));
      return found.map(({ loaded: { kind, note }, address }): LocatedNote => ({ address, content: note.content, kind }));
    },
    draw: async (plan) => {
      const sheet = sheetRead();
      try {
        await drawPlan(sheet, capabilities, located, plan, budget).send(context);
        return {};
      } catch (error) {
        return recoverDrawing(context, sheet, plan, budget, error);
      }
    },
  };
}

/** Where each note and comment is: one sync for all of them (none when there are none). */
async function locateNotes(context: Excel.RequestContext, notes: readonly LoadedNote[]): Promise<{ loaded: LoadedNote; address: string }[]> {
  if (notes.length === 0) return [];
  const locations = notes.map(({ note }) => {
    const location = note.getLocation();
    location.load('address');
    return location;
  });
  await context.sync();
  return notes.map((loaded, index) => ({ loaded, address: bareAddress((locations[index] as Excel.Range).address) }));
}

/**
 * A drawing failed part-way: Excel applies a batch's actions in order and stops at the one that fails, so
 * the sheet may be left unprotected by the `unprotect()` at the start. Never left so (a constant number of
 * extra syncs, only on failure):
 *
 * 1. one sync reads whether the sheet is still protected. If it is, the `unprotect()` itself failed —
 *    a person protected the sheet again with a password — and nothing was drawn: the check's findings stand,
 *    with a message saying how to let the add-in draw (DrawResult.notDrawn).
 * 2. else one sync draws the colours again (fills and fonts are idempotent) without adding or removing any
 *    note, and re-protects with the options read. The usual cause is a flag added where the cell already has
 *    the other kind of annotation: on Office 2021 (comments, ExcelApi 1.14) a note left by Microsoft 365 is
 *    invisible to the add-in, and Excel refuses a comment beside it. Those flags stay in the task pane only
 *    (DrawResult.notesFailed).
 * 3. if that fails too, two more syncs re-protect (when the sheet is not protected), and the first failure is
 *    reported.
 */
async function recoverDrawing(context: Excel.RequestContext, loaded: LoadedSheet, plan: FlagPlan, budget: number, failure: unknown): Promise<DrawResult> {
  const { sheet } = loaded;
  const options = plan.unprotect && loaded.protection?.protected ? loaded.protection.options : undefined;
  if (options) {
    const protection = sheet.protection;
    protection.load('protected');
    await context.sync();
    if (protection.protected) {
      return {
        notDrawn: {
          zh: `工作表“${loaded.grid.name}”设置了保护密码，加载项无法在表中标出问题（颜色和【检查】批注）。下方列表照常列出全部问题；如需在表中标出，请在“审阅 › 撤消工作表保护”中输入密码后重新检查。加载项保护工作表时不设密码。`,
          en: `Sheet "${loaded.grid.name}" is protected with a password, so the add-in cannot mark the problems in it (colours and 【检查】 notes). The list below shows every problem; to have them marked, unprotect the sheet (Review › Unprotect Sheet, with the password) and check again. The add-in protects sheets without a password.`,
        },
      };
    }
  }
  const colours = new WritePlan(budget);
  for (const { address, colour } of plan.fills) colours.add([address, colour], 3, () => void (sheet.getRange(address).format.fill.color = colour));
  for (const { address, colour } of plan.fonts) colours.add([address, colour], 3, () => void (sheet.getRange(address).format.font.color = colour));
  if (options) colours.add([options], 1, () => sheet.protection.protect(options));
  try {
    await colours.send(context);
  } catch {
    if (options) await reprotect(context, sheet, options);
    throw failure;
  }
  return plan.addNotes.length > 0 ? { notesFailed: plan.addNotes.map((note) => note.address) } : {};
}

/** Puts the protection back where it was lifted: one sync; a sheet protected already is left as it is. */
async function reprotect(context: Excel.RequestContext, sheet: Excel.Worksheet, options: Excel.WorksheetProtectionOptions): Promise<void> {
  const protection = sheet.protection;
  protection.load('protected');
  await context.sync();
  if (protection.protected) return;
  protection.protect(options);
  await context.sync();
}

/**
 * Queues a flag plan: fills and fonts by rectangle, the notes removed (the objects located) and added, all
 * between an unprotect and a protect with the options the sheet had when the plan asks for it.
 */
function drawPlan(loaded: LoadedSheet, capabilities: HostCapabilities, located: ReadonlyMap<string, LoadedNote>, plan: FlagPlan, budget: number): WritePlan {
  const writes = new WritePlan(budget);
  const { sheet } = loaded;
  const protection = plan.unprotect && loaded.protection?.protected ? loaded.protection.options : undefined;
  if (protection) writes.add(['unprotect'], 1, () => sheet.protection.unprotect());
  for (const { address, colour } of plan.fills) writes.add([address, colour], 3, () => void (sheet.getRange(address).format.fill.color = colour));
  for (const { address, colour } of plan.fonts) writes.add([address, colour], 3, () => void (sheet.getRange(address).format.font.color = colour));
  for (const address of plan.removeNotes) {
    const found = located.get(address);
    // the plan removes only notes the visit located; one that is not there has nothing to remove
    if (found) writes.add(['delete'], 1, () => found.note.delete());
  }
  for (const { address, content } of plan.addNotes) writes.add([address, content], 2, () => addNote(sheet, capabilities.notes, address, content));
  if (protection) writes.add([protection], 1, () => sheet.protection.protect(protection));
  return writes;
}
