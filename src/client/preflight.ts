/**
 * The pre-flight check of the Submit view, pure: a template sheet as read → the submission document the
 * endpoint will receive and the core's verdict on it (`checkSubmission`, the same function the server runs),
 * with every finding tied to the cell it is about, so the pane can list it and select the cell.
 */
import { entryPlace, type Catalog, type EntryPlace } from '../core/catalog/catalog';
import type { ReportCounts } from '../core/report/report-findings';
import { checkSubmission } from '../core/submission/check-submission';
import type { ClientInfo, SubmissionDocument } from '../contract/submission-document';
import { submissionFromTemplate } from '../contract/template-submission';
import { readTemplate, type SheetGrid, type TemplateRead } from '../core/template/read-template';
import { templateFindings, type TemplateFinding } from '../core/template/template-findings';

/** An entry the list names: the core's EntryPlace (indicator and township, both languages). */
export type Place = EntryPlace;

/** Something that blocks the submission: one line of the sheet (its error messages merged), or a problem of the sheet. */
export interface BlockingItem {
  /** The cell to select (A1), when the finding is about one. */
  readonly cell?: string;
  readonly places: readonly Place[];
  readonly zh: string;
  readonly en: string;
}

/** A line whose 说明 cell needs text before the submission is accepted, with every warning it answers. */
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
      /** The counts 检查 and `indicators check` show for this sheet (errors and notes above are as many). */
      readonly counts: ReportCounts;
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
  // the lists are the findings 检查 shows and `indicators check` prints, one per line: their lengths are the counts
  const { findings, counts } = templateFindings(read, check.report);
  const placesOf = (finding: TemplateFinding): Place[] => (finding.indicatorId === undefined ? [] : [entryPlace(catalog, finding.indicatorId, finding.unitId)]);

  const errors: BlockingItem[] = [];
  const notes: NoteItem[] = [];
  for (const finding of findings) {
    if (finding.category === 'error') {
      errors.push({ ...(finding.cell ? { cell: finding.cell } : {}), places: placesOf(finding), ...joined(finding.messages.filter((message) => message.severity === 'error')) });
      continue;
    }
    if (!finding.needsNote) continue;
    const cells = finding.entryIndex === undefined ? undefined : read.entries[finding.entryIndex]?.cells;
    const messages = finding.messages.filter((message) => message.severity === 'warning').map(({ zh, en }) => ({ zh, en }));
    if (!cells?.note) {
      // no 说明 cell to write into (cannot happen with a template read back: the column is required)
      errors.push({ places: placesOf(finding), ...joined(messages) });
      continue;
    }
    notes.push({ noteCell: cells.note, ...(cells.value ? { valueCell: cells.value } : {}), places: placesOf(finding), messages });
  }

  const hints = read.problems
    .filter((item) => item.severity !== 'error')
    .map((problem) => ({ ...(problem.cell ? { cell: problem.cell } : {}), places: problem.indicatorId ? [entryPlace(catalog, problem.indicatorId, problem.unitId)] : [], zh: problem.zh, en: problem.en }));

  return { kind: 'ready', read, document, errors, notes, hints, counts, acceptable: check.acceptable && errors.length === 0 && notes.length === 0 };
}

/** Several messages of one line as one text. */
function joined(messages: readonly { zh: string; en: string }[]): { zh: string; en: string } {
  return { zh: messages.map((message) => message.zh).join('；'), en: messages.map((message) => message.en).join('; ') };
}
