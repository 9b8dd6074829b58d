/// <reference types="office-js" />
import type { HostCapabilities } from '../workbook/workbook-host';

/** A note or a comment: the part of both APIs the flags use. */
export interface CellNote {
  readonly content: string;
  delete(): void;
  getLocation(): Excel.Range;
}

/**
 * Queues the load of the sheet's notes (1.18) or comments (1.10), people's and the add-in's alike (which are
 * which is decided above the adapter, src/workbook/flag-plan.ts); read the result after the sync.
 */
export function queueNotesLoad(sheet: Excel.Worksheet, kind: HostCapabilities['notes']): () => readonly CellNote[] {
  if (kind === null) return () => [];
  const collection: Excel.NoteCollection | Excel.CommentCollection = kind === 'notes' ? sheet.notes : sheet.comments;
  collection.load('items/content');
  return () => collection.items;
}

/** Adds a note (or comment) with this content to one cell. */
export function addNote(sheet: Excel.Worksheet, kind: HostCapabilities['notes'], address: string, content: string): void {
  const cell = sheet.getRange(address);
  if (kind === 'notes') sheet.notes.add(cell, content);
  else if (kind === 'comments') sheet.comments.add(cell, content);
}

/** "K7" from "'Sheet 1'!$K$7". */
export function bareAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').split(':')[0] as string;
}
