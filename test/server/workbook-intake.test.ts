import { join } from 'node:path';
import { ApiError } from '../../src/server/errors';
import { WorkbookIntake } from '../../src/server/services/workbook-intake';

const STAND_IN = join(__dirname, 'helpers', 'stand-in-reader-worker.cjs');
const file = (kind: number) => new Uint8Array([kind, 0, 0, 0]);

describe('the upload reading threads', () => {
  let intake: WorkbookIntake;
  afterEach(async () => intake?.close());

  it('a reading that takes longer than its time ends its thread and is refused with 422; the time counts from its start', async () => {
    intake = new WorkbookIntake({ workers: 1, queue: 2, timeoutMs: 1000, heapMb: 64, filename: STAND_IN });
    const started = Date.now();
    // the second waits ~1 s for the thread: that wait is not its reading time, so it is answered, not refused
    const [slow, quick] = await Promise.allSettled([intake.read(file(1), {}), intake.read(file(0), {})]);
    expect(slow.status).toBe('rejected');
    expect((slow as PromiseRejectedResult).reason).toBeInstanceOf(ApiError);
    expect((slow as PromiseRejectedResult).reason).toMatchObject({ statusCode: 422, code: 'upload.tooComplex' });
    expect((slow as PromiseRejectedResult).reason.message).toContain('1 秒');
    expect(quick).toEqual({ status: 'fulfilled', value: { ok: true, sheets: [] } });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('a reading that needs more heap than its thread has is refused with 422, and the next one is served', async () => {
    intake = new WorkbookIntake({ workers: 1, queue: 2, timeoutMs: 20_000, heapMb: 32, filename: STAND_IN });
    await expect(intake.read(file(2), {})).rejects.toMatchObject({ statusCode: 422, code: 'upload.tooComplex' });
    await expect(intake.read(file(0), {})).resolves.toEqual({ ok: true, sheets: [] });
  }, 30_000);

  it('with every thread busy and the queue full, an upload is answered 503 with Retry-After at once', async () => {
    intake = new WorkbookIntake({ workers: 1, queue: 1, timeoutMs: 20_000, heapMb: 64, filename: STAND_IN });
    const running = intake.read(file(1), {});
    await new Promise((resolve) => setTimeout(resolve, 300));
    const waiting = intake.read(file(0), {});
    const started = Date.now();
    const refused = await intake.read(file(0), {}).catch((error: unknown) => error);
    expect(Date.now() - started).toBeLessThan(500);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ statusCode: 503, code: 'upload.busy', retryAfterSeconds: 5 });
    await Promise.all([running, waiting]);
  }, 30_000);
});
