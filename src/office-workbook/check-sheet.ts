/// <reference types="office-js" />
import type { Catalog } from '../core/catalog/catalog';
import type { Language, Message } from '../core/i18n/message';
import { parseCellAddress } from '../core/template/cell-address';
import { checkTemplate, type TemplateCheck } from '../core/template/check-template';
import type { ReadEntry } from '../core/template/read-template';
import { CELL_STYLES, FLAG_COLOURS } from '../core/template/template-model';
import { lineInputs } from '../core/template/template-rows';
import { detectCapabilities, type WorkbookCapabilities } from './capabilities';
import { FLAG_NOTE_PREFIX, addFlagNote, bareAddress, type CellNote } from './cell-notes';
import type { ExcelHost } from './excel-host';
import { loadSheet, type LoadedSheet } from './read-sheet';
import { cellKey, cellRuns, rectangleAddress } from './rectangles';
import { asWorkbookError } from './workbook-error';
import { DEFAULT_PAYLOAD_BUDGET, WritePlan } from './write-plan';

/** How to check a sheet. */
export interface CheckSheetOptions {
  /** The sheet to check; default: the active sheet. */
  readonly sheetName?: string;
  /** The language of the notes written into the sheet (default zh-CN). */
  readonly language?: Language;
  /** Payload budget per sync in bytes (default 2 MB). */
  readonly payloadBudget?: number;
}

/** What was drawn into the sheet. */
export interface FlagDrawing {
  readonly flaggedCells: number;
  readonly notesAdded: number;
  readonly notesRemoved: number;
  /** The add-in's notes from the last check that still say the same on the same cell: left as they are. */
  readonly notesKept: number;
  /** Flagged cells that already carry a person's own note or comment, left untouched (the task pane lists the message). */
  readonly notesSkipped: readonly string[];
  /** Status cells filled directly (hosts without conditional formats). */
  readonly statusCellsFilled: number;
}

/** The outcome of 检查 on one sheet, for the task pane to list. */
export type CheckSheetOutcome =
  | { readonly kind: 'template'; readonly sheetName: string; readonly check: TemplateCheck; readonly drawn: FlagDrawing; readonly syncs: number }
  | { readonly kind: 'notTemplate'; readonly sheetName: string; readonly looksLikeTemplate: boolean; readonly message: Message; readonly syncs: number };

const WHITE = CELL_STYLES.input.fill;
const UNUSED = CELL_STYLES.unused.fill;
const GREY = CELL_STYLES.cell.fill;
const STATUS = CELL_STYLES.status.fill;
const DEFAULT_FONT = '#000000';

/**
 * Validates and flags a template sheet: reads it (one sync), runs the engine (`checkTemplate`), then draws
 * the result (one more sync): the default fills of every entry row are repainted (so old flags disappear
 * without remembering them), each flagged cell is filled by kind and gets a note with its messages, the
 * add-in's earlier notes that no longer apply are removed, and — without conditional formats — the status
 * cells are filled directly. A protected sheet is unprotected and protected again with the same options in
 * the same batch. When the sheet already has notes, one more sync finds where they are, so a flag never
 * lands on (or replaces) a person's note and an unchanged flag's note is not rewritten.
 */
export async function checkSheet(host: ExcelHost, catalog: Catalog, options: CheckSheetOptions = {}): Promise<CheckSheetOutcome> {
  const capabilities = detectCapabilities(host);
  try {
    return await host.run(async (context) => {
      const loaded = await loadSheet(context, capabilities, options.sheetName);
      let syncs = 1;
      const sheetName = loaded.grid.name;
      const outcome = checkTemplate(loaded.grid, catalog, options.language ?? 'zh-CN');
      if (outcome.kind === 'notTemplate') return { ...outcome, sheetName, syncs };
      const check = outcome.check;

      const existing = [...loaded.notes.ours.map((note) => ({ note, ours: true })), ...loaded.notes.others.map((note) => ({ note, ours: false }))];
      const notesAt = new Map<string, { note: CellNote; ours: boolean }>();
      if (existing.length > 0) {
        const locations = existing.map(({ note }) => {
          const location = note.getLocation();
          location.load('address');
          return location;
        });
        await context.sync();
        syncs += 1;
        locations.forEach((location, index) => notesAt.set(bareAddress(location.address), existing[index] as { note: CellNote; ours: boolean }));
      }

      const plan = new WritePlan(options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET);
      const drawn = drawFlags(loaded, check, catalog, capabilities, notesAt, plan);
      syncs += await plan.send(context);
      return { kind: 'template' as const, sheetName, check, drawn, syncs };
    });
  } catch (error) {
    throw asWorkbookError(error, { zh: '检查工作表', en: 'Checking the sheet' });
  }
}

function drawFlags(
  loaded: LoadedSheet,
  check: TemplateCheck,
  catalog: Catalog,
  capabilities: WorkbookCapabilities,
  notesAt: ReadonlyMap<string, { note: CellNote; ours: boolean }>,
  plan: WritePlan,
): FlagDrawing {
  const { sheet } = loaded;
  const protection = loaded.protection?.protected ? loaded.protection.options : undefined;
  if (protection) plan.add(['unprotect'], 1, () => sheet.protection.unprotect());

  // the final fill of every cell drawn: the template's default first, then the flags on top
  const fills = new Map<string, string>();
  const fonts = new Map<string, string>();
  const put = (map: Map<string, string>, address: string | undefined, colour: string) => {
    if (address === undefined) return;
    const { row, column } = parseCellAddress(address);
    map.set(cellKey(row, column), colour);
  };
  for (const entry of check.read.entries) repaintEntry(entry, catalog, (address, colour) => put(fills, address, colour));
  const directStatus = !capabilities.conditionalFormats;
  if (directStatus) {
    for (const entry of check.read.entries) {
      put(fills, entry.cells.status, STATUS);
      put(fonts, entry.cells.status, DEFAULT_FONT);
    }
    for (const status of check.flags.statusCells) {
      put(fills, status.address, FLAG_COLOURS[status.kind].fill);
      put(fonts, status.address, FLAG_COLOURS[status.kind].font);
    }
  }
  for (const flag of check.flags.flags) put(fills, flag.address, FLAG_COLOURS[flag.kind].fill);

  for (const run of cellRuns(fills)) {
    const address = rectangleAddress(run);
    plan.add([address, run.key], 3, () => void (sheet.getRange(address).format.fill.color = run.key));
  }
  for (const run of cellRuns(fonts)) {
    const address = rectangleAddress(run);
    plan.add([address, run.key], 3, () => void (sheet.getRange(address).format.font.color = run.key));
  }

  const skipped: string[] = [];
  const handled = new Set<CellNote>();
  let added = 0;
  let kept = 0;
  let replaced = 0;
  if (capabilities.cellNotes !== 'none') {
    for (const flag of check.flags.flags) {
      const there = notesAt.get(flag.address);
      if (there && !there.ours) {
        skipped.push(flag.address); // a person's own note: never replaced
        continue;
      }
      if (there) {
        handled.add(there.note);
        if (there.note.content === `${FLAG_NOTE_PREFIX}${flag.note}`) {
          kept += 1;
          continue;
        }
        replaced += 1;
        const old = there.note;
        plan.add(['delete'], 1, () => old.delete());
      }
      added += 1;
      plan.add([flag.address, flag.note], 2, () => addFlagNote(sheet, capabilities.cellNotes, flag.address, flag.note));
    }
  }
  const stale = loaded.notes.ours.filter((note) => !handled.has(note));
  for (const note of stale) plan.add(['delete'], 1, () => note.delete());

  if (protection) plan.add([protection], 1, () => sheet.protection.protect(protection));
  return {
    flaggedCells: check.flags.flags.length,
    notesAdded: added,
    notesRemoved: stale.length + replaced,
    notesKept: kept,
    notesSkipped: skipped,
    statusCellsFilled: directStatus ? check.flags.statusCells.length : 0,
  };
}

/** The template's own fills of an entry row's checked cells (what a fresh template has there). */
function repaintEntry(entry: ReadEntry, catalog: Catalog, paint: (address: string | undefined, colour: string) => void): void {
  const indicator = catalog.indicators.get(entry.indicatorId);
  const inputs = indicator ? lineInputs(indicator) : { previous: false, baseline: false, other: false };
  paint(entry.cells.id, GREY);
  paint(entry.cells.unitName, GREY);
  paint(entry.cells.value, WHITE);
  paint(entry.cells.note, WHITE);
  paint(entry.cells.previous, inputs.previous ? WHITE : UNUSED);
  paint(entry.cells.baseline, inputs.baseline ? WHITE : UNUSED);
  paint(entry.cells.other, inputs.other ? WHITE : UNUSED);
}
