/**
 * 账户 / The web app's accounts: signing in with a password (lockout after repeated failures, no telling an
 * unknown login from a wrong password), the sessions a sign-in opens, and the user as the wire shows it.
 */
import type { Kysely } from 'kysely';
import type { User } from '../../contract/accounts';
import type { AccountSettings } from '../config';
import type { Database, SessionRow, UserRow } from '../db/database';
import { ApiError } from '../errors';
import { createSession, findSessionBySecret, touchSession } from '../repositories/sessions';
import { findUserByLogin, recordFailedLogin, recordLogin, setPassword } from '../repositories/users';
import type { PasswordHasher } from './passwords';

/** How many unknown login names are remembered for their failure counts (oldest forgotten first). */
const UNKNOWN_LOGINS_KEPT = 10_000;
/** A session's idle expiry is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;

/** The user as the API shows it (never the hash). */
export function userAnswer(row: UserRow, now: Date): User {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    organisationId: row.organisation_id,
    role: row.role,
    mustChangePassword: Boolean(Number(row.must_change_password)),
    disabled: Boolean(Number(row.disabled)),
    lockedUntil: row.locked_until !== null && Date.parse(row.locked_until) > now.getTime() ? row.locked_until : null,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

/** Whole minutes left until `until` (at least 1). */
function minutesUntil(until: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 60_000));
}

export class Accounts {
  /** Failure counts of login names that do not exist, so that they answer exactly as existing ones do. */
  readonly #unknown = new Map<string, { failures: number; lockedUntil: string | null }>();

  constructor(
    private readonly db: Kysely<Database>,
    readonly settings: AccountSettings,
    readonly hasher: PasswordHasher,
    readonly now: () => Date = () => new Date(),
  ) {}

  /** 423: locked, with the minutes left and who can lift it. */
  lockedError(until: string): ApiError {
    const now = this.now();
    const minutes = minutesUntil(until, now);
    const { maxFailures } = this.settings;
    return new ApiError(
      423,
      'auth.locked',
      `账户已锁定：连续 ${maxFailures} 次密码错误。请 ${minutes} 分钟后再试，或请管理员解锁。`,
      `The account is locked after ${maxFailures} wrong passwords; retry in ${minutes} min or ask an admin to unlock it.`,
      { lockedUntil: until },
      Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000)),
    );
  }

  /** 401: wrong login or password (the same words for both), with the attempts left before the lock. */
  #invalid(failures: number): ApiError {
    const { maxFailures, lockMs } = this.settings;
    const left = Math.max(0, maxFailures - failures);
    const minutes = Math.round(lockMs / 60_000);
    return new ApiError(
      401,
      'auth.invalidCredentials',
      `用户名或密码错误：还可尝试 ${left} 次，连续 ${maxFailures} 次错误将锁定账户 ${minutes} 分钟。`,
      `Wrong login or password: ${left} attempts left before the account locks for ${minutes} min.`,
      { attemptsLeft: left },
    );
  }

  /**
   * Checks a login and password and opens a session. Refusals: 423 locked (checked before the password, no
   * hash spent), 401 wrong login or password (one hash spent either way, the same message and countdown
   * for a login that does not exist), 403 disabled (only said once the password was right).
   */
  async signIn(login: string, password: string): Promise<{ user: UserRow; secret: string; session: SessionRow }> {
    const now = this.now();
    const key = login.trim().toLowerCase();
    const user = await findUserByLogin(this.db, key);
    const lock = user ? user.locked_until : (this.#unknown.get(key)?.lockedUntil ?? null);
    if (lock !== null && Date.parse(lock) > now.getTime()) throw this.lockedError(lock);
    const matches = await this.hasher.verify(password, user?.password_hash);
    if (!user || !matches) {
      const lockUntil = new Date(this.now().getTime() + this.settings.lockMs);
      const outcome = user ? await recordFailedLogin(this.db, user.id, this.settings.maxFailures, lockUntil) : this.#unknownFailure(key, lockUntil);
      if (outcome.lockedUntil !== null && Date.parse(outcome.lockedUntil) > now.getTime()) throw this.lockedError(outcome.lockedUntil);
      throw this.#invalid(outcome.failures);
    }
    if (Number(user.disabled)) {
      throw new ApiError(403, 'auth.userDisabled', '此账户已停用，不能登录：如需使用，请联系统计局管理员。', 'This account is disabled; ask an admin.');
    }
    if (this.hasher.needsRehash(user.password_hash)) {
      await setPassword(this.db, user.id, await this.hasher.hash(password), Boolean(Number(user.must_change_password)), new Date(user.password_changed_at));
    }
    await recordLogin(this.db, user.id, now);
    const opened = await createSession(this.db, user.id, { now, idleMs: this.settings.sessionIdleMs, maxMs: this.settings.sessionMaxMs });
    return { user: { ...user, failed_attempts: 0, locked_until: null, last_login_at: now.toISOString() }, ...opened };
  }

  #unknownFailure(key: string, lockUntil: Date): { failures: number; lockedUntil: string | null } {
    const entry = this.#unknown.get(key) ?? { failures: 0, lockedUntil: null };
    this.#unknown.delete(key);
    if (this.#unknown.size >= UNKNOWN_LOGINS_KEPT) this.#unknown.delete(this.#unknown.keys().next().value as string);
    const failures = entry.failures + 1;
    const next = failures >= this.settings.maxFailures ? { failures: 0, lockedUntil: lockUntil.toISOString() } : { failures, lockedUntil: null };
    this.#unknown.set(key, next);
    return { failures, lockedUntil: next.lockedUntil };
  }

  /**
   * The session a cookie's secret opens, if it is still valid (not past its idle or absolute expiry, its user
   * not disabled); its idle expiry moves on. Undefined otherwise.
   */
  async resume(secret: string): Promise<{ user: UserRow; session: SessionRow } | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
    const found = await findSessionBySecret(this.db, secret);
    if (!found) return undefined;
    const now = this.now();
    const { session, user } = found;
    if (Date.parse(session.expires_at) <= now.getTime() || Date.parse(session.absolute_expires_at) <= now.getTime() || Number(user.disabled)) return undefined;
    if (now.getTime() - Date.parse(session.last_seen_at) >= TOUCH_EVERY_MS) {
      const expires = await touchSession(this.db, session, now, this.settings.sessionIdleMs);
      return { user, session: { ...session, expires_at: expires, last_seen_at: now.toISOString() } };
    }
    return found;
  }
}
