/**
 * The pre-flight check of the Submit view, pure: a template sheet as read → the submission document the
 * endpoint will receive and the core's verdict on it (`checkSubmission`, the same function the server runs),
 * with every finding tied to the cell it is about, so the pane can list it and select the cell.
 */
import { entryPlace, type Catalog, type EntryPlace } from '../core/catalog/catalog';
import { checkSubmission, type SubmissionFinding } from '../core/submission/check-submission';
import type { ClientInfo, SubmissionDocument } from '../contract/submission-document';
import { findingCell, submissionFromTemplate } from '../contract/template-submission';
import { readTemplate, type EntryCells, type SheetGrid, type TemplateRead } from '../core/template/read-template';

/** An entry as people know it: indicator (id and name) and, for per-unit indicators, the township or body. */
/** An entry the list names: the core's EntryPlace (indicator and township, both languages). */
export type Place = EntryPlace;

/** Something that blocks the submission. */
export interface BlockingItem {
  /** The cell to select (A1), when the finding is about one. */
  readonly cell?: string;
  readonly places: readonly Place[];
  readonly zh: string;
  readonly en: string;
}

/** A 说明 cell that needs text before the submission is accepted, with every warning it answers. */
export interface NoteItem {
  /** The 说明 cell (A1) the note is written into. */
  readonly noteCell: string;
  /** The cell of the value the warning is about (to select it). */
  readonly valueCell?: string;
  readonly places: readonly Place[];
  readonly messages: readonly { zh: string; en: string }[];
}

export type PreflightOutcome =
  | { readonly kind: 'notTemplate'; readonly zh: string; readonly en: string }
  /** The all-indicator template: no organisation to submit for. */
  | { readonly kind: 'noOrganisation'; readonly read: TemplateRead }
  | {
      readonly kind: 'ready';
      readonly read: TemplateRead;
      readonly document: SubmissionDocument;
      readonly errors: readonly BlockingItem[];
      readonly notes: readonly NoteItem[];
      /** Reading problems that do not block (a percent-formatted value, an older catalog version …). */
      readonly hints: readonly BlockingItem[];
      /** Nothing blocks: no error, no warning without a note. */
      readonly acceptable: boolean;
    };

/** Reads the grid as a template, builds the document of `organisationId` from the sheet's metadata, checks it. */
export function preflight(grid: SheetGrid, catalog: Catalog, client?: ClientInfo): PreflightOutcome {
  const outcome = readTemplate(grid, catalog);
  if (outcome.kind === 'notTemplate') return { kind: 'notTemplate', zh: outcome.message.zh, en: outcome.message.en };
  const { read } = outcome;
  const organisationId = read.meta.organisationId;
  if (organisationId === undefined) return { kind: 'noOrganisation', read };

  const document = submissionFromTemplate(read, organisationId, client);
  const check = checkSubmission(catalog, document);
  const placesOf = (finding: Pick<SubmissionFinding, 'indicatorId' | 'unitId'>): Place[] =>
    (finding.indicatorId ?? '')
      .split('/')
      .filter((id) => id !== '')
      .map((id) => entryPlace(catalog, id, finding.unitId));
  const cellsOf = (finding: SubmissionFinding): EntryCells | undefined => (finding.entryIndex === undefined ? undefined : read.entries[finding.entryIndex]?.cells);

  const errors: BlockingItem[] = [];
  for (const problem of read.problems.filter((item) => item.severity === 'error')) {
    errors.push({ ...(problem.cell ? { cell: problem.cell } : {}), places: problem.indicatorId ? [entryPlace(catalog, problem.indicatorId, problem.unitId)] : [], zh: problem.zh, en: problem.en });
  }
  for (const finding of check.errors) {
    const cell = findingCell(read, finding);
    errors.push({ ...(cell ? { cell } : {}), places: placesOf(finding), ...messageOf(finding) });
  }

  const notes = new Map<string, { noteCell: string; valueCell?: string; places: Place[]; messages: { zh: string; en: string }[] }>();
  for (const finding of check.notesRequired) {
    const cells = cellsOf(finding);
    const noteCell = cells?.note;
    const places = placesOf(finding);
    const message = messageOf(finding);
    if (!noteCell) {
      // no 说明 cell to write into (cannot happen with a template read back: the column is required)
      errors.push({ places, ...message });
      continue;
    }
    const item = notes.get(noteCell);
    if (item) item.messages.push(message);
    else notes.set(noteCell, { noteCell, ...(cells?.value ? { valueCell: cells.value } : {}), places, messages: [message] });
  }

  const hints = read.problems
    .filter((item) => item.severity !== 'error')
    .map((problem) => ({ ...(problem.cell ? { cell: problem.cell } : {}), places: problem.indicatorId ? [entryPlace(catalog, problem.indicatorId, problem.unitId)] : [], zh: problem.zh, en: problem.en }));

  return { kind: 'ready', read, document, errors, notes: [...notes.values()], hints, acceptable: errors.length === 0 && notes.size === 0 };
}


/** The finding's message without its place: the pane shows the indicator and township on their own line. */
function messageOf(finding: SubmissionFinding): { zh: string; en: string } {
  return finding.detail ?? { zh: finding.message, en: finding.messageEn };
}
