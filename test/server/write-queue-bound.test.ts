import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/database';
import { prepareDatabase } from '../../src/server/db/prepare';
import { WriteQueue } from '../../src/server/db/write-queue';
import { ApiError } from '../../src/server/errors';
import { createTestDatabase, type TestDatabase } from './helpers/test-database';

describe('the write queue is bounded', () => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    db = await prepareDatabase(database.location);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('beyond its pending limit a job is refused at once with 503 and Retry-After, not queued without end', async () => {
    const queue = new WriteQueue(db, { maxPending: 3 });
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const running = queue.run(async () => blocked);
    await new Promise((resolve) => setImmediate(resolve)); // the first job is running, holding the writer
    const waiting = [1, 2, 3].map((n) => queue.run(async () => n));
    const refused = queue.run(async () => 4);
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ statusCode: 503, code: 'server.busy' });
    const error = (await refused.catch((caught: unknown) => caught)) as ApiError;
    expect(error.message).toContain('服务器繁忙');
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    release();
    await running;
    expect(await Promise.all(waiting)).toEqual([1, 2, 3]);
    // room again once the queue drained
    expect(await queue.run(async () => 5)).toBe(5);
  });
});
