/**
 * What 检查 draws into a sheet, decided without a host: which cells get which fill and font, which notes
 * are added, kept or removed. The same decisions for every spreadsheet; an adapter only applies the plan
 * (WorkbookHost.flagSheet → FlaggingVisit.draw).
 */
import type { Catalog } from '../core/catalog/catalog';
import { parseCellAddress } from '../core/template/cell-address';
import type { TemplateCheck } from '../core/template/check-template';
import type { ReadEntry } from '../core/template/read-template';
import { CELL_STYLES, FLAG_COLOURS } from '../core/template/template-model';
import { lineInputs } from '../core/template/template-rows';
import { cellKey, cellRuns, rectangleAddress } from './rectangles';
import type { FlagPlan, HostCapabilities, LocatedNote, RangeColour } from './workbook-host';
import type { FlagDrawing } from './workbook-port';

/** Every note (or comment) the add-in writes starts with this, so a re-check can find and remove its own. */
export const FLAG_NOTE_PREFIX = '【检查】';

/** Whether a note is the add-in's own (written by an earlier check), not a person's. */
export function isFlagNote(content: string): boolean {
  return content.startsWith(FLAG_NOTE_PREFIX);
}

/** What the plan is made from: the core's verdict on the sheet, and the sheet's state as the host read it. */
export interface FlagPlanInput {
  readonly check: TemplateCheck;
  readonly catalog: Catalog;
  readonly capabilities: Pick<HostCapabilities, 'conditionalFormats' | 'notes'>;
  /** The sheet's notes with their cells (people's and the add-in's); none when the host has no notes. */
  readonly notes: readonly LocatedNote[];
  readonly sheetProtected: boolean;
}

/** The plan for the host, and the same as counts for the task pane. */
export interface PlannedFlags {
  readonly plan: FlagPlan;
  readonly drawn: FlagDrawing;
}

const WHITE = CELL_STYLES.input.fill;
const UNUSED = CELL_STYLES.unused.fill;
const GREY = CELL_STYLES.cell.fill;
const STATUS = CELL_STYLES.status.fill;
const DEFAULT_FONT = '#000000';

/**
 * Plans the drawing of a check: the default fills of every entry row read are repainted (so old flags
 * disappear without remembering them), each flagged cell is filled by kind (invalid amber, miss red, other
 * warnings orange) and gets a note with its messages, unless a person's own note is there (never replaced);
 * the add-in's earlier notes that still say the same stay, those that no longer apply go; without
 * conditional formats the status cells are filled directly. A protected sheet is drawn unprotected.
 */
export function planFlags(input: FlagPlanInput): PlannedFlags {
  const { check, capabilities } = input;
  const directStatus = !capabilities.conditionalFormats;
  const { fills, fonts } = plannedColours(check, input.catalog, directStatus);
  const notes = capabilities.notes === null ? notesWithoutNoteSupport(input.notes) : plannedNotes(check, input.notes, capabilities.notes === 'notes' ? 'note' : 'comment');
  return {
    plan: { unprotect: input.sheetProtected, fills, fonts, removeNotes: notes.remove, addNotes: notes.add },
    drawn: {
      flaggedCells: check.flags.flags.length,
      notesAdded: notes.add.length,
      notesRemoved: notes.remove.length,
      notesKept: notes.kept,
      notesSkipped: notes.skipped,
      statusCellsFilled: directStatus ? check.flags.statusCells.length : 0,
    },
  };
}

/** The final fill (and, for directly filled status cells, font) of every cell drawn, as vertical runs. */
function plannedColours(check: TemplateCheck, catalog: Catalog, directStatus: boolean): { fills: RangeColour[]; fonts: RangeColour[] } {
  const fills = new Map<string, string>();
  const fonts = new Map<string, string>();
  const put = (map: Map<string, string>, address: string | undefined, colour: string) => {
    if (address === undefined) return;
    const { row, column } = parseCellAddress(address);
    map.set(cellKey(row, column), colour);
  };
  // the template's default first, then the flags on top (a later put wins)
  for (const entry of check.read.entries) repaintEntry(entry, catalog, (address, colour) => put(fills, address, colour));
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
  return { fills: asRanges(fills), fonts: asRanges(fonts) };
}

function asRanges(cells: ReadonlyMap<string, string>): RangeColour[] {
  return cellRuns(cells).map((run) => ({ address: rectangleAddress(run), colour: run.key }));
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

interface NoteDecisions {
  readonly add: LocatedNote[];
  readonly remove: string[];
  readonly kept: number;
  readonly skipped: string[];
}

/**
 * Per flagged cell: a person's note or comment there → skipped (never replaced, and Excel puts no note
 * beside a comment); the add-in's note saying the same, of the kind the host writes → kept; saying
 * something else, or of the other kind (a comment left by Office 2021 where Microsoft 365 writes notes) →
 * removed and written anew; none → added. The add-in's notes and comments on cells no longer flagged are
 * removed, of either kind.
 */
function plannedNotes(check: TemplateCheck, notes: readonly LocatedNote[], writes: 'note' | 'comment'): NoteDecisions {
  const ours = notes.filter((note) => isFlagNote(note.content));
  const others = notes.filter((note) => !isFlagNote(note.content));
  // one note per cell; were there two, a person's would count
  const at = new Map<string, LocatedNote>([...ours, ...others].map((note) => [note.address, note]));
  const add: LocatedNote[] = [];
  const remove: string[] = [];
  const skipped: string[] = [];
  const handled = new Set<LocatedNote>();
  let kept = 0;
  for (const flag of check.flags.flags) {
    const content = `${FLAG_NOTE_PREFIX}${flag.note}`;
    const there = at.get(flag.address);
    if (there && !isFlagNote(there.content)) {
      skipped.push(flag.address); // a person's own note: never replaced
      continue;
    }
    if (there) {
      handled.add(there);
      if (there.content === content && (there.kind === undefined || there.kind === writes)) {
        kept += 1;
        continue;
      }
      remove.push(there.address);
    }
    add.push({ address: flag.address, content });
  }
  for (const stale of ours.filter((note) => !handled.has(note))) remove.push(stale.address);
  return { add, remove, kept, skipped };
}

/** A host without notes: no note is added (the task pane lists the messages); stale ones of the add-in still go. */
function notesWithoutNoteSupport(notes: readonly LocatedNote[]): NoteDecisions {
  return { add: [], remove: notes.filter((note) => isFlagNote(note.content)).map((note) => note.address), kept: 0, skipped: [] };
}
