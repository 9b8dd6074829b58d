import type { Kysely, Transaction } from 'kysely';
import type { Database, IdempotencyKeyRow } from '../db/database';

type Db = Kysely<Database> | Transaction<Database>;

/** The answer remembered for an Idempotency-Key within its scope (the organisation). */
export function findIdempotencyKey(db: Db, scope: string, key: string): Promise<IdempotencyKeyRow | undefined> {
  return db.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('idempotency_key', '=', key).executeTakeFirst();
}

/** Remembers the answer to a request (in the same transaction that stored what it answers about). */
export async function saveIdempotencyKey(db: Db, row: IdempotencyKeyRow): Promise<void> {
  await db.insertInto('idempotency_keys').values(row).execute();
}
