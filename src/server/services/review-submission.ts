import type { Kysely } from 'kysely';
import type { SubmissionSummary } from '../../contract/api';
import type { SubmissionStatus } from '../../contract/submission-document';
import type { AuthContext } from '../auth-context';
import type { Database } from '../db/database';
import { ApiError } from '../errors';
import { recordAuditEvent } from '../repositories/audit';
import { findSubmission, updateSubmission } from '../repositories/submissions';
import { summaryOf } from './receipts';

/** A review decision of the statistics bureau. */
export type ReviewAction = 'approve' | 'return' | 'reopen';

const RULES: Record<ReviewAction, { from: SubmissionStatus; to: SubmissionStatus; audit: 'approved' | 'returned' | 'reopened'; refused: (status: SubmissionStatus) => string }> = {
  approve: { from: 'submitted', to: 'approved', audit: 'approved', refused: (status) => (status === 'approved' ? '该报表已审核通过。' : '该报表已退回，须等填报单位重新提交后才能审核。') },
  return: { from: 'submitted', to: 'returned', audit: 'returned', refused: (status) => (status === 'approved' ? '该报表已审核通过并锁定：请先重新打开，再退回。' : '该报表已退回，正在等待填报单位重新提交。') },
  reopen: { from: 'approved', to: 'submitted', audit: 'reopened', refused: () => '只有已审核通过（锁定）的报表才能重新打开。' },
};

/**
 * Approves, returns (退回, with a comment) or reopens a submission, in one transaction with its audit event.
 * `version`, when given, must be the current one: the bureau approves what it has read, not a newer version.
 */
export async function reviewSubmission(
  db: Kysely<Database>,
  auth: AuthContext,
  id: string,
  action: ReviewAction,
  input: { comment?: string; version?: number },
  now = () => new Date(),
): Promise<SubmissionSummary> {
  if (auth.role !== 'bureau') {
    throw new ApiError(403, 'auth.bureauOnly', '只有统计局（角色 bureau）的令牌可以审核、退回或重新打开报表。', 'Only bureau tokens can review submissions.');
  }
  const rule = RULES[action];
  return db.transaction().execute(async (trx) => {
    const submission = await findSubmission(trx, id);
    if (!submission) throw new ApiError(404, 'submission.notFound', `没有编号为“${id}”的报表。`, `No submission "${id}".`);
    const current = Number(submission.current_version);
    if (input.version !== undefined && input.version !== current) {
      throw new ApiError(409, 'submission.versionChanged', `该报表已有新版本（第 ${current} 版），请查看最新版本后再审核。`, `The current version is ${current}, not ${input.version}.`, { currentVersion: current });
    }
    if (submission.status !== rule.from) {
      throw new ApiError(409, `submission.cannot${action[0]?.toUpperCase()}${action.slice(1)}`, rule.refused(submission.status), `Cannot ${action} a submission whose status is ${submission.status}.`, { status: submission.status });
    }
    const at = now().toISOString();
    const moved = await updateSubmission(trx, id, { status: rule.to, updated_at: at }, { status: submission.status, current_version: current });
    if (!moved) throw new ApiError(409, 'submission.changed', '该报表刚被他人修改，请刷新后重试。', 'The submission changed meanwhile; reload and retry.');
    await recordAuditEvent(trx, { submission_id: id, version: current, action: rule.audit, at, token_id: auth.tokenId, organisation_id: auth.organisationId, role: auth.role, comment: input.comment ?? null });
    return summaryOf({ ...submission, status: rule.to, updated_at: at });
  });
}
