/// <reference types="office-js" />
import type { HostCapabilities } from '../workbook/workbook-host';

/** Which kind of annotation: a note (ExcelApi 1.18) or a threaded comment (1.10). */
export type NoteKind = 'note' | 'comment';

/** A note or a comment: the part of both APIs the flags use. */
export interface CellNote {
  readonly content: string;
  delete(): void;
  getLocation(): Excel.Range;
}

/** A note or comment as loaded, with its kind. */
export interface LoadedNote {
  readonly kind: NoteKind;
  readonly note: CellNote;
}

/**
 * The kinds of annotation the host lets the add-in see. Flags are written as notes where the host has them
 * (1.18), else as comments (1.10); but a workbook travels between Excels — Office 2021 (1.14) leaves
 * comments, Microsoft 365 notes — so where the host has both, both are read: the add-in's flags of the
 * other kind are removed, and a cell holding either kind is never given the other (Excel refuses it).
 */
export function visibleKinds(kind: HostCapabilities['notes']): readonly NoteKind[] {
  return kind === 'notes' ? ['note', 'comment'] : kind === 'comments' ? ['comment'] : [];
}

/**
 * Queues the load of the sheet's notes and comments (those the host has), people's and the add-in's alike
 * (which are which is decided above the adapter, src/workbook/flag-plan.ts); read the result after the sync.
 */
export function queueNotesLoad(sheet: Excel.Worksheet, kind: HostCapabilities['notes']): () => readonly LoadedNote[] {
  const loads = visibleKinds(kind).map((visible) => {
    const collection: Excel.NoteCollection | Excel.CommentCollection = visible === 'note' ? sheet.notes : sheet.comments;
    collection.load('items/content');
    return { kind: visible, collection };
  });
  return () => loads.flatMap(({ kind: visible, collection }) => collection.items.map((note): LoadedNote => ({ kind: visible, note })));
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
