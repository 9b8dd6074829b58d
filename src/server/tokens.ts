import { createHash, randomBytes } from 'node:crypto';

/** Every token starts with this, so one found in a log or a mail is recognised for what it is. */
export const TOKEN_PREFIX = 'xpm_';

/** A new secret token: 32 random bytes, base64url, with the recognisable prefix. */
export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** A token's public id (shown in lists, used to revoke it); not a secret. */
export function generateTokenId(): string {
  return `tok_${randomBytes(6).toString('hex')}`;
}

/** What is stored instead of the token: its SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** SHA-256 (hex) of bytes or text. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted, so equal documents hash equally however their keys were ordered. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}
