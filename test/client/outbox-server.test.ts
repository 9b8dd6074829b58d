/**
 * The outbox with the real endpoint client (createEndpointClient over Node's fetch) against the real shared
 * endpoint on SQLite: server unreachable → queued → retried → stored once; an answer lost after the server
 * stored the version → the retry is a replay; refusals (422, 409 locked) need attention and are not retried.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SubmissionDocument } from '../../src/contract/submission-document';
import { createEndpointClient } from '../../src/client/http-endpoint-client';
import { memoryStore } from '../../src/client/storage';
import { Outbox, type OutboxDeps } from '../../src/client/outbox';
import { seedCatalog } from '../../src/seed-catalog';
import { acceptableDocument } from '../server/helpers/submission-fixtures';
import { startTestApp, type TestApp } from '../server/helpers/test-app';

let testApp: TestApp;
let token: string;
let bureau: string;

beforeAll(async () => {
  testApp = await startTestApp('sqlite');
  token = await testApp.token('wjj');
  bureau = await testApp.token('tjj', 'bureau');
}, 60_000);

afterAll(async () => {
  await testApp?.close();
});

/** Node's fetch, which can be switched off (a network failure, as a browser reports it) or lose the next answer. */
function network() {
  const state = { down: false, loseNextAnswer: false, posts: 0 };
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    if (init?.method === 'POST') state.posts += 1;
    if (state.down) throw new TypeError('Failed to fetch');
    const response = await fetch(input, init);
    if (state.loseNextAnswer && init?.method === 'POST') {
      state.loseNextAnswer = false;
      await response.arrayBuffer();
      throw new TypeError('network connection was lost');
    }
    return response;
  }) as typeof fetch;
  return { state, fetchFn };
}

function outboxOver(fetchFn: typeof fetch, store = memoryStore()): Outbox {
  const client = createEndpointClient({ url: testApp.origin, token }, fetchFn, { timeoutMs: 10_000 });
  let ids = 0;
  const deps: OutboxDeps = {
    store,
    client: () => client,
    now: () => Date.now(),
    random: () => 0.5,
    randomUUID: () => `it-${process.pid}-${Date.now()}-${(ids += 1)}`,
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    locks: null,
    // real timers, short delays: 30 ms, 60 ms … at most 200 ms
    policy: { baseMs: 30, maxMs: 200, jitter: 0 },
  };
  return new Outbox(deps);
}

async function versionsOf(document: Pick<SubmissionDocument, 'plan' | 'year' | 'organisationId'>): Promise<{ id: string; versions: number } | null> {
  const list = await testApp.request(token, { method: 'GET', url: `/api/v1/submissions?plan=${document.plan}&year=${document.year}&org=${document.organisationId}` });
  expect(list.statusCode).toBe(200);
  const found = list.json().submissions[0];
  if (!found) return null;
  const detail = await testApp.request(token, { method: 'GET', url: `/api/v1/submissions/${found.id}` });
  return { id: found.id, versions: detail.json().versions.length };
}

async function until(condition: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the outbox against the real endpoint (SQLite)', () => {
  it('server unreachable → queued → retried by the backoff timer with the same key → stored exactly once', async () => {
    const { state, fetchFn } = network();
    const outbox = outboxOver(fetchFn);
    const stop = outbox.start();
    const document = acceptableDocument({ organisationId: 'wjj', count: 12, year: 2025 });
    state.down = true;
    const outcome = await outbox.submit(document, 'book-a.xlsx');
    expect(outcome.kind).toBe('queued');
    if (outcome.kind !== 'queued') return;
    expect(outcome.entry.lastError).toMatchObject({ kind: 'unreachable', retryable: true });
    await until(() => state.posts >= 3);
    expect(await versionsOf(document)).toBeNull();

    state.down = false;
    await until(() => outbox.state().entries.length === 0);
    const delivery = outbox.deliveryOf(outcome.entry.id);
    expect(delivery).toMatchObject({ replayed: false, receipt: { version: 1, organisationId: 'wjj', plan: 'children', year: 2025 } });
    expect((await versionsOf(document))?.versions).toBe(1);
    stop();
  });

  it('an answer lost after the server stored it: the retry is a replay (Idempotent-Replayed), still one version', async () => {
    const { state, fetchFn } = network();
    const outbox = outboxOver(fetchFn);
    const document = acceptableDocument({ organisationId: 'wjj', count: 12, year: 2024 });
    state.loseNextAnswer = true;
    const outcome = await outbox.submit(document, 'book-b.xlsx');
    expect(outcome.kind).toBe('queued');
    expect((await versionsOf(document))?.versions).toBe(1);

    await outbox.flush({ force: true });
    if (outcome.kind !== 'queued') return;
    const delivery = outbox.deliveryOf(outcome.entry.id);
    expect(delivery?.replayed).toBe(true);
    expect(delivery?.receipt.version).toBe(1);
    expect((await versionsOf(document))?.versions).toBe(1);
  });

  it('two panes over the same storage flushing at once send the queued submission once', async () => {
    const { state, fetchFn } = network();
    const store = memoryStore();
    const paneA = outboxOver(fetchFn, store);
    const paneB = outboxOver(fetchFn, store);
    const document = acceptableDocument({ organisationId: 'wjj', count: 12, year: 2023 });
    state.down = true;
    await paneA.submit(document, 'book-c.xlsx');
    state.down = false;
    const postsBefore = state.posts;
    await Promise.all([paneA.flush({ force: true }), paneB.flush({ force: true }), paneB.flush({ force: true })]);
    expect(state.posts - postsBefore).toBe(1);
    expect((await versionsOf(document))?.versions).toBe(1);
  });

  it('a document the server refuses (422) needs attention, with the server\'s message, and is not retried', async () => {
    const { state, fetchFn } = network();
    const outbox = outboxOver(fetchFn);
    const stop = outbox.start();
    const good = acceptableDocument({ organisationId: 'wjj', count: 12, year: 2022 });
    // a percentage typed in words: an error the engine (on the server too) refuses
    const percent = good.values.findIndex((value) => seedCatalog().indicators.get(value.indicatorId)?.unit === '%');
    expect(percent).toBeGreaterThanOrEqual(0);
    const document: SubmissionDocument = { ...good, values: good.values.map((value, index) => (index === percent ? { ...value, value: '九十五', note: null } : value)) };
    const outcome = await outbox.submit(document, 'book-d.xlsx');
    expect(outcome.kind).toBe('attention');
    if (outcome.kind !== 'attention') return;
    expect(outcome.entry.lastError).toMatchObject({ kind: 'invalid', status: 422, code: 'submission.invalid', retryable: false });
    expect(outcome.entry.lastError?.zh).toMatch(/处错误，未能提交/);
    const posts = state.posts;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await outbox.flush({ force: true });
    expect(state.posts).toBe(posts);
    expect(await versionsOf(document)).toBeNull();
    stop();
  });

  it('an approved (locked) report refuses a new version: 409, needs attention', async () => {
    const { fetchFn } = network();
    const outbox = outboxOver(fetchFn);
    const document = acceptableDocument({ organisationId: 'wjj', count: 8, year: 2021 });
    const first = await outbox.submit(document, 'book-e.xlsx');
    expect(first.kind).toBe('delivered');
    if (first.kind !== 'delivered') return;
    const approve = await testApp.request(bureau, { method: 'POST', url: `/api/v1/submissions/${first.delivery.receipt.submissionId}/approve`, payload: {} });
    expect(approve.statusCode).toBe(200);

    const again = await outbox.submit(document, 'book-e.xlsx');
    expect(again.kind).toBe('attention');
    if (again.kind !== 'attention') return;
    expect(again.entry.lastError).toMatchObject({ kind: 'conflict', status: 409, code: 'submission.locked' });
    expect(again.entry.lastError?.zh).toMatch(/审核通过并锁定/);
    expect((await versionsOf(document))?.versions).toBe(1);
  });
});
