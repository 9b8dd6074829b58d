/**
 * Passwords: hashed with scrypt (memory-hard, in Node's crypto: no native dependency), encoded with their
 * parameters so they can be raised later (`scrypt$N$r$p$salt$hash`, salt and hash base64url), compared in
 * constant time. Hashing runs on libuv's thread pool; at most `concurrency` hashes run at once and at most
 * `queue` wait, beyond which a sign-in is refused at once (503): a flood of sign-ins cannot take all the
 * memory (32 MiB each with the default parameters) or every core.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ApiError } from '../errors';

/** The cost of one hash: N (a power of two), r, p. */
export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP's scrypt setting for 32 MiB: N=2^15, r=8, p=3 (Password Storage Cheat Sheet). */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 3 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** The largest cost a stored hash may ask for (a tampered row must not make the server allocate gigabytes). */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

/** scrypt needs 128·N·r bytes (plus a little); Node refuses above maxmem (default 32 MiB), so it is set from the cost. */
function maxmemOf(cost: ScryptCost): number {
  return 128 * cost.N * cost.r + 128 * cost.r * cost.p + 2 * 1024 * 1024;
}

function derive(password: string, salt: Buffer, length: number, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: maxmemOf(cost) };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** A stored hash read back: its cost, salt and key; undefined when it is not one of ours. */
export function decodePasswordHash(encoded: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | undefined {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every(Number.isSafeInteger) || N < 2 || N > MAX_N || (N & (N - 1)) !== 0 || r < 1 || r > MAX_R || p < 1 || p > MAX_P) return undefined;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const key = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < 8 || key.length < 16 || key.length > 64) return undefined;
  return { cost: { N, r, p }, salt, key };
}

/** A bounded gate: `run` waits for one of `concurrency` slots, or throws 503 when `queue` callers wait already. */
class Gate {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly queue: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.concurrency) {
      if (this.#waiting.length >= this.queue) {
        throw new ApiError(503, 'auth.busy', '登录请求过多，服务器正忙：请稍等几秒后再试。', 'Too many sign-ins at once; retry in a few seconds.', undefined, 5);
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running += 1;
    }
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      // the slot passes straight to the next caller; without one it is freed
      if (next) next();
      else this.#running -= 1;
    }
  }
}

/** Hashes and verifies passwords through one bounded gate. */
export class PasswordHasher {
  readonly #gate: Gate;

  constructor(
    options: { concurrency: number; queue: number },
    /** The cost of new hashes (tests lower it; stored hashes carry their own). */
    readonly cost: ScryptCost = DEFAULT_SCRYPT_COST,
  ) {
    this.#gate = new Gate(options.concurrency, options.queue);
  }

  /** A new hash of a password: `scrypt$N$r$p$salt$hash`. */
  hash(password: string): Promise<string> {
    return this.#gate.run(async () => {
      const salt = randomBytes(SALT_BYTES);
      const key = await derive(password, salt, KEY_BYTES, this.cost);
      return `scrypt$${this.cost.N}$${this.cost.r}$${this.cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
    });
  }

  /**
   * Whether a password matches a stored hash (constant-time comparison). With no stored hash (an unknown
   * login) it still spends one hash of the current cost and answers false: the time does not tell whether
   * the login exists.
   */
  async verify(password: string, encoded: string | undefined): Promise<boolean> {
    const stored = encoded === undefined ? undefined : decodePasswordHash(encoded);
    if (!stored) {
      await this.#gate.run(async () => derive(password, randomBytes(SALT_BYTES), KEY_BYTES, this.cost));
      return false;
    }
    const key = await this.#gate.run(() => derive(password, stored.salt, stored.key.length, stored.cost));
    return key.length === stored.key.length && timingSafeEqual(key, stored.key);
  }

  /** Whether a stored hash was made with less than the current cost (rehash it at the next sign-in). */
  needsRehash(encoded: string): boolean {
    const stored = decodePasswordHash(encoded);
    return !stored || stored.cost.N < this.cost.N || stored.cost.r < this.cost.r || stored.cost.p < this.cost.p;
  }
}

/** A password a person can type and copy: 16 characters of 57 letters and digits without look-alikes (0 O 1 l I o): ≈ 93 bits. */
export function generatePassword(length = 16): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const out: string[] = [];
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // rejection sampling: no bias toward the first characters of the alphabet
      if (byte < 256 - (256 % alphabet.length) && out.length < length) out.push(alphabet[byte % alphabet.length]!);
    }
  }
  return out.join('');
}

/** Why a new password is refused beyond its length (NewPasswordSchema): the same as the current one, or containing the login name. */
export function weakPasswordReason(password: string, login: string, current?: string): { code: string; zh: string; en: string } | undefined {
  if (current !== undefined && password === current) return { code: 'auth.samePassword', zh: '新密码不能与当前密码相同。', en: 'The new password must differ from the current one.' };
  if (password.toLowerCase().includes(login.trim().toLowerCase())) return { code: 'auth.weakPassword', zh: '新密码不能包含用户名。', en: 'The new password must not contain the login name.' };
  return undefined;
}
