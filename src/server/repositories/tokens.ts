import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../../contract/submission-document';
import type { Database, TokenRow } from '../db/database';
import { generateToken, generateTokenId, hashToken } from '../tokens';

type Db = Kysely<Database> | Transaction<Database>;

/** A token as listed: everything but its hash. */
export type TokenInfo = Omit<TokenRow, 'token_hash'>;

/** Creates a token and returns it in clear: the only time it is ever seen. */
export async function createToken(
  db: Db,
  input: { organisationId: string; role: Role; label?: string | null },
  now = new Date(),
): Promise<{ id: string; token: string }> {
  const token = generateToken();
  const id = generateTokenId();
  await db
    .insertInto('tokens')
    .values({ id, token_hash: hashToken(token), organisation_id: input.organisationId, role: input.role, label: input.label ?? null, created_at: now.toISOString(), revoked_at: null })
    .execute();
  return { id, token };
}

/** The prefix of the rows users have in `tokens` for the audit trail (repositories/users.ts): no tokens, never listed. */
const USER_ROW_PREFIX = 'usr_';

/** Every token, oldest first, without hashes (not the users' audit rows). */
export function listTokens(db: Db): Promise<TokenInfo[]> {
  return db
    .selectFrom('tokens')
    .select(['id', 'organisation_id', 'role', 'label', 'created_at', 'revoked_at'])
    .where('id', 'not like', `${USER_ROW_PREFIX}%`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Revokes a token; 'unknown' when there is no such id, 'already' when it was revoked before. */
export async function revokeToken(db: Db, id: string, now = new Date()): Promise<'revoked' | 'already' | 'unknown'> {
  if (id.startsWith(USER_ROW_PREFIX)) return 'unknown';
  const row = await db.selectFrom('tokens').select(['id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
  if (!row) return 'unknown';
  if (row.revoked_at) return 'already';
  await db.updateTable('tokens').set({ revoked_at: now.toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  return 'revoked';
}

/** The token a clear-text token belongs to, if it exists and is not revoked. */
export function findActiveToken(db: Db, token: string): Promise<TokenInfo | undefined> {
  return db
    .selectFrom('tokens')
    .select(['id', 'organisation_id', 'role', 'label', 'created_at', 'revoked_at'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}
