import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, SessionRow, UserRow } from '../db/database';
import { sha256 } from '../tokens';

type Db = Kysely<Database> | Transaction<Database>;

/** A new session: its secret (the cookie's value, returned once, only its SHA-256 stored) and its CSRF token. */
export async function createSession(
  db: Db,
  userId: string,
  times: { now: Date; idleMs: number; maxMs: number },
): Promise<{ secret: string; session: SessionRow }> {
  const secret = randomBytes(32).toString('base64url');
  const absolute = new Date(times.now.getTime() + times.maxMs);
  const idle = new Date(Math.min(times.now.getTime() + times.idleMs, absolute.getTime()));
  const session: SessionRow = {
    id: `ses_${randomBytes(8).toString('hex')}`,
    secret_hash: sha256(secret),
    user_id: userId,
    csrf_token: randomBytes(32).toString('base64url'),
    created_at: times.now.toISOString(),
    expires_at: idle.toISOString(),
    absolute_expires_at: absolute.toISOString(),
    last_seen_at: times.now.toISOString(),
  };
  await db.insertInto('sessions').values(session).execute();
  return { secret, session };
}

/** The session a cookie's secret belongs to, with its user; expired or not (the caller decides). */
export async function findSessionBySecret(db: Db, secret: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const session = await db.selectFrom('sessions').selectAll().where('secret_hash', '=', sha256(secret)).executeTakeFirst();
  if (!session) return undefined;
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  return user ? { session, user } : undefined;
}

/** The session was used: its idle expiry moves on (never past its absolute one). */
export async function touchSession(db: Db, session: SessionRow, now: Date, idleMs: number): Promise<string> {
  const expires = new Date(Math.min(now.getTime() + idleMs, Date.parse(session.absolute_expires_at))).toISOString();
  await db.updateTable('sessions').set({ last_seen_at: now.toISOString(), expires_at: expires }).where('id', '=', session.id).execute();
  return expires;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user, but one (the one that changed the password stays signed in). */
export async function deleteSessionsOfUser(db: Db, userId: string, except?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (except !== undefined) query = query.where('id', '<>', except);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}

/** Forgets sessions past their expiry (run now and then: an expired one is refused anyway). */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const at = now.toISOString();
  const result = await db.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<=', at), eb('absolute_expires_at', '<=', at)])).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}
