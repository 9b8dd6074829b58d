import type { RawCell } from '../core/parse/cell-value';
import type { TemplateRead } from '../core/template/read-template';
import { flagCellFor } from '../core/template/template-flags';
import type { SubmissionFinding } from '../core/submission/check-submission';
import type { ClientInfo, RawValue, SubmissionDocument } from '../contract/submission-document';

/**
 * The submission document of a template read back: plan, year and versions from its metadata, every row's
 * raw inputs and note, the 填报人 footer. The organisation is the sender's (the server takes the token's).
 * Used for .xlsx uploads and by the add-in, so both send the same document for the same sheet.
 */
export function submissionFromTemplate(read: TemplateRead, organisationId: string, client?: ClientInfo): SubmissionDocument {
  const { footer } = read;
  return {
    plan: read.meta.plan,
    year: read.meta.year,
    organisationId,
    catalogVersion: read.meta.catalogVersion,
    templateVersion: read.meta.templateVersion,
    values: read.entries.map((entry) => ({
      indicatorId: entry.indicatorId,
      ...(entry.unitId === undefined ? {} : { unitId: entry.unitId }),
      value: jsonRaw(entry.value),
      ...(entry.note == null || entry.note === '' ? {} : { note: entry.note }),
      ...(entry.previous === undefined ? {} : { previous: jsonRaw(entry.previous) }),
      ...(entry.baseline === undefined ? {} : { baseline: jsonRaw(entry.baseline) }),
      ...(entry.other === undefined ? {} : { other: jsonRaw(entry.other) }),
    })),
    ...(footer.reporter || footer.phone || footer.date
      ? { reporter: { ...(footer.reporter ? { name: footer.reporter } : {}), ...(footer.phone ? { phone: footer.phone } : {}), ...(footer.date ? { date: footer.date } : {}) } }
      : {}),
    ...(client ? { client } : {}),
  };
}

/** A cell as JSON: a date becomes its ISO text (the engine then explains why it is not a value). */
function jsonRaw(value: RawCell): RawValue {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** The cell of a template read back that a finding is about: where the sheet's own flags put it. */
export function findingCell(read: TemplateRead, finding: Pick<SubmissionFinding, 'entryIndex' | 'field'>): string | undefined {
  const entry = finding.entryIndex === undefined ? undefined : read.entries[finding.entryIndex];
  return entry ? flagCellFor(entry.cells, finding.field) : undefined;
}
