import type { Receipt, SubmissionSummary, ValueCounts } from '../../contract/api';
import type { PlanId } from '../../core/catalog/indicator-schema';
import type { SubmissionRow, SubmissionVersionRow } from '../db/database';

/** A submission row as the API lists it. */
export function summaryOf(row: SubmissionRow): SubmissionSummary {
  return {
    id: row.id,
    plan: row.plan as PlanId,
    year: Number(row.year),
    organisationId: row.organisation_id,
    status: row.status,
    currentVersion: Number(row.current_version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The receipt of a stored version. */
export function receiptOf(submission: SubmissionRow, version: Omit<SubmissionVersionRow, 'body' | 'stored_bytes'>): Receipt {
  return {
    submissionId: submission.id,
    version: Number(version.version),
    plan: submission.plan as PlanId,
    year: Number(submission.year),
    organisationId: submission.organisation_id,
    status: submission.status,
    receivedAt: version.received_at,
    source: version.source,
    catalogVersion: version.catalog_version,
    templateVersion: Number(version.template_version),
    counts: JSON.parse(version.counts) as ValueCounts,
    bodySha256: version.body_sha256,
  };
}
