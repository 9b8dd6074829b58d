/// <reference types="office-js" />
import type { WorkbookCapabilities } from './capabilities';

/** Every note (or comment) the add-in writes starts with this, so a re-check can find and remove its own. */
export const FLAG_NOTE_PREFIX = '【检查】';

/** A note or a comment: the part of both APIs the flags use. */
export interface CellNote {
  readonly content: string;
  delete(): void;
  getLocation(): Excel.Range;
}

/** The notes of a sheet once loaded: the add-in's own flags, and people's notes (never touched). */
export interface SheetNotes {
  readonly ours: readonly CellNote[];
  readonly others: readonly CellNote[];
}

/** Queues the load of the sheet's notes (1.18) or comments (1.10); read the result after the sync. */
export function queueNotesLoad(sheet: Excel.Worksheet, kind: WorkbookCapabilities['cellNotes']): () => SheetNotes {
  if (kind === 'none') return () => ({ ours: [], others: [] });
  const collection: Excel.NoteCollection | Excel.CommentCollection = kind === 'notes' ? sheet.notes : sheet.comments;
  collection.load('items/content');
  return () => {
    const items: readonly CellNote[] = collection.items;
    return {
      ours: items.filter((item) => isFlagNote(item.content)),
      others: items.filter((item) => !isFlagNote(item.content)),
    };
  };
}

/** Adds the add-in's note (or comment) with a flag's message to one cell. */
export function addFlagNote(sheet: Excel.Worksheet, kind: WorkbookCapabilities['cellNotes'], address: string, text: string): void {
  const cell = sheet.getRange(address);
  const content = `${FLAG_NOTE_PREFIX}${text}`;
  if (kind === 'notes') sheet.notes.add(cell, content);
  else if (kind === 'comments') sheet.comments.add(cell, content);
}

function isFlagNote(content: unknown): boolean {
  return typeof content === 'string' && content.startsWith(FLAG_NOTE_PREFIX);
}

/** "K7" from "'Sheet 1'!$K$7". */
export function bareAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').split(':')[0] as string;
}
