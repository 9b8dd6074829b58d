import type { ControlledTransaction, Kysely, Transaction } from 'kysely';
import { dialectOf } from './connect';
import { ApiError } from '../errors';
import type { Database } from './database';

/** One unit of writing: everything it writes is kept whole or not at all. */
export type WriteJob<T> = (trx: Transaction<Database>) => Promise<T>;

interface Queued {
  readonly work: WriteJob<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Settled = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** At most this many jobs share one transaction. */
const MAX_BATCH = 64;

/** At most this many jobs wait for the database; beyond it a job is refused at once (back-pressure). */
export const MAX_PENDING = 256;

/**
 * Group commit. Jobs handed in while the database is busy (or within the same turn of the event loop) are
 * written together: one transaction, each job in its own SAVEPOINT, one COMMIT — so one WAL fsync (SQLite)
 * or one commit flush (PostgreSQL) for all of them instead of one each.
 *
 * - A job that fails is rolled back to its savepoint: only its own writes go, the others stay in the batch.
 * - Every job's outcome — its value or its error — is handed out only after the COMMIT of its batch: a
 *   caller never hears "stored" before it is on disk, and never hears an answer that depends on a write
 *   of another job which then did not commit.
 * - Jobs run one after another in the order they came, each seeing the writes of those before it in the
 *   batch (a version number counts on from the previous job's, a repeated Idempotency-Key finds the answer
 *   remembered by an earlier job).
 * - If the batch as a whole cannot commit (the COMMIT or a savepoint command fails, or the database rolled
 *   the transaction back by itself), nothing of it is stored and each of its jobs is run again alone, in a
 *   transaction of its own, and answered with that outcome: one broken job never fails the others.
 *
 * Jobs must be safe to run again: they only read and write through the transaction they are given.
 *
 * The queue is bounded: with `maxPending` jobs already waiting (a database that has stopped answering, or
 * more load than it can write), a new job is refused at once with 503 and Retry-After instead of piling up
 * requests and memory without end.
 */
export class WriteQueue {
  readonly #db: Kysely<Database>;
  readonly #maxBatch: number;
  readonly #concurrency: number;
  readonly #maxPending: number;
  readonly #onCommit: (() => void) | undefined;
  #pending: Queued[] = [];
  #active = 0;
  #scheduled = false;

  /**
   * `maxBatch` jobs at most per transaction, `concurrency` transactions at a time (SQLite: one writer),
   * `maxPending` jobs waiting at most; `onCommit` is told of every committed transaction (the storage health).
   */
  constructor(db: Kysely<Database>, options: { maxBatch?: number; concurrency?: number; maxPending?: number; onCommit?: () => void } = {}) {
    this.#db = db;
    this.#maxBatch = options.maxBatch ?? MAX_BATCH;
    this.#concurrency = options.concurrency ?? 1;
    this.#maxPending = options.maxPending ?? MAX_PENDING;
    this.#onCommit = options.onCommit;
  }

  /** Jobs waiting for the database now. */
  get pending(): number {
    return this.#pending.length;
  }

  /** Runs `work` in the next batch; resolves with its value once the batch has committed. */
  run<T>(work: WriteJob<T>): Promise<T> {
    if (this.#pending.length >= this.#maxPending) {
      return Promise.reject(
        new ApiError(503, 'server.busy', `服务器繁忙：已有 ${this.#pending.length} 份报表在等待写入，本次未保存。请稍后重试（加载项会自动重试）。`, `The server is busy (${this.#pending.length} submissions waiting to be written); nothing was stored. Retry later.`, undefined, 5),
      );
    }
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#active >= this.#concurrency || this.#scheduled) return;
    this.#scheduled = true;
    // after the I/O of this turn of the event loop: requests that arrived together are written together
    setImmediate(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    if (this.#active >= this.#concurrency) return;
    const batch = this.#pending.splice(0, this.#maxBatch);
    if (batch.length === 0) return;
    this.#active += 1;
    if (this.#pending.length > 0) this.#schedule();
    try {
      const outcomes = await this.#writeBatch(batch);
      if (outcomes) batch.forEach((job, index) => settle(job, outcomes[index]!));
      else {
        // the batch did not commit: each job again, alone
        for (const job of batch) settle(job, (await this.#writeBatch([job]))?.[0] ?? { ok: false, error: new Error('the write transaction failed') });
      }
    } finally {
      this.#active -= 1;
    }
    if (this.#pending.length > 0) this.#schedule();
  }

  /**
   * One transaction with every job of the batch in its own savepoint. The outcomes once committed;
   * undefined when the transaction as a whole failed (then nothing of it is stored). A batch of one
   * reports that failure as its job's outcome instead.
   */
  async #writeBatch(batch: readonly Queued[]): Promise<Settled[] | undefined> {
    let trx: ControlledTransaction<Database> | undefined;
    try {
      trx = await this.#db.startTransaction().execute();
      const outcomes: Settled[] = [];
      for (const [index, job] of batch.entries()) {
        const name = `job_${index}`;
        const savepoint = await trx.savepoint(name).execute();
        let outcome: Settled;
        try {
          outcome = { ok: true, value: await job.work(savepoint) };
        } catch (error) {
          if (batch.length === 1) throw error;
          outcome = { ok: false, error };
          // undoes this job's writes only; if the database cannot (it ended the transaction), the batch fails
          await savepoint.rollbackToSavepoint(name).execute();
        }
        await savepoint.releaseSavepoint(name).execute();
        outcomes.push(outcome);
      }
      await trx.commit().execute();
      this.#onCommit?.();
      return outcomes;
    } catch (error) {
      if (trx && !trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute().catch(() => undefined);
      if (batch.length === 1) return [{ ok: false, error }];
      return undefined;
    }
  }
}

function settle(job: Queued, outcome: Settled): void {
  if (outcome.ok) job.resolve(outcome.value);
  else job.reject(outcome.error);
}

const queues = new WeakMap<Kysely<Database>, WriteQueue>();

/**
 * The write queue of a database, one per Kysely instance. SQLite: one batch at a time (it has one writer),
 * up to 64 jobs each. PostgreSQL commits concurrent transactions together by itself (its own group commit of
 * the WAL flush) and runs them on several connections at once; there a batch is one job and up to 8 run at
 * a time — grouping them into one transaction on one connection measured slower.
 */
export function writeQueueOf(db: Kysely<Database>): WriteQueue {
  let queue = queues.get(db);
  if (!queue) {
    queue = createWriteQueue(db);
    queues.set(db, queue);
  }
  return queue;
}

/**
 * Gives a database its write queue with these options (the server's limits and storage health); call once,
 * before the first write. Without it, `writeQueueOf` makes one with the defaults.
 */
export function configureWriteQueue(db: Kysely<Database>, options: { maxPending?: number; onCommit?: () => void }): WriteQueue {
  const queue = createWriteQueue(db, options);
  queues.set(db, queue);
  return queue;
}

function createWriteQueue(db: Kysely<Database>, options: { maxPending?: number; onCommit?: () => void } = {}): WriteQueue {
  return new WriteQueue(db, dialectOf(db) === 'postgresql' ? { ...options, maxBatch: 1, concurrency: POSTGRES_WRITERS } : options);
}

/** Transactions writing at once on PostgreSQL: below the pool's 10 connections, leaving some for reads. */
const POSTGRES_WRITERS = 8;
