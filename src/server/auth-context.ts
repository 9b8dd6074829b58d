import type { Role } from '../contract/submission-document';

/**
 * Who is calling: the token's id, organisation and role (set by the auth hook on every /api/v1 request). A
 * user signed in to the web app (session cookie) is a caller too: `tokenId` is then the user's id (the
 * audit trail and the rate limit key on it), and `userId`, `displayName` and `sessionId` say who.
 */
export interface AuthContext {
  readonly tokenId: string;
  readonly organisationId: string;
  readonly role: Role;
  readonly userId?: string;
  readonly displayName?: string;
  /** Set when the request came with the session cookie (not a Bearer token). */
  readonly sessionId?: string;
}
