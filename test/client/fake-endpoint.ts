import { createHash } from 'node:crypto';
import type { PlanId } from '../../src/core/catalog/indicator-schema';
import type { PreviousValues, Receipt, SubmissionDetail } from '../../src/contract/api';
import type { SubmissionDocument, SubmissionStatus } from '../../src/contract/submission-document';
import { EndpointError, type EndpointClient, type SubmitResult, type TokenIdentity } from '../../src/client/endpoint-client';

/** One report thread of the fake server (plan, year, organisation). */
interface Thread {
  id: string;
  status: SubmissionStatus;
  versions: Receipt[];
  history: SubmissionDetail['history'];
}

/**
 * A small in-memory stand-in for the shared endpoint, with the server's idempotency rule: the same key with
 * the same document answers the stored receipt (replayed) and stores nothing; the same key with another
 * document is a 409. It can be switched "down" (every call throws a retryable EndpointError, as the real
 * client does for a network failure), made to lose answers (stores, then throws as if the connection broke),
 * made to refuse (a non-retryable EndpointError), and its reports can be returned or approved.
 */
export class FakeEndpoint implements EndpointClient {
  down = false;
  /** The next N submissions are stored but their answer is "lost" (a retryable error is thrown). */
  loseAnswers = 0;
  /** When set, submissions are refused with it (after the idempotency check, like the server). */
  refuseWith: EndpointError | null = null;
  /** Every call of submit, in order (including failed ones). */
  readonly submitCalls: { key: string; document: SubmissionDocument }[] = [];
  /** Resolves each submit only when released (to hold a request in flight); null: answer at once. */
  gate: Promise<void> | null = null;
  readonly threads = new Map<string, Thread>();
  private readonly byKey = new Map<string, { sha: string; receipt: Receipt }>();
  private clock = Date.parse('2026-03-01T08:00:00Z');

  constructor(readonly organisationId = 'wjj') {}

  /** Every version stored, of every report. */
  storedVersions(): Receipt[] {
    return [...this.threads.values()].flatMap((thread) => thread.versions);
  }

  async me(): Promise<TokenIdentity> {
    this.check();
    return { tokenId: 'tok_1', organisationId: this.organisationId, role: 'reporter' };
  }

  async catalogVersions(): Promise<ReadonlyMap<PlanId, string>> {
    this.check();
    return new Map();
  }

  async submit(document: SubmissionDocument, idempotencyKey: string): Promise<SubmitResult> {
    this.submitCalls.push({ key: idempotencyKey, document });
    if (this.gate) await this.gate;
    this.check();
    const sha = createHash('sha256').update(JSON.stringify(document)).digest('hex');
    const known = this.byKey.get(idempotencyKey);
    if (known) {
      if (known.sha !== sha) throw new EndpointError('conflict', '幂等键已用于另一份不同的提交', 'Idempotency-Key reused', { status: 409, code: 'idempotency.conflict', retryable: false });
      return { receipt: known.receipt, replayed: true };
    }
    if (this.refuseWith) throw this.refuseWith;
    const key = threadKey(document.plan, document.year, document.organisationId);
    let thread = this.threads.get(key);
    if (thread?.status === 'approved') {
      throw new EndpointError('conflict', `${document.year}年度本单位的报表已由统计局审核通过并锁定，不能再提交新版本。`, 'Approved and locked.', { status: 409, code: 'submission.locked', retryable: false });
    }
    if (!thread) {
      thread = { id: `sub_${this.threads.size + 1}`, status: 'submitted', versions: [], history: [] };
      this.threads.set(key, thread);
    }
    this.clock += 60_000;
    const receipt: Receipt = {
      submissionId: thread.id,
      version: thread.versions.length + 1,
      plan: document.plan,
      year: document.year,
      organisationId: document.organisationId,
      status: 'submitted',
      receivedAt: new Date(this.clock).toISOString(),
      source: 'json',
      catalogVersion: document.catalogVersion,
      templateVersion: document.templateVersion,
      counts: { values: document.values.length, met: document.values.length, notMet: 0, notYetDue: 0, noData: 0, invalid: 0, notAssessable: 0, warnings: document.values.filter((value) => value.note).length },
      bodySha256: sha,
    };
    thread.versions.push(receipt);
    thread.status = 'submitted';
    thread.history.push({ action: 'submitted', version: receipt.version, at: receipt.receivedAt, tokenId: 'tok_1', organisationId: document.organisationId, role: 'reporter', comment: null });
    this.byKey.set(idempotencyKey, { sha, receipt });
    if (this.loseAnswers > 0) {
      this.loseAnswers -= 1;
      throw unreachable();
    }
    return { receipt, replayed: false };
  }

  async findSubmission(plan: PlanId, year: number, organisationId: string): Promise<SubmissionDetail | null> {
    this.check();
    const thread = this.threads.get(threadKey(plan, year, organisationId));
    if (!thread) return null;
    const last = thread.versions[thread.versions.length - 1] as Receipt;
    return {
      id: thread.id,
      plan,
      year,
      organisationId,
      status: thread.status,
      currentVersion: last.version,
      createdAt: thread.versions[0]?.receivedAt ?? last.receivedAt,
      updatedAt: last.receivedAt,
      versions: thread.versions,
      values: [],
      history: thread.history,
    };
  }

  /** Last year's values (set by the test through `previous`), as GET /submissions/previous-values answers. */
  async previousValues(plan: PlanId, year: number, organisationId: string): Promise<PreviousValues> {
    this.check();
    return this.previous ?? { plan, year, organisationId, source: null, values: [] };
  }

  /** What previousValues answers; null: no report last year. */
  previous: PreviousValues | null = null;

  /** The bureau's decision on a report (return with a comment, or approve). */
  review(plan: PlanId, year: number, organisationId: string, action: 'returned' | 'approved', comment: string | null = null): void {
    const thread = this.threads.get(threadKey(plan, year, organisationId));
    if (!thread) throw new Error('no such report');
    thread.status = action;
    this.clock += 60_000;
    thread.history.push({ action, version: thread.versions.length, at: new Date(this.clock).toISOString(), tokenId: 'tok_bureau', organisationId: 'tjj', role: 'bureau', comment });
  }

  private check(): void {
    if (this.down) throw unreachable();
  }
}

export function unreachable(): EndpointError {
  return new EndpointError('unreachable', '无法连接到服务器', 'Cannot reach the server', { retryable: true });
}

function threadKey(plan: PlanId, year: number, organisationId: string): string {
  return `${plan}|${year}|${organisationId}`;
}
