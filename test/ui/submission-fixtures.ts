import type { Receipt, SubmissionDetail } from '../../src/contract/api';
import type { SubmissionEvent } from '../../src/client/submission-review';

/** A receipt as the server sends it (version 3 of 妇联's children's report for 2025). */
export function receiptOf(overrides: Partial<Receipt> = {}): Receipt {
  return {
    submissionId: 'sub_7f3a',
    version: 3,
    plan: 'children',
    year: 2025,
    organisationId: 'fl',
    status: 'submitted',
    receivedAt: '2026-03-01T08:00:00.000Z',
    source: 'json',
    catalogVersion: '2026.1',
    templateVersion: 1,
    counts: { values: 15, met: 12, notMet: 0, notYetDue: 0, noData: 3, invalid: 0, notAssessable: 0, warnings: 1 },
    bodySha256: '0123456789abcdef'.repeat(4),
    ...overrides,
  };
}

/** One event of the audit trail. */
export function eventOf(action: SubmissionEvent['action'], version: number, at: string, comment: string | null = null): SubmissionEvent {
  const bureau = action === 'returned' || action === 'approved';
  return { action, version, at, tokenId: bureau ? 'tok_bureau' : 'tok_1', organisationId: bureau ? 'tjj' : 'fl', role: bureau ? 'bureau' : 'reporter', comment };
}

/** A submission with its history; `updatedAt` is the last upload, the bureau's decisions come later. */
export function detailOf(status: SubmissionDetail['status'], history: SubmissionEvent[], overrides: Partial<SubmissionDetail> = {}): SubmissionDetail {
  return {
    id: 'sub_7f3a',
    plan: 'children',
    year: 2025,
    organisationId: 'fl',
    status,
    currentVersion: 2,
    createdAt: '2026-02-20T08:00:00.000Z',
    updatedAt: '2026-02-25T08:00:00.000Z',
    versions: [],
    values: [],
    history,
    ...overrides,
  };
}
