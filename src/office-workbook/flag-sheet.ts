/// <reference types="office-js" />
import type { FlagPlan, FlaggingVisit, HostCapabilities, LocatedNote } from '../workbook/workbook-host';
import { detectCapabilities } from './capabilities';
import { addNote, bareAddress, type CellNote } from './cell-notes';
import type { ExcelHost } from './excel-host';
import { loadSheet, snapshotOf, type LoadedSheet } from './read-sheet';
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
 * "检查工作表失败…" (a missing sheet by its name).
 */
export async function flagSheet<T>(host: ExcelHost, sheetName: string | undefined, visit: (sheet: FlaggingVisit) => Promise<T>, options: FlagSheetOptions = {}): Promise<T> {
  const capabilities = detectCapabilities(host);
  const budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  try {
    return await host.run((context) => visit(excelVisit(context, capabilities, sheetName, budget)));
  } catch (error) {
    throw asWorkbookError(error, { zh: '检查工作表', en: 'Checking the sheet' });
  }
}

/** The visit's three steps over one request context. */
function excelVisit(context: Excel.RequestContext, capabilities: HostCapabilities, sheetName: string | undefined, budget: number): FlaggingVisit {
  let loaded: LoadedSheet | undefined;
  let located: ReadonlyMap<string, CellNote> = new Map();
  const sheetRead = (): LoadedSheet => {
    if (!loaded) throw new Error('FlaggingVisit: read() the sheet first');
    return loaded;
  };
  return {
    read: async () => {
      loaded = await loadSheet(context, capabilities, sheetName);
      return snapshotOf(loaded);
    },
    locateNotes: async () => {
      const found = await locateNotes(context, sheetRead().notes);
      located = new Map(found.map(({ note, address }) => [address, note]));
      return found.map(({ note, address }): LocatedNote => ({ address, content: note.content }));
    },
    draw: async (plan) => {
      await drawPlan(sheetRead(), capabilities, located, plan, budget).send(context);
    },
  };
}

/** Where each note is: one sync for all of them (none when there are none). */
async function locateNotes(context: Excel.RequestContext, notes: readonly CellNote[]): Promise<{ note: CellNote; address: string }[]> {
  if (notes.length === 0) return [];
  const locations = notes.map((note) => {
    const location = note.getLocation();
    location.load('address');
    return location;
  });
  await context.sync();
  return notes.map((note, index) => ({ note, address: bareAddress((locations[index] as Excel.Range).address) }));
}

/**
 * Queues a flag plan: fills and fonts by rectangle, the notes removed (the objects located) and added, all
 * between an unprotect and a protect with the options the sheet had when the plan asks for it.
 */
function drawPlan(loaded: LoadedSheet, capabilities: HostCapabilities, located: ReadonlyMap<string, CellNote>, plan: FlagPlan, budget: number): WritePlan {
  const writes = new WritePlan(budget);
  const { sheet } = loaded;
  const protection = plan.unprotect && loaded.protection?.protected ? loaded.protection.options : undefined;
  if (protection) writes.add(['unprotect'], 1, () => sheet.protection.unprotect());
  for (const { address, colour } of plan.fills) writes.add([address, colour], 3, () => void (sheet.getRange(address).format.fill.color = colour));
  for (const { address, colour } of plan.fonts) writes.add([address, colour], 3, () => void (sheet.getRange(address).format.font.color = colour));
  for (const address of plan.removeNotes) {
    const note = located.get(address);
    // the plan removes only notes the visit located; one that is not there has nothing to remove
    if (note) writes.add(['delete'], 1, () => note.delete());
  }
  for (const { address, content } of plan.addNotes) writes.add([address, content], 2, () => addNote(sheet, capabilities.notes, address, content));
  if (protection) writes.add([protection], 1, () => sheet.protection.protect(protection));
  return writes;
}
