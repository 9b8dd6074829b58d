import type { Role } from '../contract/submission-document';

/** Who is calling: the token's id, organisation and role (set by the auth hook on every /api/v1 request). */
export interface AuthContext {
  readonly tokenId: string;
  readonly organisationId: string;
  readonly role: Role;
}
