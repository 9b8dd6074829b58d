import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EntryInput } from '../../core/assess/entry';
import type { Catalog } from '../../core/catalog/catalog';
import type { Receipt, ValueCounts } from '../../core/submission/api-schema';
import { checkSubmission } from '../../core/submission/check-submission';
import type { SubmissionDocument, SubmissionSource } from '../../core/submission/submission-schema';
import type { AuthContext } from '../auth-context';
import { isUniqueViolation } from '../db/connect';
import type { Database, SubmissionRow } from '../db/database';
import { writeQueueOf } from '../db/write-queue';
import { ApiError } from '../errors';
import { recordAuditEvent } from '../repositories/audit';
import { findIdempotencyKey, saveIdempotencyKey } from '../repositories/idempotency';
import { findSubmissionFor, insertSubmission, insertVersion, nextVersion, type VersionValue } from '../repositories/submissions';
import { canonicalJson, sha256 } from '../tokens';
import { receiptOf } from './receipts';

/** What a submission comes with besides the document. */
export interface SubmissionRequest {
  readonly document: SubmissionDocument;
  /** The engine's input, when richer than the document (an .xlsx date/time cell); else derived from it. */
  readonly entries?: readonly EntryInput[];
  readonly source: SubmissionSource;
  /** SHA-256 of what the client sent (the .xlsx bytes); for JSON, the stored canonical document's. */
  readonly requestSha256?: string;
  readonly idempotencyKey?: string;
  readonly file?: { readonly name: string | null; readonly content: Uint8Array };
}

/** The answer: 201 with the receipt of a new version, or the remembered answer to a repeated request. */
export interface SubmissionOutcome {
  readonly statusCode: number;
  readonly receipt: Receipt;
  readonly replayed: boolean;
}

/** Attempts of the storing transaction: a concurrent writer of the same thread or key makes one retry. */
const ATTEMPTS = 5;

/**
 * The one path every submission takes (JSON and .xlsx alike): permission, idempotency, catalog version,
 * the engine's verdicts again, then the version, all its values, the audit event and the remembered answer
 * written as one job of the write queue (its own savepoint in a group-committed transaction) — a crash
 * leaves all of it or none, and the answer is given only once its transaction has committed.
 */
export async function acceptSubmission(db: Kysely<Database>, catalog: Catalog, auth: AuthContext, request: SubmissionRequest, now = () => new Date()): Promise<SubmissionOutcome> {
  const { document } = request;
  if (auth.role !== 'reporter') {
    throw new ApiError(403, 'auth.roleCannotSubmit', '此令牌不能提交报表：只有填报单位的令牌（角色 reporter）可以提交。', 'Only reporter tokens can submit.');
  }
  if (document.organisationId !== auth.organisationId) {
    throw new ApiError(403, 'auth.otherOrganisation', `不能替其他单位提交：报表属于“${document.organisationId}”，而此令牌属于“${auth.organisationId}”。`, `This token belongs to "${auth.organisationId}" and cannot submit for "${document.organisationId}".`);
  }
  const scope = `org:${auth.organisationId}`;
  // equal documents, equal hash: key order and whitespace do not matter
  const body = canonicalJson(document);
  const bodySha256 = sha256(body);
  const requestSha256 = request.requestSha256 ?? bodySha256;
  if (request.idempotencyKey !== undefined) {
    const remembered = await replay(db, scope, request.idempotencyKey, requestSha256);
    if (remembered) return remembered;
  }
  const expected = catalog.plans[document.plan].catalogVersion;
  if (document.catalogVersion !== expected) {
    throw new ApiError(
      409,
      'catalog.versionMismatch',
      `模板的指标目录版本为 ${document.catalogVersion}，服务器现行版本为 ${expected}：请下载最新模板（或更新加载项）后重新填报。`,
      `The template's catalog version is ${document.catalogVersion}; the server enforces ${expected}. Download the current template and fill it again.`,
      { expected, received: document.catalogVersion },
    );
  }
  const check = checkSubmission(catalog, document, request.entries);
  if (!check.acceptable) {
    const onlyNotes = check.errors.length === 0;
    throw new ApiError(
      422,
      onlyNotes ? 'submission.notesRequired' : 'submission.invalid',
      onlyNotes
        ? `有 ${check.notesRequired.length} 项未达标或波动较大的数据缺少说明：请在“说明”栏写明原因后再提交。`
        : `报表有 ${check.errors.length} 处错误，未能提交：请按清单逐项改正${check.notesRequired.length ? `，并为 ${check.notesRequired.length} 项预警数据填写说明` : ''}。`,
      onlyNotes ? `${check.notesRequired.length} warning(s) need a note.` : `${check.errors.length} error(s): the submission was not accepted.`,
      { errors: check.errors, notesRequired: check.notesRequired },
    );
  }
  const counts = countValues(check.report.results);
  const values: VersionValue[] = check.report.results.map((result, position) => {
    const sent = document.values[position];
    return {
      position,
      indicator_id: result.indicatorId,
      unit_id: result.unitId ?? null,
      raw_value: JSON.stringify(sent?.value ?? null),
      parsed: result.value === null ? null : JSON.stringify(result.value),
      status: result.status,
      severity: result.severity,
      note: result.note ?? null,
      previous: sent?.previous === undefined ? null : JSON.stringify(sent.previous),
      baseline: sent?.baseline === undefined ? null : JSON.stringify(sent.baseline),
      other: sent?.other === undefined ? null : JSON.stringify(sent.other),
    };
  });

  for (let attempt = 1; ; attempt += 1) {
    try {
      return await writeQueueOf(db).run(async (trx) => {
        if (request.idempotencyKey !== undefined) {
          const remembered = await replay(trx, scope, request.idempotencyKey, requestSha256);
          if (remembered) return remembered;
        }
        const at = now().toISOString();
        // the next version number by an atomic increment: a concurrent writer of the same thread waits for
        // the row lock (PostgreSQL) or the write lock (SQLite) and then counts on from the committed value
        let submission: SubmissionRow | undefined = await nextVersion(trx, document, at);
        if (!submission) {
          const existing = await findSubmissionFor(trx, { plan: document.plan, year: document.year, organisationId: document.organisationId });
          if (existing?.status === 'approved') {
            throw new ApiError(
              409,
              'submission.locked',
              `${document.year}年度本单位的报表已由统计局审核通过并锁定，不能再提交新版本。如需修改，请联系统计局重新打开。`,
              'This report has been approved and is locked; ask the statistics bureau to reopen it.',
              { submissionId: existing.id, version: Number(existing.current_version) },
            );
          }
          if (existing) throw new ConcurrentChange();
          submission = { id: `sub_${randomBytes(8).toString('hex')}`, plan: document.plan, year: document.year, organisation_id: document.organisationId, status: 'submitted', current_version: 1, created_at: at, updated_at: at };
          // a concurrent first submission of the same thread makes this a unique violation: retried
          await insertSubmission(trx, submission);
        }
        const current = submission;
        const version = {
          submission_id: current.id,
          version: current.current_version,
          received_at: at,
          token_id: auth.tokenId,
          source: request.source,
          catalog_version: document.catalogVersion,
          template_version: document.templateVersion,
          value_count: values.length,
          counts: JSON.stringify(counts),
          body,
          body_sha256: bodySha256,
        };
        await insertVersion(
          trx,
          version,
          values,
          request.file ? { file_name: request.file.name, sha256: sha256(request.file.content), content: request.file.content } : undefined,
        );
        await recordAuditEvent(trx, { submission_id: current.id, version: current.current_version, action: 'submitted', at, token_id: auth.tokenId, organisation_id: auth.organisationId, role: auth.role, comment: null });
        const receipt = receiptOf(current, version);
        if (request.idempotencyKey !== undefined) {
          await saveIdempotencyKey(trx, { scope, idempotency_key: request.idempotencyKey, request_sha256: requestSha256, status_code: 201, response: JSON.stringify(receipt), created_at: at });
        }
        return { statusCode: 201, receipt, replayed: false };
      });
    } catch (error) {
      if (attempt < ATTEMPTS && (error instanceof ConcurrentChange || isUniqueViolation(error))) continue;
      throw error;
    }
  }
}

/** Someone else changed the thread between our read and our write: try again. */
class ConcurrentChange extends Error {}

async function replay(db: Parameters<typeof findIdempotencyKey>[0], scope: string, key: string, requestSha256: string): Promise<SubmissionOutcome | undefined> {
  const row = await findIdempotencyKey(db, scope, key);
  if (!row) return undefined;
  if (row.request_sha256 !== requestSha256) {
    throw new ApiError(409, 'idempotency.conflict', `幂等键“${key}”已用于另一份不同的提交：同一次提交重试时请使用相同的键，新的提交请使用新的键。`, `Idempotency-Key "${key}" was already used with a different request.`);
  }
  return { statusCode: Number(row.status_code), receipt: JSON.parse(row.response) as Receipt, replayed: true };
}

function countValues(results: readonly { status: string; severity: string }[]): ValueCounts {
  const counts: ValueCounts = { values: results.length, met: 0, notMet: 0, noData: 0, invalid: 0, notAssessable: 0, warnings: 0 };
  for (const result of results) {
    if (result.status in counts) counts[result.status as keyof ValueCounts] += 1;
    if (result.severity === 'warning') counts.warnings += 1;
  }
  return counts;
}
