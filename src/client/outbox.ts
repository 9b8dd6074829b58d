/**
 * The submission outbox: every submission goes through it, so a submission made while the network or the
 * server is down is kept (per user, in `services.store`, never in the workbook) and delivered later, and
 * none is stored twice on the server.
 *
 * - One entry per workbook + organisation + plan + year. A newer submission of the same four replaces an
 *   older one still waiting (queued or needing attention): the older one was never delivered, and the
 *   newer one is what the person wants on the server. (An older one being sent at that very moment may still
 *   arrive; the newer one then arrives after it as the next version, which is what the person wants too.)
 * - The idempotency key is made ONCE, when the person presses 提交, and reused on every retry: if an answer
 *   was lost after the server stored the version, the retry is answered from the server's idempotency
 *   record (a replay) and nothing is stored again.
 * - Only one sender at a time: `navigator.locks` (shared by every task pane and tab of the same origin)
 *   when present, else an in-process lock. The store is read again inside the lock, so an entry another
 *   pane delivered meanwhile is not sent again; an entry leaves the queue only after a 2xx (or a replay).
 * - Retryable failures (network down, timeout, 5xx, 429) are retried with exponential backoff and jitter
 *   (5 s, 10 s, 20 s … at most 5 min), immediately when the browser comes back online, and when the pane
 *   opens. Other failures (401/403/409/422 …) leave the entry "needing attention" with the server's
 *   message: it is not retried automatically (the person fixes the cause, then retries or submits again).
 * - Unreadable stored data never breaks the pane: a copy is kept under another key, the readable entries
 *   are kept, and the problem is reported.
 *
 * Pure apart from what is injected: store, clock, timers, random numbers, ids, locks, online events.
 */
import { z } from 'zod';
import { PlanIdSchema, type PlanId } from '../core/catalog/indicator-schema';
import { ReceiptSchema, type Receipt } from '../contract/api';
import type { SubmissionDocument } from '../contract/submission-document';
import { documentFingerprint } from './document-fingerprint';
import { EndpointError, type EndpointClient, type EndpointFailure } from './endpoint-client';
import type { KeyValueStore } from './storage';

/** The store key of the outbox (the store is already partitioned by `Office.context.partitionKey`). */
export const OUTBOX_KEY = 'xpm.outbox';
/** Where a copy of unreadable outbox data is kept (followed by the time, ms since 1970). */
export const OUTBOX_CORRUPT_PREFIX = 'xpm.outbox.corrupt.';
/** The name of the Web Lock held while sending. */
export const OUTBOX_LOCK = 'xpm.outbox.sender';
/** How many delivery records are kept (so a pane learns about a delivery made by another pane). */
export const DELIVERIES_KEPT = 20;

/** Exponential backoff: the first retry after `baseMs`, doubling up to `maxMs`, each delay ± `jitter`. */
export interface RetryPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  /** Fraction of the delay added or removed at random (0.2: 80 %–120 %). */
  readonly jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 5_000, maxMs: 5 * 60_000, jitter: 0.2 };

/** The delay before the next attempt after `attempts` failed ones (1 → ~5 s, 2 → ~10 s … ≤ 5 min). */
export function retryDelay(attempts: number, random: () => number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  const plain = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const factor = 1 + policy.jitter * (2 * random() - 1);
  return Math.round(Math.min(policy.maxMs, plain * factor));
}

/** Why the last attempt failed, as the person is told. */
export interface OutboxError {
  readonly kind: EndpointFailure | 'unknown';
  readonly zh: string;
  readonly en: string;
  readonly status?: number;
  readonly code?: string;
  readonly retryable: boolean;
  /** ms since 1970. */
  readonly at: number;
}

/** A submission waiting to be delivered. */
export interface OutboxEntry {
  /** The same as the idempotency key. */
  readonly id: string;
  readonly workbookKey: string;
  readonly document: SubmissionDocument;
  /** Made once, when the person pressed 提交; sent with every attempt. */
  readonly idempotencyKey: string;
  readonly createdAt: number;
  readonly attempts: number;
  /** When it is tried next (ms since 1970); null while it needs attention. */
  readonly nextAttemptAt: number | null;
  /** 'queued': retried automatically; 'attention': refused, waits for the person. */
  readonly state: 'queued' | 'attention';
  readonly lastError: OutboxError | null;
}

/** A delivered submission (kept for a while, so every pane can show the receipt). */
export interface OutboxDelivery {
  readonly id: string;
  readonly workbookKey: string;
  readonly plan: PlanId;
  readonly year: number;
  readonly organisationId: string;
  readonly receipt: Receipt;
  readonly replayed: boolean;
  readonly deliveredAt: number;
  /** documentFingerprint of what was delivered (absent in records stored before it existed). */
  readonly fingerprint?: string;
}

/** Stored outbox data that could not be read: what was kept and where its copy is. */
export interface OutboxCorruption {
  /** The store key of the copy of the data as it was. */
  readonly copyKey: string;
  readonly at: number;
  /** How many entries were unreadable; 'all' when the data as a whole was. */
  readonly dropped: number | 'all';
}

export interface OutboxState {
  readonly entries: readonly OutboxEntry[];
  readonly deliveries: readonly OutboxDelivery[];
}

/** What became of a submission handed to the outbox. */
export type SubmitOutcome =
  | { readonly kind: 'delivered'; readonly delivery: OutboxDelivery; readonly replaced: OutboxEntry | null }
  | { readonly kind: 'queued'; readonly entry: OutboxEntry; readonly replaced: OutboxEntry | null }
  | { readonly kind: 'attention'; readonly entry: OutboxEntry; readonly replaced: OutboxEntry | null }
  /** No endpoint settings (token): kept in the queue, sent once settings exist. */
  | { readonly kind: 'noSettings'; readonly entry: OutboxEntry; readonly replaced: OutboxEntry | null };

/** `navigator.locks` or a stand-in: runs `callback` while holding the named lock (waiting for it). */
export interface LockManagerLike {
  request<T>(name: string, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

/** Everything the outbox needs from outside. */
export interface OutboxDeps {
  readonly store: KeyValueStore;
  /** The endpoint client with the person's settings; null when there are none (no token). Asked on each send. */
  readonly client: () => EndpointClient | null;
  readonly now: () => number;
  readonly random: () => number;
  readonly randomUUID: () => string;
  readonly setTimer: (callback: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
  /** `navigator.locks` when the browser has it; else an in-process lock is used. */
  readonly locks?: LockManagerLike | null;
  /** Calls back when the browser comes online; returns the unsubscribe. */
  readonly onOnline?: (callback: () => void) => () => void;
  readonly policy?: RetryPolicy;
}

// ---- stored form -------------------------------------------------------------------------------------------

/** Only the structure is checked: the server validates the document itself (a refused one is kept for attention). */
const StoredDocumentSchema = z
  .object({ plan: PlanIdSchema, year: z.number().int(), organisationId: z.string(), values: z.array(z.unknown()) })
  .passthrough();

const StoredErrorSchema = z.object({
  kind: z.string(),
  zh: z.string(),
  en: z.string(),
  status: z.number().optional(),
  code: z.string().optional(),
  retryable: z.boolean(),
  at: z.number(),
});

const StoredEntrySchema = z.object({
  id: z.string().min(1),
  workbookKey: z.string(),
  document: StoredDocumentSchema,
  idempotencyKey: z.string().min(1),
  createdAt: z.number(),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.number().nullable(),
  state: z.enum(['queued', 'attention']),
  lastError: StoredErrorSchema.nullable(),
});

const StoredDeliverySchema = z.object({
  id: z.string(),
  workbookKey: z.string(),
  plan: PlanIdSchema,
  year: z.number(),
  organisationId: z.string(),
  receipt: ReceiptSchema,
  replayed: z.boolean(),
  deliveredAt: z.number(),
  fingerprint: z.string().optional(),
});

const StoredOutboxSchema = z.object({ v: z.literal(1), entries: z.array(z.unknown()), deliveries: z.array(z.unknown()).optional() });

const EMPTY: OutboxState = { entries: [], deliveries: [] };

/** Whether two entries are about the same report of the same workbook (the newer replaces the older). */
export function sameTarget(a: Pick<OutboxEntry, 'workbookKey' | 'document'>, b: Pick<OutboxEntry, 'workbookKey' | 'document'>): boolean {
  return (
    a.workbookKey === b.workbookKey &&
    a.document.organisationId === b.document.organisationId &&
    a.document.plan === b.document.plan &&
    a.document.year === b.document.year
  );
}

/** A failure as stored with the entry. */
export function describeFailure(error: unknown, at: number): OutboxError {
  if (error instanceof EndpointError) {
    return {
      kind: error.kind,
      zh: error.zh,
      en: error.en,
      ...(error.options.status === undefined ? {} : { status: error.options.status }),
      ...(error.options.code === undefined ? {} : { code: error.options.code }),
      retryable: error.options.retryable,
      at,
    };
  }
  // Not an answer we understand (a bug, an unexpected exception): retrying is safe — the idempotency key
  // keeps the server from storing the submission twice — and backoff keeps it cheap.
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: 'unknown', zh: `发送时出现意外错误：${detail}`, en: `Unexpected error while sending: ${detail}`, retryable: true, at };
}

// ---- the lock when there are no Web Locks ---------------------------------------------------------------------

const inProcessTails = new Map<string, Promise<unknown>>();

/** A lock shared by everything in this JavaScript realm (one task pane): callers run one after another. */
export const inProcessLocks: LockManagerLike = {
  request<T>(name: string, callback: (lock: unknown) => Promise<T>): Promise<T> {
    const previous = inProcessTails.get(name) ?? Promise.resolve();
    const run = previous.then(
      () => callback(null),
      () => callback(null),
    );
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    inProcessTails.set(name, tail);
    void tail.then(() => {
      if (inProcessTails.get(name) === tail) inProcessTails.delete(name);
    });
    return run;
  },
};

type SendResult = 'delivered' | 'failed' | 'noClient' | 'gone';

// ---- the outbox ------------------------------------------------------------------------------------------------

export class Outbox {
  private readonly listeners = new Set<() => void>();
  private timer: unknown = null;
  private timerAt: number | null = null;
  private stopOnline: (() => void) | null = null;
  private started = 0;
  private waitingFlush: { force: boolean; promise: Promise<void> } | null = null;
  private corruptionSeen: OutboxCorruption | null = null;
  private readonly policy: RetryPolicy;
  private readonly locks: LockManagerLike;

  constructor(private readonly deps: OutboxDeps) {
    this.policy = deps.policy ?? DEFAULT_RETRY_POLICY;
    this.locks = deps.locks ?? inProcessLocks;
  }

  /** The stored entries and recent deliveries (read afresh: another pane may have changed them). */
  state(): OutboxState {
    return this.read();
  }

  /** The entries of one workbook, oldest first. */
  entriesFor(workbookKey: string): OutboxEntry[] {
    return this.read().entries.filter((entry) => entry.workbookKey === workbookKey);
  }

  /** The deliveries of one workbook still remembered, oldest first. */
  deliveriesFor(workbookKey: string): OutboxDelivery[] {
    return this.read().deliveries.filter((delivery) => delivery.workbookKey === workbookKey);
  }

  /** The delivery of an entry, once delivered (by this pane or another). */
  deliveryOf(id: string): OutboxDelivery | null {
    return this.read().deliveries.find((delivery) => delivery.id === id) ?? null;
  }

  /** The last unreadable data found (null when none). */
  corruption(): OutboxCorruption | null {
    this.read();
    return this.corruptionSeen;
  }

  /** Calls `listener` after every change this outbox makes (and after unreadable data was set aside). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /**
   * Hands a submission to the outbox and sends it at once: a new idempotency key, the entry stored first
   * (replacing a waiting older submission of the same workbook, organisation, plan and year), then sent.
   */
  async submit(document: SubmissionDocument, workbookKey: string): Promise<SubmitOutcome> {
    const key = this.deps.randomUUID();
    const entry: OutboxEntry = {
      id: key,
      workbookKey,
      document,
      idempotencyKey: key,
      createdAt: this.deps.now(),
      attempts: 0,
      nextAttemptAt: this.deps.now(),
      state: 'queued',
      lastError: null,
    };
    let replaced: OutboxEntry | null = null;
    const sent = await this.locks.request(OUTBOX_LOCK, async () => {
      const state = this.read();
      replaced = state.entries.find((other) => sameTarget(other, entry)) ?? null;
      this.write({ ...state, entries: [...state.entries.filter((other) => !sameTarget(other, entry)), entry] });
      return this.sendOne(key);
    });
    this.schedule();
    return this.outcomeOf(key, sent, replaced);
  }

  /**
   * Sends the entries that are due (every queued one with `force`: on pane open, when back online, "立即重试").
   * Entries needing attention are not sent. Concurrent calls while one waits for the lock are merged.
   */
  flush(options: { force?: boolean } = {}): Promise<void> {
    const force = options.force ?? false;
    if (this.waitingFlush) {
      this.waitingFlush.force ||= force;
      return this.waitingFlush.promise;
    }
    const waiting = { force, promise: Promise.resolve() };
    waiting.promise = this.locks
      .request(OUTBOX_LOCK, async () => {
        this.waitingFlush = null;
        const now = this.deps.now();
        const due = this.read()
          .entries.filter((entry) => entry.state === 'queued' && (waiting.force || (entry.nextAttemptAt ?? Infinity) <= now))
          .sort((a, b) => a.createdAt - b.createdAt);
        for (const entry of due) {
          const sent = await this.sendOne(entry.id);
          if (sent === 'noClient') break;
        }
      })
      .finally(() => {
        if (this.waitingFlush === waiting) this.waitingFlush = null;
        this.schedule();
      });
    this.waitingFlush = waiting;
    return waiting.promise;
  }

  /** "立即重试" on one entry: also an entry needing attention (after the person fixed the cause, e.g. the token). */
  async retry(id: string): Promise<SubmitOutcome | null> {
    const sent = await this.locks.request(OUTBOX_LOCK, async () => {
      const state = this.read();
      const entry = state.entries.find((item) => item.id === id);
      if (!entry) return 'gone' as const;
      if (entry.state === 'attention') this.replace(state, { ...entry, state: 'queued', nextAttemptAt: this.deps.now() });
      return this.sendOne(id);
    });
    this.schedule();
    return sent === 'gone' && !this.deliveryOf(id) ? null : this.outcomeOf(id, sent, null);
  }

  /** Removes an entry without sending it (the person decided against it). */
  async discard(id: string): Promise<void> {
    await this.locks.request(OUTBOX_LOCK, async () => {
      const state = this.read();
      if (state.entries.some((entry) => entry.id === id)) this.write({ ...state, entries: state.entries.filter((entry) => entry.id !== id) });
    });
    this.schedule();
  }

  /**
   * Starts the automatic retries: a send of everything queued now (the pane opened), again whenever the
   * browser comes online, and by the backoff timer. Returns the stop. An automatic attempt that fails as a
   * whole (the storage refused a write) is not reported: the entry stays, and the next attempt tries again.
   */
  start(): () => void {
    this.started += 1;
    if (this.started === 1) {
      this.stopOnline = this.deps.onOnline?.(() => void this.flush({ force: true }).catch(() => undefined)) ?? null;
      void this.flush({ force: true }).catch(() => undefined);
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.started -= 1;
      if (this.started === 0) {
        this.stopOnline?.();
        this.stopOnline = null;
        this.clearTimer();
      }
    };
  }

  /** When the next automatic attempt is due (null when nothing waits or retries are not started). */
  nextAttemptAt(): number | null {
    return this.timerAt;
  }

  // ---- inside the lock ----

  /** Sends one entry if it is still there and queued; updates or removes it by the answer. */
  private async sendOne(id: string): Promise<SendResult> {
    const entry = this.read().entries.find((item) => item.id === id);
    if (!entry || entry.state !== 'queued') return 'gone';
    const client = this.deps.client();
    if (!client) return 'noClient';
    try {
      const result = await client.submit(entry.document, entry.idempotencyKey);
      const state = this.read();
      const delivery: OutboxDelivery = {
        id: entry.id,
        workbookKey: entry.workbookKey,
        plan: entry.document.plan,
        year: entry.document.year,
        organisationId: entry.document.organisationId,
        receipt: result.receipt,
        replayed: result.replayed,
        deliveredAt: this.deps.now(),
        fingerprint: documentFingerprint(entry.document),
      };
      this.write({
        entries: state.entries.filter((item) => item.id !== id),
        deliveries: [...state.deliveries.filter((item) => item.id !== id), delivery].slice(-DELIVERIES_KEPT),
      });
      return 'delivered';
    } catch (error) {
      const now = this.deps.now();
      const failure = describeFailure(error, now);
      const state = this.read();
      const current = state.entries.find((item) => item.id === id);
      if (current) {
        const attempts = current.attempts + 1;
        this.replace(state, {
          ...current,
          attempts,
          lastError: failure,
          state: failure.retryable ? 'queued' : 'attention',
          nextAttemptAt: failure.retryable ? now + retryDelay(attempts, this.deps.random, this.policy) : null,
        });
      }
      return 'failed';
    }
  }

  private replace(state: OutboxState, entry: OutboxEntry): void {
    this.write({ ...state, entries: state.entries.map((item) => (item.id === entry.id ? entry : item)) });
  }

  // ---- after the lock ----

  private outcomeOf(id: string, sent: SendResult, replaced: OutboxEntry | null): SubmitOutcome {
    const state = this.read();
    const delivery = state.deliveries.find((item) => item.id === id);
    if (delivery) return { kind: 'delivered', delivery, replaced };
    const entry = state.entries.find((item) => item.id === id);
    if (!entry) throw new Error(`outbox entry ${id} vanished`);
    if (entry.state === 'attention') return { kind: 'attention', entry, replaced };
    if (sent === 'noClient') return { kind: 'noSettings', entry, replaced };
    return { kind: 'queued', entry, replaced };
  }

  /** Arms the timer for the earliest queued entry (only while started, and only with settings to send with). */
  private schedule(): void {
    this.clearTimer();
    if (this.started === 0 || this.deps.client() === null) {
      this.notify();
      return;
    }
    const times = this.read()
      .entries.filter((entry) => entry.state === 'queued' && entry.nextAttemptAt !== null)
      .map((entry) => entry.nextAttemptAt as number);
    if (times.length === 0) {
      this.notify();
      return;
    }
    const at = Math.min(...times);
    this.timerAt = at;
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      this.timerAt = null;
      void this.flush().catch(() => undefined);
    }, Math.max(0, at - this.deps.now()));
    this.notify();
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
    this.timerAt = null;
  }

  // ---- storage ----

  private read(): OutboxState {
    const raw = this.deps.store.get(OUTBOX_KEY);
    if (raw === null || raw === '') return EMPTY;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return this.setAside(raw, 'all', EMPTY);
    }
    const stored = StoredOutboxSchema.safeParse(json);
    if (!stored.success) return this.setAside(raw, 'all', EMPTY);
    const entries: OutboxEntry[] = [];
    const deliveries: OutboxDelivery[] = [];
    let dropped = 0;
    for (const item of stored.data.entries) {
      const entry = StoredEntrySchema.safeParse(item);
      if (entry.success) entries.push(entry.data as unknown as OutboxEntry);
      else dropped += 1;
    }
    for (const item of stored.data.deliveries ?? []) {
      const delivery = StoredDeliverySchema.safeParse(item);
      // a damaged delivery record only loses a receipt already shown: dropped quietly with the rest
      if (delivery.success) deliveries.push(delivery.data);
      else dropped += 1;
    }
    const state = { entries, deliveries };
    return dropped > 0 ? this.setAside(raw, dropped, state) : state;
  }

  /** Keeps a copy of unreadable data, stores what could be read, and reports it. */
  private setAside(raw: string, dropped: number | 'all', kept: OutboxState): OutboxState {
    const at = this.deps.now();
    let copyKey = `${OUTBOX_CORRUPT_PREFIX}${at}`;
    for (let n = 1; this.deps.store.get(copyKey) !== null; n += 1) copyKey = `${OUTBOX_CORRUPT_PREFIX}${at}-${n}`;
    this.deps.store.set(copyKey, raw);
    this.deps.store.set(OUTBOX_KEY, JSON.stringify({ v: 1, ...kept }));
    this.corruptionSeen = { copyKey, at, dropped };
    void Promise.resolve().then(() => this.notify());
    return kept;
  }

  private write(state: OutboxState): void {
    this.deps.store.set(OUTBOX_KEY, JSON.stringify({ v: 1, entries: state.entries, deliveries: state.deliveries }));
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
