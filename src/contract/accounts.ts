import { z } from 'zod';
import { OrganisationSchema } from '../core/catalog/organisation-schema';
import { RoleSchema, SafeTextSchema } from './submission-document';

/**
 * The web app's accounts: users who sign in with a password (a session cookie, not a token), what the
 * session answers, and what admins send to manage users, organisations and the add-in's API tokens. The
 * server validates with these schemas, the web app reads answers with them.
 *
 * Session: `POST /api/v1/session` sets the cookie `xpm_session` (HttpOnly, SameSite=Strict, Path=/, Secure
 * behind HTTPS) and answers {@link SessionInfoSchema}; its `csrfToken` goes, as the header
 * {@link CSRF_HEADER}, on every request that changes something (POST/PUT/DELETE) made with the cookie.
 * Requests with `Authorization: Bearer` (the add-in, the CLI, curl) need no CSRF token.
 */

/** The session cookie's name. */
export const SESSION_COOKIE = 'xpm_session';
/** The header that carries the session's CSRF token on state-changing requests. */
export const CSRF_HEADER = 'x-csrf-token';

/** A login name: letters, digits, `.`, `_`, `-`; 3–40 characters; compared case-insensitively. */
export const LoginNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,39}$/, { error: '用户名应为 3–40 个字母、数字或 . _ -，以字母或数字开头 / login: 3–40 letters, digits, . _ -' });

/** At least 10 characters, at most 200 (a KDF input is bounded before it is hashed). */
export const NewPasswordSchema = z
  .string()
  .min(10, { error: '密码至少 10 个字符 / the password needs at least 10 characters' })
  .max(200, { error: '密码最多 200 个字符 / at most 200 characters' });

/** A password as typed at login: bounded, otherwise anything. */
export const PasswordSchema = z.string().min(1, { error: '请输入密码 / enter the password' }).max(200);

/** A user as the server shows it (never a hash). */
export const UserSchema = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  organisationId: z.string(),
  role: RoleSchema,
  /** Set after an admin's reset: the next sign-in must choose a new password first. */
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  /** Until when sign-in is refused after repeated failures (ISO 8601), null when not locked. */
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof UserSchema>;

/** POST /session. */
export const LoginRequestSchema = z.object({ login: LoginNameSchema, password: PasswordSchema }).strict();
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** GET/POST /session: who is signed in, their organisation, and the CSRF token for this session. */
export const SessionInfoSchema = z.object({
  user: UserSchema,
  organisation: OrganisationSchema,
  csrfToken: z.string(),
  /** When the session ends unless used (ISO 8601). */
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** POST /session/password: the signed-in user changes their own password. */
export const ChangePasswordRequestSchema = z.object({ currentPassword: PasswordSchema, newPassword: NewPasswordSchema }).strict();

/** POST /users (admin). Without `password` the server generates one and answers it once. */
export const CreateUserRequestSchema = z
  .object({
    login: LoginNameSchema,
    displayName: SafeTextSchema.trim().min(1).max(60),
    organisationId: z.string().min(1).max(40),
    role: RoleSchema,
    password: NewPasswordSchema.optional(),
  })
  .strict();
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

/** PUT /users/:id (admin): any of these. */
export const UpdateUserRequestSchema = z
  .object({
    displayName: SafeTextSchema.trim().min(1).max(60).optional(),
    organisationId: z.string().min(1).max(40).optional(),
    role: RoleSchema.optional(),
    disabled: z.boolean().optional(),
    /** true: lift a lockout now. */
    unlock: z.literal(true).optional(),
  })
  .strict();

/** POST /users and POST /users/:id/reset-password: the user, and a generated password shown this once. */
export const UserWithPasswordSchema = z.object({ user: UserSchema, password: z.string().optional().describe('Only when the server generated it: shown once.') });
export const UserListSchema = z.object({ users: z.array(UserSchema) });

/** POST /organisations (admin). */
export const CreateOrganisationRequestSchema = OrganisationSchema.strict();

/** An API token as listed (never the secret). */
export const ApiTokenSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  role: RoleSchema,
  label: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export const ApiTokenListSchema = z.object({ tokens: z.array(ApiTokenSchema) });
/** POST /tokens (admin). */
export const CreateTokenRequestSchema = z.object({ organisationId: z.string().min(1).max(40), role: RoleSchema, label: SafeTextSchema.trim().max(80).optional() }).strict();
/** The new token in clear: the only time anyone sees it. */
export const CreatedTokenSchema = z.object({ token: ApiTokenSchema, secret: z.string() });

/** GET /templates/:plan/:year: the bureau names the organisation (a reporter gets its own; without it, the bureau gets every indicator). */
export const TemplateDownloadQuerySchema = z.object({ organisationId: z.string().min(1).max(40).optional() }).strict();
