import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EntryInput } from '../../core/assess/entry';
import type { Catalog } from '../../core/catalog/catalog';
import type { Receipt, ValueCounts } from '../../contract/api';
import type { ReportCounts } from '../../core/report/report-findings';
import { checkSubmission } from '../../core/submission/check-submission';
import { entriesOutOfScope, entryLabel } from '../../core/submission/reporting-scope';
import type { SubmissionDocument, SubmissionSource } from '../../contract/submission-document';
import type { AuthContext } from '../auth-context';
import { isUniqueViolation } from '../db/connect';
import type { Database, SubmissionRow } from '../db/database';
import { writeQueueOf } from '../db/write-queue';
import { ApiError } from '../errors';
import { recordAuditEvent } from '../repositories/audit';
import { findIdempotencyKey, saveIdempotencyKey } from '../repositories/idempotency';
import { findOrganisation, organisationOf } from '../repositories/organisations';
import { listReportingGrants } from '../repositories/reporting-grants';
import { findSubmissionFor, insertSubmission, insertVersion, nextVersion, storedBytesOf, type VersionValue } from '../repositories/submissions';
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

/** What the server enforces besides the catalog: the storage quota of an organisation per reporting year. */
export interface SubmissionLimits {
  readonly storageQuotaBytes: number;
}

const NO_LIMITS: SubmissionLimits = { storageQuotaBytes: Number.POSITIVE_INFINITY };

/**
 * The one path every submission takes (JSON and .xlsx alike): permission (role, organisation, and the
 * indicators and units the organisation reports), idempotency, catalog version, quota, the engine's
 * verdicts again, then the version, all its values, the audit event and the remembered answer written as
 * one job of the write queue (its own savepoint in a group-committed transaction) — a crash leaves all of
 * it or none, and the answer is given only once its transaction has committed.
 */
export async function acceptSubmission(
  db: Kysely<Database>,
  catalog: Catalog,
  auth: AuthContext,
  request: SubmissionRequest,
  limits: SubmissionLimits = NO_LIMITS,
  now = () => new Date(),
): Promise<SubmissionOutcome> {
  const { document } = request;
  assertMaySubmit(auth);
  if (document.organisationId !== auth.organisationId) {
    throw new ApiError(403, 'auth.otherOrganisation', `不能替其他单位提交：报表属于“${document.organisationId}”，而此令牌属于“${auth.organisationId}”。`, `This token belongs to "${auth.organisationId}" and cannot submit for "${document.organisationId}".`);
  }
  if (document.values.length === 0) {
    throw new ApiError(422, 'submission.empty', '报表中没有任何指标的数据，未能提交：请填写模板后再提交。', 'The submission holds no values; nothing was stored.');
  }
  const scope = `org:${auth.organisationId}`;
  // equal documents, equal hash: key order and whitespace do not matter
  const body = canonicalJson(document);
  const bodySha256 = sha256(body);
  const requestSha256 = request.requestSha256 ?? bodySha256;
  // a retry of what was stored is answered as it was, whatever changed since (a grant, the quota)
  if (request.idempotencyKey !== undefined) {
    const remembered = await replay(db, scope, request.idempotencyKey, requestSha256);
    if (remembered) return remembered;
  }
  await assertInScope(db, catalog, auth, document);
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
  const storedBytes = Buffer.byteLength(body) + (request.file?.content.byteLength ?? 0);
  // a cheap look before the engine runs; the transaction below decides
  await assertWithinQuota(db, document, storedBytes, limits);
  const check = checkSubmission(catalog, document, request.entries);
  if (!check.acceptable) {
    // the numbers are the ones the pane and `indicators check` show: lines, not messages
    const onlyNotes = check.errors.length === 0;
    const { error, notesRequired } = check.counts;
    throw new ApiError(
      422,
      onlyNotes ? 'submission.notesRequired' : 'submission.invalid',
      onlyNotes
        ? `有 ${notesRequired} 项未达标或有预警的数据缺少说明：请在“说明”栏写明原因后再提交。`
        : `报表有 ${error} 处错误，未能提交：请按清单逐项改正${notesRequired ? `，并为 ${notesRequired} 项预警数据填写说明` : ''}。`,
      onlyNotes ? `${notesRequired} value(s) with a warning need a note.` : `${error} error(s): the submission was not accepted.`,
      { errors: check.errors, notesRequired: check.notesRequired, counts: check.counts },
    );
  }
  const counts = receiptCounts(check.counts);
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
        await assertWithinQuota(trx, document, storedBytes, limits);
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
          stored_bytes: storedBytes,
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

/** Only reporter tokens submit (checked before anything of the request is read). */
export function assertMaySubmit(auth: AuthContext): void {
  if (auth.role !== 'reporter') {
    throw new ApiError(403, 'auth.roleCannotSubmit', '此令牌不能提交报表：只有填报单位的令牌（角色 reporter）可以提交。', 'Only reporter tokens can submit.');
  }
}

/** Entries the catalog and the bureau's grants do not let this organisation report → 403 naming them. */
async function assertInScope(db: Kysely<Database>, catalog: Catalog, auth: AuthContext, document: SubmissionDocument): Promise<void> {
  const row = await findOrganisation(db, auth.organisationId);
  if (!row) throw new ApiError(403, 'auth.unknownOrganisation', `令牌所属的单位“${auth.organisationId}”已不在单位名录中。`, `The token's organisation "${auth.organisationId}" no longer exists.`);
  const organisation = organisationOf(row);
  const grants = await listReportingGrants(db, organisation.id);
  const outside = entriesOutOfScope(catalog, document, organisation, grants.map((grant) => ({ indicatorId: grant.indicator_id, unitId: grant.unit_id })));
  if (outside.length === 0) return;
  const labels = outside.map((entry) => entryLabel(catalog, entry.indicatorId, entry.unitId));
  const shown = labels.slice(0, 8);
  const more = labels.length > shown.length ? `等 ${labels.length} 项` : '';
  throw new ApiError(
    403,
    'submission.notResponsible',
    `本单位（${organisation.shortName}）不负责填报以下${labels.length} 项数据，未能提交：${shown.map((label) => label.zh).join('、')}${more}。请使用本单位的模板（不要使用全部指标模板）；如确需由本单位填报，请联系统计局授权。`,
    `${organisation.nameEn} does not report ${labels.length} of these entries: ${shown.map((label) => label.en).join('; ')}. Use your organisation's own template, or ask the statistics bureau for a grant.`,
    { entries: outside },
  );
}

/** 413 when storing this version would take the organisation's reporting year over its quota. */
async function assertWithinQuota(db: Parameters<typeof storedBytesOf>[0], document: SubmissionDocument, bytes: number, limits: SubmissionLimits): Promise<void> {
  if (!Number.isFinite(limits.storageQuotaBytes)) return;
  const used = await storedBytesOf(db, document.organisationId, document.year);
  if (used + bytes <= limits.storageQuotaBytes) return;
  const mib = (value: number) => (value / (1024 * 1024)).toFixed(1);
  throw new ApiError(
    413,
    'quota.exceeded',
    `本单位 ${document.year} 年度的存储配额已用完：已保存 ${mib(used)} MiB，本次 ${mib(bytes)} MiB，上限 ${mib(limits.storageQuotaBytes)} MiB，未能提交。请勿重复上传同一文件；如确需提交更多版本，请联系统计局调整配额。`,
    `The organisation's storage quota for ${document.year} is used up (${mib(used)} MiB stored, ${mib(bytes)} MiB more, ${mib(limits.storageQuotaBytes)} MiB allowed).`,
    { organisationId: document.organisationId, year: document.year, usedBytes: used, requestBytes: bytes, limitBytes: limits.storageQuotaBytes },
  );
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

/** The receipt's counts: the shared counts of the report (src/core/report/report-findings.ts). */
function receiptCounts(counts: ReportCounts): ValueCounts {
  const { byStatus } = counts;
  return {
    values: counts.lines,
    met: byStatus.met,
    notMet: byStatus.notMet,
    notYetDue: byStatus.notYetDue,
    noData: byStatus.noData,
    invalid: byStatus.invalid,
    notAssessable: byStatus.notAssessable,
    // accepted: every line with a warning (未达标 or 预警) carries its 说明
    warnings: counts.notMet + counts.warning,
  };
}
