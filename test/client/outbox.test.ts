import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { SubmissionDocument } from '../../src/contract/submission-document';
import { EndpointError, type EndpointClient } from '../../src/client/endpoint-client';
import { memoryStore } from '../../src/client/storage';
import {
  DEFAULT_RETRY_POLICY,
  OUTBOX_CORRUPT_PREFIX,
  OUTBOX_KEY,
  OUTBOX_LOCK,
  Outbox,
  inProcessLocks,
  retryDelay,
  type LockManagerLike,
  type OutboxDeps,
} from '../../src/client/outbox';
import { FakeEndpoint } from './fake-endpoint';

const START = Date.parse('2026-03-01T08:00:00Z');

function documentOf(overrides: Partial<SubmissionDocument> = {}): SubmissionDocument {
  return {
    plan: 'children',
    year: 2025,
    organisationId: 'wjj',
    catalogVersion: '1.0.0',
    templateVersion: 1,
    values: [{ indicatorId: 'C-HEA-01', value: 95 }],
    ...overrides,
  };
}

interface Harness {
  outbox: Outbox;
  server: FakeEndpoint;
  store: ReturnType<typeof memoryStore>;
  online: () => void;
  uuids: string[];
}

function harness(options: { store?: ReturnType<typeof memoryStore>; server?: FakeEndpoint; locks?: LockManagerLike | null; client?: () => EndpointClient | null } = {}): Harness {
  const store = options.store ?? memoryStore();
  const server = options.server ?? new FakeEndpoint();
  const onlineListeners = new Set<() => void>();
  const uuids: string[] = [];
  let counter = 0;
  const deps: OutboxDeps = {
    store,
    client: options.client ?? (() => server),
    now: () => Date.now(),
    random: () => 0.5,
    randomUUID: () => {
      counter += 1;
      const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}-${Math.random().toString(16).slice(2, 6)}`;
      uuids.push(id);
      return id;
    },
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    locks: options.locks ?? null,
    onOnline: (callback) => {
      onlineListeners.add(callback);
      return () => void onlineListeners.delete(callback);
    },
  };
  const outbox = new Outbox(deps);
  return { outbox, server, store, uuids, online: () => onlineListeners.forEach((listener) => listener()) };
}

beforeEach(() => {
  jest.useFakeTimers({ now: START });
});
afterEach(() => {
  jest.useRealTimers();
});

describe('retryDelay: exponential backoff with jitter', () => {
  it('doubles from 5 s and is capped at 5 min; jitter stays within ±20 %', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((attempts) => retryDelay(attempts, middle))).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
    expect(retryDelay(1, () => 0)).toBe(4_000);
    expect(retryDelay(1, () => 1)).toBe(6_000);
    expect(retryDelay(3, () => 0.999)).toBeLessThanOrEqual(24_000);
    // never beyond the cap, even with the jitter pushing up
    expect(retryDelay(9, () => 1)).toBe(DEFAULT_RETRY_POLICY.maxMs);
  });
});

describe('the outbox', () => {
  it('delivers at once when the server answers: removed from the queue, receipt kept as a delivery', async () => {
    const { outbox, server, uuids } = harness();
    const outcome = await outbox.submit(documentOf(), 'book.xlsx');
    expect(outcome.kind).toBe('delivered');
    if (outcome.kind !== 'delivered') return;
    expect(outcome.delivery.receipt.version).toBe(1);
    expect(outcome.delivery.replayed).toBe(false);
    expect(server.submitCalls.map((call) => call.key)).toEqual([uuids[0]]);
    expect(outbox.entriesFor('book.xlsx')).toEqual([]);
    expect(outbox.deliveryOf(uuids[0] as string)?.receipt.submissionId).toBe('sub_1');
  });

  it('stores the entry before sending, so a pane closed mid-request still has it', async () => {
    const { outbox, server, store } = harness();
    let release!: () => void;
    server.gate = new Promise((resolve) => (release = resolve));
    const pending = outbox.submit(documentOf(), 'book.xlsx');
    await jest.advanceTimersByTimeAsync(0);
    const stored = JSON.parse(store.get(OUTBOX_KEY) as string);
    expect(stored.entries).toHaveLength(1);
    expect(stored.entries[0]).toMatchObject({ workbookKey: 'book.xlsx', attempts: 0, state: 'queued', document: { plan: 'children', year: 2025, organisationId: 'wjj' } });
    release();
    await pending;
    expect(JSON.parse(store.get(OUTBOX_KEY) as string).entries).toEqual([]);
  });

  it('server down: queued with the key made once; retried with backoff using the same key; delivered exactly once', async () => {
    const { outbox, server, uuids } = harness();
    const stop = outbox.start();
    server.down = true;
    const outcome = await outbox.submit(documentOf(), 'book.xlsx');
    expect(outcome.kind).toBe('queued');
    if (outcome.kind !== 'queued') return;
    expect(outcome.entry.attempts).toBe(1);
    expect(outcome.entry.nextAttemptAt).toBe(START + 5_000);
    expect(outcome.entry.lastError).toMatchObject({ kind: 'unreachable', retryable: true });
    expect(outbox.nextAttemptAt()).toBe(START + 5_000);

    await jest.advanceTimersByTimeAsync(4_999);
    expect(server.submitCalls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(server.submitCalls).toHaveLength(2);
    expect(outbox.entriesFor('book.xlsx')[0]).toMatchObject({ attempts: 2, nextAttemptAt: START + 5_000 + 10_000 });
    await jest.advanceTimersByTimeAsync(10_000);
    expect(server.submitCalls).toHaveLength(3);
    expect(outbox.entriesFor('book.xlsx')[0]?.nextAttemptAt).toBe(START + 15_000 + 20_000);

    server.down = false;
    await jest.advanceTimersByTimeAsync(20_000);
    expect(server.submitCalls).toHaveLength(4);
    expect(new Set(server.submitCalls.map((call) => call.key))).toEqual(new Set([uuids[0]]));
    expect(uuids).toHaveLength(1);
    expect(server.storedVersions()).toHaveLength(1);
    expect(outbox.entriesFor('book.xlsx')).toEqual([]);
    expect(outbox.deliveryOf(uuids[0] as string)?.receipt.version).toBe(1);

    // nothing left: no more attempts, however long the pane stays open
    await jest.advanceTimersByTimeAsync(60 * 60_000);
    expect(server.submitCalls).toHaveLength(4);
    stop();
  });

  it('caps the wait at 5 minutes however long the server stays down', async () => {
    const { outbox, server } = harness();
    const stop = outbox.start();
    server.down = true;
    await outbox.submit(documentOf(), 'book.xlsx');
    await jest.advanceTimersByTimeAsync(2 * 60 * 60_000);
    const entry = outbox.entriesFor('book.xlsx')[0];
    expect(entry?.attempts).toBeGreaterThan(10);
    expect((entry?.nextAttemptAt as number) - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    // between 5 s·2^k and the cap: about 8 + 2 h / 5 min ≈ 30 attempts, not hundreds
    expect(server.submitCalls.length).toBeLessThan(40);
    stop();
  });

  it('retries at once when the browser comes back online, and when the pane opens', async () => {
    const first = harness();
    first.server.down = true;
    await first.outbox.submit(documentOf(), 'book.xlsx');
    expect(first.server.submitCalls).toHaveLength(1);

    // the pane opens again later (a new outbox over the same store): everything queued is sent at once
    const server = first.server;
    server.down = false;
    const reopened = harness({ store: first.store, server });
    const stop = reopened.outbox.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(server.submitCalls).toHaveLength(2);
    expect(server.storedVersions()).toHaveLength(1);
    stop();

    // online event
    const other = harness();
    const stopOther = other.outbox.start();
    other.server.down = true;
    await other.outbox.submit(documentOf(), 'other.xlsx');
    other.server.down = false;
    await jest.advanceTimersByTimeAsync(1_000); // well before the backoff's 5 s
    expect(other.server.submitCalls).toHaveLength(1);
    other.online();
    await jest.advanceTimersByTimeAsync(0);
    expect(other.server.submitCalls).toHaveLength(2);
    expect(other.outbox.entriesFor('other.xlsx')).toEqual([]);
    stopOther();
  });

  it('an answer lost after the server stored the version: the retry is a replay, one version stored', async () => {
    const { outbox, server, uuids } = harness();
    const stop = outbox.start();
    server.loseAnswers = 1;
    const outcome = await outbox.submit(documentOf(), 'book.xlsx');
    expect(outcome.kind).toBe('queued');
    expect(server.storedVersions()).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(server.submitCalls.map((call) => call.key)).toEqual([uuids[0], uuids[0]]);
    expect(server.storedVersions()).toHaveLength(1);
    const delivery = outbox.deliveryOf(uuids[0] as string);
    expect(delivery).toMatchObject({ replayed: true, receipt: { version: 1 } });
    stop();
  });

  it('a newer submission of the same workbook, organisation, plan and year replaces the waiting older one', async () => {
    const { outbox, server } = harness();
    server.down = true;
    await outbox.submit(documentOf({ values: [{ indicatorId: 'C-HEA-01', value: 90 }] }), 'book.xlsx');
    await outbox.submit(documentOf({ year: 2024 }), 'book.xlsx'); // another year: kept
    await outbox.submit(documentOf({ organisationId: 'jyj' }), 'book.xlsx'); // another organisation: kept
    await outbox.submit(documentOf(), 'other.xlsx'); // another workbook: kept
    const newer = await outbox.submit(documentOf({ values: [{ indicatorId: 'C-HEA-01', value: 96 }] }), 'book.xlsx');
    expect(newer.kind).toBe('queued');
    expect(newer.replaced?.document.values[0]?.value).toBe(90);
    const entries = outbox.state().entries;
    expect(entries).toHaveLength(4);
    expect(entries.filter((entry) => entry.workbookKey === 'book.xlsx' && entry.document.year === 2025 && entry.document.organisationId === 'wjj').map((entry) => entry.document.values[0]?.value)).toEqual([96]);

    server.down = false;
    const before = server.submitCalls.length;
    await outbox.flush({ force: true });
    const delivered = server.submitCalls.slice(before);
    expect(delivered).toHaveLength(4);
    // the replaced one (90) was never delivered; the same report from another workbook is its own entry
    expect(delivered.filter((call) => call.document.year === 2025 && call.document.organisationId === 'wjj').map((call) => call.document.values[0]?.value)).toEqual([95, 96]);
    expect(server.storedVersions()).toHaveLength(4);
  });

  it.each([
    ['401', new EndpointError('unauthorized', '访问令牌无效或已被撤销', 'Token revoked', { status: 401, code: 'auth.invalidToken', retryable: false })],
    ['403', new EndpointError('forbidden', '不能替其他单位提交', 'Other organisation', { status: 403, code: 'auth.otherOrganisation', retryable: false })],
    ['409', new EndpointError('conflict', '报表已审核通过并锁定', 'Locked', { status: 409, code: 'submission.locked', retryable: false })],
    ['422', new EndpointError('invalid', '有 2 项数据缺少说明', 'Notes required', { status: 422, code: 'submission.notesRequired', retryable: false })],
  ])('a %s leaves the entry needing attention with the server\'s message, not retried automatically', async (_status, error) => {
    const { outbox, server, online } = harness();
    const stop = outbox.start();
    server.refuseWith = error;
    const outcome = await outbox.submit(documentOf(), 'book.xlsx');
    expect(outcome.kind).toBe('attention');
    if (outcome.kind !== 'attention') return;
    expect(outcome.entry).toMatchObject({ state: 'attention', nextAttemptAt: null, attempts: 1, lastError: { zh: error.zh, retryable: false, status: error.options.status } });
    expect(outbox.nextAttemptAt()).toBeNull();
    online();
    await jest.advanceTimersByTimeAsync(60 * 60_000);
    await outbox.flush({ force: true });
    expect(server.submitCalls).toHaveLength(1);

    // the person fixes the cause and chooses 立即重试 on the entry
    server.refuseWith = null;
    const retried = await outbox.retry(outcome.entry.id);
    expect(retried?.kind).toBe('delivered');
    expect(server.submitCalls.map((call) => call.key)).toEqual([outcome.entry.idempotencyKey, outcome.entry.idempotencyKey]);
    expect(outbox.entriesFor('book.xlsx')).toEqual([]);
    stop();
  });

  it('an entry can be discarded', async () => {
    const { outbox, server } = harness();
    server.down = true;
    const outcome = await outbox.submit(documentOf(), 'book.xlsx');
    if (outcome.kind !== 'queued') throw new Error(outcome.kind);
    await outbox.discard(outcome.entry.id);
    expect(outbox.state().entries).toEqual([]);
    server.down = false;
    await outbox.flush({ force: true });
    expect(server.submitCalls).toHaveLength(1);
  });

  it('without endpoint settings the entry waits (no attempt, no timer) and goes once settings exist', async () => {
    let client: FakeEndpoint | null = null;
    const server = new FakeEndpoint();
    const store = memoryStore();
    const { outbox } = harness({ store, server, client: () => client });
    const stop = outbox.start();
    const outcome = await outbox.submit(documentOf(), 'book.xlsx');
    expect(outcome.kind).toBe('noSettings');
    expect(outbox.nextAttemptAt()).toBeNull();
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(server.submitCalls).toHaveLength(0);
    client = server;
    await outbox.flush({ force: true });
    expect(server.submitCalls).toHaveLength(1);
    expect(outbox.state().entries).toEqual([]);
    stop();
  });

  it('never two senders: two panes over the same storage flushing together send each entry once', async () => {
    const server = new FakeEndpoint();
    const store = memoryStore();
    const paneA = harness({ store, server });
    const paneB = harness({ store, server });
    server.down = true;
    await paneA.outbox.submit(documentOf(), 'book.xlsx');
    await paneA.outbox.submit(documentOf({ year: 2024 }), 'book.xlsx');
    expect(server.submitCalls).toHaveLength(2);
    server.down = false;
    let release!: () => void;
    server.gate = new Promise((resolve) => (release = resolve));
    const flushes = [paneA.outbox.flush({ force: true }), paneB.outbox.flush({ force: true }), paneA.outbox.flush({ force: true }), paneB.outbox.flush({ force: true })];
    await jest.advanceTimersByTimeAsync(0);
    // one request in flight at a time
    expect(server.submitCalls).toHaveLength(3);
    release();
    server.gate = null;
    await Promise.all(flushes);
    expect(server.submitCalls).toHaveLength(4);
    expect(server.storedVersions()).toHaveLength(2);
    expect(store.get(OUTBOX_KEY) && JSON.parse(store.get(OUTBOX_KEY) as string).entries).toEqual([]);
  });

  it('uses navigator.locks (a shared lock manager) when there is one, for every send', async () => {
    const names: string[] = [];
    const locks: LockManagerLike = {
      request: (name, callback) => {
        names.push(name);
        return inProcessLocks.request(`test-${name}`, callback);
      },
    };
    const { outbox, server } = harness({ locks });
    server.down = true;
    await outbox.submit(documentOf(), 'book.xlsx');
    server.down = false;
    await outbox.flush({ force: true });
    expect(names).toEqual([OUTBOX_LOCK, OUTBOX_LOCK]);
    expect(server.storedVersions()).toHaveLength(1);
  });

  it('unreadable stored data does not break the pane: a copy is kept, readable entries stay, it is reported', async () => {
    const store = memoryStore({ [OUTBOX_KEY]: '{"v":1,"entries":[{"id":' });
    const { outbox } = harness({ store });
    const listener = jest.fn();
    outbox.subscribe(listener);
    expect(outbox.state()).toEqual({ entries: [], deliveries: [] });
    const corruption = outbox.corruption();
    expect(corruption).toMatchObject({ dropped: 'all' });
    expect(store.get(corruption?.copyKey as string)).toBe('{"v":1,"entries":[{"id":');
    expect(corruption?.copyKey.startsWith(OUTBOX_CORRUPT_PREFIX)).toBe(true);
    await Promise.resolve();
    expect(listener).toHaveBeenCalled();
    // and the outbox works on
    const outcome = await outbox.submit(documentOf(), 'book.xlsx');
    expect(outcome.kind).toBe('delivered');

    // one bad entry among good ones: only it is dropped (and the whole data copied first)
    const good = harness();
    good.server.down = true;
    await good.outbox.submit(documentOf(), 'book.xlsx');
    const data = JSON.parse(good.store.get(OUTBOX_KEY) as string);
    data.entries.push({ id: 'x', document: 'not a document' });
    good.store.set(OUTBOX_KEY, JSON.stringify(data));
    expect(good.outbox.entriesFor('book.xlsx')).toHaveLength(1);
    expect(good.outbox.corruption()).toMatchObject({ dropped: 1 });
    expect(JSON.parse(good.store.get(OUTBOX_KEY) as string).entries).toHaveLength(1);

    // not even the right shape (someone else's data under the key)
    const wrong = harness({ store: memoryStore({ [OUTBOX_KEY]: '[1,2,3]' }) });
    expect(wrong.outbox.state().entries).toEqual([]);
    expect(wrong.outbox.corruption()?.dropped).toBe('all');
  });
});
