import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Role } from '../../contract/submission-document';
import type { Database, UserRow } from '../db/database';
import { hashToken } from '../tokens';

type Db = Kysely<Database> | Transaction<Database>;

/** A user's public id. */
export function generateUserId(): string {
  return `usr_${randomBytes(8).toString('hex')}`;
}

/** The user with this login name, whatever its case. */
export function findUserByLogin(db: Db, login: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where(sql<string>`lower(login)`, '=', login.trim().toLowerCase()).executeTakeFirst();
}

export function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every user, by login name. */
export function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy(sql`lower(login)`).execute();
}

export interface NewUserInput {
  readonly login: string;
  readonly displayName: string;
  readonly organisationId: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
}

/**
 * Adds a user, and the row in `tokens` under the same id that the audit trail and the submissions refer to
 * (revoked from the start, hashed from random bytes nobody holds: it can never authenticate). 'taken' when
 * the login name exists in any case.
 */
export async function createUser(db: Kysely<Database>, input: NewUserInput, now = new Date()): Promise<UserRow | 'taken'> {
  const at = now.toISOString();
  const id = generateUserId();
  return db.transaction().execute(async (trx) => {
    if (await findUserByLogin(trx, input.login)) return 'taken';
    await trx
      .insertInto('tokens')
      .values({ id, token_hash: hashToken(`user:${id}:${randomBytes(32).toString('base64url')}`), organisation_id: input.organisationId, role: input.role, label: `用户 ${input.login}`, created_at: at, revoked_at: at })
      .execute();
    const row: UserRow = {
      id,
      login: input.login.trim(),
      display_name: input.displayName,
      organisation_id: input.organisationId,
      role: input.role,
      password_hash: input.passwordHash,
      must_change_password: input.mustChangePassword ? 1 : 0,
      disabled: 0,
      failed_attempts: 0,
      locked_until: null,
      created_at: at,
      last_login_at: null,
      password_changed_at: at,
    };
    await trx.insertInto('users').values(row).execute();
    return row;
  });
}

export interface UserChanges {
  readonly displayName?: string;
  readonly organisationId?: string;
  readonly role?: Role;
  readonly disabled?: boolean;
  readonly unlock?: boolean;
}

/** Changes a user (and keeps its audit row in `tokens` saying the same organisation and role). */
export async function updateUser(db: Db, id: string, changes: UserChanges): Promise<void> {
  const set: Partial<UserRow> = {
    ...(changes.displayName === undefined ? {} : { display_name: changes.displayName }),
    ...(changes.organisationId === undefined ? {} : { organisation_id: changes.organisationId }),
    ...(changes.role === undefined ? {} : { role: changes.role }),
    ...(changes.disabled === undefined ? {} : { disabled: changes.disabled ? 1 : 0 }),
    ...(changes.unlock ? { failed_attempts: 0, locked_until: null } : {}),
  };
  if (Object.keys(set).length > 0) await db.updateTable('users').set(set).where('id', '=', id).execute();
  if (changes.organisationId !== undefined || changes.role !== undefined) {
    await db
      .updateTable('tokens')
      .set({ ...(changes.organisationId === undefined ? {} : { organisation_id: changes.organisationId }), ...(changes.role === undefined ? {} : { role: changes.role }) })
      .where('id', '=', id)
      .execute();
  }
}

/** A new password hash; `mustChange` after an admin's reset, cleared when the user chose it. */
export async function setPassword(db: Db, id: string, passwordHash: string, mustChange: boolean, now = new Date()): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0, password_changed_at: now.toISOString(), failed_attempts: 0, locked_until: null })
    .where('id', '=', id)
    .execute();
}

/** One more failed sign-in; at `maxFailures` the account locks until `lockedUntil` and the count starts again. Returns the count and the lock. */
export async function recordFailedLogin(db: Db, id: string, maxFailures: number, lockedUntil: Date): Promise<{ failures: number; lockedUntil: string | null }> {
  await db.updateTable('users').set({ failed_attempts: sql`failed_attempts + 1` }).where('id', '=', id).execute();
  const row = await db.selectFrom('users').select(['failed_attempts', 'locked_until']).where('id', '=', id).executeTakeFirstOrThrow();
  const failures = Number(row.failed_attempts);
  if (failures >= maxFailures) {
    const until = lockedUntil.toISOString();
    await db.updateTable('users').set({ failed_attempts: 0, locked_until: until }).where('id', '=', id).execute();
    return { failures, lockedUntil: until };
  }
  return { failures, lockedUntil: row.locked_until };
}

/** A successful sign-in: the failures are forgotten, the time kept. */
export async function recordLogin(db: Db, id: string, now = new Date()): Promise<void> {
  await db.updateTable('users').set({ failed_attempts: 0, locked_until: null, last_login_at: now.toISOString() }).where('id', '=', id).execute();
}

/** How many users are admins who can sign in (not disabled), optionally leaving one out. */
export async function countActiveAdmins(db: Db, except?: string): Promise<number> {
  let query = db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).where('role', '=', 'admin').where('disabled', '=', 0);
  if (except !== undefined) query = query.where('id', '<>', except);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}
