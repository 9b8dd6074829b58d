import { catalogVersion } from '../helpers/catalog-version';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../src/server/db/database';
import { prepareDatabase } from '../../src/server/db/prepare';
import { WriteQueue } from '../../src/server/db/write-queue';
import { createToken } from '../../src/server/repositories/tokens';
import { acceptSubmission, type SubmissionOutcome } from '../../src/server/services/accept-submission';
import { seedCatalog } from '../../src/seed-catalog';
import type { SubmissionDocument } from '../../src/contract/submission-document';
import { acceptableDocument } from './helpers/submission-fixtures';
import { createTestDatabase, describeEachDialect, type TestDatabase } from './helpers/test-database';
import { withTestApp } from './helpers/test-app';

const organisation = (id: string) => ({ id, name: `测试${id}`, short_name: id, name_en: id, kind: 'department' as const, created_at: '2025-01-01T00:00:00.000Z' });
const addOrg = (trx: Transaction<Database>, id: string) => trx.insertInto('organisations').values(organisation(id)).execute();

describeEachDialect('write queue (group commit)', (dialect) => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = await prepareDatabase(database.location);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const stored = async (prefix: string) =>
    (await db.selectFrom('organisations').select('id').where('id', 'like', `${prefix}%`).orderBy('id').execute()).map((row) => row.id);

  it('jobs handed in together share one transaction and are answered only after its COMMIT', async () => {
    const queue = new WriteQueue(db);
    const ran: string[] = [];
    const answered: string[][] = [];
    const job = (id: string) =>
      queue
        .run(async (trx) => {
          await addOrg(trx, id);
          ran.push(id);
          return id;
        })
        .then((value) => {
          answered.push([...ran]);
          return value;
        });
    expect(await Promise.all([job('gc1a'), job('gc1b'), job('gc1c')])).toEqual(['gc1a', 'gc1b', 'gc1c']);
    // the first answer came after the last job of the batch had run: one COMMIT for the three
    expect(answered[0]).toEqual(['gc1a', 'gc1b', 'gc1c']);
    expect(await stored('gc1')).toEqual(['gc1a', 'gc1b', 'gc1c']);
  });

  it('a job that fails is rolled back alone (its savepoint); the others of the batch are stored and answered', async () => {
    const queue = new WriteQueue(db);
    const outcomes = await Promise.allSettled([
      queue.run(async (trx) => addOrg(trx, 'gc2a')),
      queue.run(async (trx) => {
        await addOrg(trx, 'gc2b');
        throw new Error('refused');
      }),
      // a database error (a duplicate key): on PostgreSQL it aborts the transaction until the savepoint is rolled back
      queue.run(async (trx) => {
        await addOrg(trx, 'gc2c');
        await addOrg(trx, 'gc2a');
      }),
      queue.run(async (trx) => addOrg(trx, 'gc2d')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(((outcomes[1] as PromiseRejectedResult).reason as Error).message).toBe('refused');
    expect(await stored('gc2')).toEqual(['gc2a', 'gc2d']);
  });

  it('later jobs of a batch see the writes of earlier ones', async () => {
    const queue = new WriteQueue(db);
    const [, seen] = await Promise.all([
      queue.run(async (trx) => addOrg(trx, 'gc3a')),
      queue.run(async (trx) => (await trx.selectFrom('organisations').select('id').where('id', '=', 'gc3a').executeTakeFirst())?.id),
    ]);
    expect(seen).toBe('gc3a');
  });

  it('a batch whose transaction breaks stores nothing of it; each job is run again alone and answered with that outcome', async () => {
    const queue = new WriteQueue(db);
    let attemptsOfA = 0;
    const outcomes = await Promise.allSettled([
      queue.run(async (trx) => {
        attemptsOfA += 1;
        await addOrg(trx, 'gc4a');
      }),
      // ends the whole transaction behind the queue's back (as a database may do by itself on some errors)
      queue.run(async (trx) => {
        await addOrg(trx, 'gc4b');
        await sql`rollback`.execute(trx);
      }),
      queue.run(async (trx) => addOrg(trx, 'gc4c')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(attemptsOfA).toBe(2);
    expect(await stored('gc4')).toEqual(['gc4a', 'gc4c']);
    // the queue goes on working
    await queue.run(async (trx) => addOrg(trx, 'gc4d'));
    expect(await stored('gc4')).toEqual(['gc4a', 'gc4c', 'gc4d']);
  });
});

describeEachDialect('acceptSubmission: several in the same turn of the event loop (on SQLite: one batch)', (dialect) => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  let tokenId: string;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = await prepareDatabase(database.location);
    tokenId = (await createToken(db, { organisationId: 'wjj', role: 'reporter' })).id;
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('idempotent replays inside one batch answer the receipt written by the first; another body with the key is a 409; versions count on', async () => {
    const catalog = seedCatalog();
    const auth = { tokenId, organisationId: 'wjj', role: 'reporter' as const };
    const document = (value: string): SubmissionDocument => ({ plan: 'children', year: 2026, organisationId: 'wjj', catalogVersion: catalogVersion(), templateVersion: 1, values: [{ indicatorId: 'C-HEA-04', value }] });
    const submit = (value: string, idempotencyKey?: string) => acceptSubmission(db, catalog, auth, { document: document(value), source: 'json', ...(idempotencyKey ? { idempotencyKey } : {}) });
    const outcomes = await Promise.allSettled([submit('3.2', 'k1'), submit('3.2', 'k1'), submit('3.0'), submit('3.1', 'k1'), submit('3.2', 'k1'), submit('2.9')]);
    // Which of the four k1 submissions is stored depends on which reaches the queue first (each looks its key
    // up before queuing: on PostgreSQL those lookups race over the pool); the rest must follow from it.
    const keyedAt = [0, 1, 3, 4];
    const bodies = ['3.2', '3.2', '3.0', '3.1', '3.2', '2.9'];
    const value = (index: number) => (outcomes[index] as PromiseFulfilledResult<SubmissionOutcome>).value;
    const stored = keyedAt.filter((index) => outcomes[index]?.status === 'fulfilled' && !value(index).replayed);
    expect(stored).toHaveLength(1);
    const winner = stored[0]!;
    for (const index of keyedAt.filter((at) => at !== winner)) {
      if (bodies[index] === bodies[winner]) {
        // the same body with the key: answered with the receipt the first one wrote, nothing stored again
        expect(outcomes[index]?.status).toBe('fulfilled');
        expect(value(index)).toMatchObject({ replayed: true, receipt: value(winner).receipt });
      } else {
        // another body with the key: refused
        expect(outcomes[index]?.status).toBe('rejected');
        expect(((outcomes[index] as PromiseRejectedResult).reason as { code: string }).code).toBe('idempotency.conflict');
      }
    }
    // the two without a key are stored each: with the keyed one, versions 1, 2 and 3
    expect([value(2).replayed, value(5).replayed]).toEqual([false, false]);
    expect([value(2), value(5), value(winner)].map((outcome) => outcome.receipt.version).sort()).toEqual([1, 2, 3]);
    const versions = await db.selectFrom('submission_versions').select('version').where('submission_id', '=', value(winner).receipt.submissionId).orderBy('version').execute();
    expect(versions.map((row) => Number(row.version))).toEqual([1, 2, 3]);
  });
});

describeEachDialect('POST /api/v1/submissions, many at once (group commit)', (dialect) => {
  const t = withTestApp(dialect);
  let wjj: string;
  let mzj: string;
  let bureau: string;
  beforeAll(async () => {
    [wjj, mzj, bureau] = await Promise.all([t.token('wjj'), t.token('mzj'), t.token('tjj', 'bureau')]);
    // 民政局 reports C-HEA-04 here too (by the bureau's grant): two organisations, one indicator
    await t.grant('mzj', 'C-HEA-04');
  });

  const post = (token: string, body: SubmissionDocument, headers: Record<string, string> = {}) => t.request(token, { method: 'POST', url: '/api/v1/submissions', payload: body, headers });
  const small = (organisationId: string, year: number, value: string): SubmissionDocument => ({ plan: 'children', year, organisationId, catalogVersion: catalogVersion(), templateVersion: 1, values: [{ indicatorId: 'C-HEA-04', value }] });

  it('concurrent whole-plan submissions of one organisation get distinct consecutive versions, each stored whole', async () => {
    const document = acceptableDocument({ organisationId: 'wjj', year: 2021 });
    const responses = await Promise.all(Array.from({ length: 16 }, () => post(wjj, document)));
    expect(responses.map((response) => response.statusCode)).toEqual(Array(16).fill(201));
    const receipts = responses.map((response) => response.json());
    expect(new Set(receipts.map((receipt) => receipt.submissionId)).size).toBe(1);
    expect(receipts.map((receipt) => receipt.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, index) => index + 1));
    const detail = (await t.request(bureau, { method: 'GET', url: `/api/v1/submissions/${receipts[0].submissionId}` })).json();
    expect(detail.currentVersion).toBe(16);
    expect(detail.history.map((event: { version: number }) => event.version).sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: 16 }, (_, index) => index + 1));
    for (const version of [1, 8, 16]) {
      const stored = (await t.request(bureau, { method: 'GET', url: `/api/v1/submissions/${receipts[0].submissionId}/versions/${version}` })).json();
      expect(stored.values).toHaveLength(document.values.length);
    }
  });

  it('a refused submission among concurrent ones (locked, idempotency conflict) fails alone; the others are stored', async () => {
    const approved = (await post(mzj, small('mzj', 2022, '3.3'))).json();
    expect((await t.request(bureau, { method: 'POST', url: `/api/v1/submissions/${approved.submissionId}/approve` })).statusCode).toBe(200);
    expect((await post(mzj, small('mzj', 2023, '3.3'), { 'idempotency-key': 'gc-used' })).statusCode).toBe(201);

    const responses = await Promise.all([
      post(mzj, small('mzj', 2024, '3.2')),
      post(mzj, small('mzj', 2022, '3.1')), // locked: approved
      post(mzj, small('mzj', 2024, '3.1')),
      post(mzj, small('mzj', 2023, '3.0'), { 'idempotency-key': 'gc-used' }), // the key with another body
      post(mzj, small('mzj', 2024, '3.0')),
    ]);
    expect(responses.map((response) => response.statusCode)).toEqual([201, 409, 201, 409, 201]);
    expect(responses[1]!.json().error.code).toBe('submission.locked');
    expect(responses[3]!.json().error.code).toBe('idempotency.conflict');
    expect([0, 2, 4].map((index) => responses[index]!.json().version).sort()).toEqual([1, 2, 3]);
    const list = (await t.request(mzj, { method: 'GET', url: '/api/v1/submissions?plan=children' })).json().submissions;
    const byYear = Object.fromEntries(list.map((item: { year: number; currentVersion: number; status: string }) => [item.year, [item.currentVersion, item.status]]));
    expect(byYear).toEqual({ 2022: [1, 'approved'], 2023: [1, 'submitted'], 2024: [3, 'submitted'] });
  });

  it('the same Idempotency-Key sent several times at once: one version stored, every answer its receipt', async () => {
    const document = small('wjj', 2025, '3.2');
    const responses = await Promise.all(Array.from({ length: 6 }, () => post(wjj, document, { 'idempotency-key': 'gc-same' })));
    expect(responses.map((response) => response.statusCode)).toEqual(Array(6).fill(201));
    const receipts = responses.map((response) => response.json());
    for (const receipt of receipts) expect(receipt).toEqual(receipts[0]);
    expect(receipts[0].version).toBe(1);
    expect(responses.filter((response) => response.headers['idempotent-replayed'] === 'true')).toHaveLength(5);
    const detail = (await t.request(wjj, { method: 'GET', url: `/api/v1/submissions/${receipts[0].submissionId}` })).json();
    expect(detail.versions).toHaveLength(1);
    expect(detail.history).toHaveLength(1);
  });
});
