import crypto from 'node:crypto';
import { ApiError } from '../../../src/server/errors';
import { decodePasswordHash, DEFAULT_SCRYPT_COST, generatePassword, PasswordHasher, weakPasswordReason } from '../../../src/server/services/passwords';
import { TEST_COST } from './account-fixtures';

// scrypt at its real cost (32 MiB, ~0.5 s on one core) and many sign-ins, on the 2 cores the whole suite shares
jest.setTimeout(60_000);

describe('passwords: scrypt, self-describing, bounded', () => {
  afterEach(() => jest.restoreAllMocks());

  it('hashes at OWASP\'s scrypt cost (N=2^15, r=8, p=3) into scrypt$N$r$p$salt$hash, salted, and verifies in constant time', async () => {
    expect(DEFAULT_SCRYPT_COST).toEqual({ N: 32768, r: 8, p: 3 });
    const hasher = new PasswordHasher({ concurrency: 2, queue: 2 });
    const one = await hasher.hash('Ein-Passwort-123');
    const two = await hasher.hash('Ein-Passwort-123');
    expect(one).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(one).not.toBe(two);
    const compare = jest.spyOn(crypto, 'timingSafeEqual');
    expect(await hasher.verify('Ein-Passwort-123', one)).toBe(true);
    expect(await hasher.verify('Ein-Passwort-124', one)).toBe(false);
    expect(compare).toHaveBeenCalledTimes(2);
    expect(hasher.needsRehash(one)).toBe(false);
  });

  it('verifies a hash by the cost written in it, and asks to rehash a cheaper one', async () => {
    const cheap = await new PasswordHasher({ concurrency: 1, queue: 0 }, TEST_COST).hash('Ein-Passwort-123');
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    const current = new PasswordHasher({ concurrency: 1, queue: 0 });
    expect(await current.verify('Ein-Passwort-123', cheap)).toBe(true);
    expect(current.needsRehash(cheap)).toBe(true);
  });

  it('an unknown login (no stored hash) still costs one hash at the current cost, and never matches', async () => {
    const hasher = new PasswordHasher({ concurrency: 1, queue: 0 }, TEST_COST);
    const scrypt = jest.spyOn(crypto, 'scrypt');
    expect(await hasher.verify('whatever-it-is', undefined)).toBe(false);
    expect(scrypt).toHaveBeenCalledTimes(1);
    expect(scrypt.mock.calls[0]?.[3]).toMatchObject({ N: TEST_COST.N, r: TEST_COST.r, p: TEST_COST.p });
    expect(await hasher.verify('whatever-it-is', 'not-a-hash')).toBe(false);
    expect(scrypt).toHaveBeenCalledTimes(2);
  });

  it('refuses stored hashes that would make it allocate without bound, or are not ours', () => {
    expect(decodePasswordHash('scrypt$1048576$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5')).toBeDefined();
    expect(decodePasswordHash('scrypt$2097152$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5')).toBeUndefined();
    expect(decodePasswordHash('scrypt$1000$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5')).toBeUndefined();
    expect(decodePasswordHash('scrypt$1024$64$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5')).toBeUndefined();
    expect(decodePasswordHash('argon2id$v=19$m=65536$abc')).toBeUndefined();
  });

  it('hashes at most `concurrency` at once and lets at most `queue` wait: beyond, 503 auth.busy in Chinese', async () => {
    const hasher = new PasswordHasher({ concurrency: 1, queue: 1 }, TEST_COST);
    const results = await Promise.allSettled([hasher.hash('Passwort-0000'), hasher.hash('Passwort-1111'), hasher.hash('Passwort-2222')]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const refusal = (results[2] as PromiseRejectedResult).reason as ApiError;
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ statusCode: 503, code: 'auth.busy', retryAfterSeconds: 5 });
    expect(refusal.message).toContain('登录请求过多');
    // the gate is free again afterwards
    await expect(hasher.hash('Passwort-3333')).resolves.toMatch(/^scrypt\$/);
  });

  it('generates 16-character passwords without look-alikes; refuses a new password equal to the current one or containing the login', () => {
    const passwords = Array.from({ length: 200 }, () => generatePassword());
    for (const password of passwords) expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{16}$/);
    expect(new Set(passwords).size).toBe(200);
    expect(weakPasswordReason('Same-Password-1', 'zhang', 'Same-Password-1')?.code).toBe('auth.samePassword');
    expect(weakPasswordReason('my-ZHANG-2025!', 'zhang')?.code).toBe('auth.weakPassword');
    expect(weakPasswordReason('Ganz-anders-2025', 'zhang', 'Old-Password-1')).toBeUndefined();
  });
});
