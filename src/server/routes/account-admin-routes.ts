import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiTokenListSchema,
  ApiTokenSchema,
  CreatedTokenSchema,
  CreateOrganisationRequestSchema,
  CreateTokenRequestSchema,
  CreateUserRequestSchema,
  UpdateUserRequestSchema,
  UserListSchema,
  UserSchema,
  UserWithPasswordSchema,
} from '../../contract/accounts';
import { OrganisationSchema } from '../../core/catalog/organisation-schema';
import type { AuthContext } from '../auth-context';
import { ApiError } from '../errors';
import { addOrganisation, findOrganisation, organisationOf } from '../repositories/organisations';
import { deleteSessionsOfUser } from '../repositories/sessions';
import { createToken, listTokens, revokeToken, type TokenInfo } from '../repositories/tokens';
import { countActiveAdmins, createUser, findUser, listUsers, setPassword, updateUser } from '../repositories/users';
import { generatePassword } from '../services/passwords';
import { userAnswer, type Accounts } from '../services/accounts';
import { errorResponses } from './error-responses';
import { refuseWeakPassword } from './session-routes';

const UserIdParamsSchema = z.object({ id: z.string().min(1).max(40) });
const TokenIdParamsSchema = z.object({ id: z.string().min(1).max(40) });

/** Only admins manage users, tokens and organisations (with a session or an admin token). */
function assertAdmin(auth: AuthContext | null): AuthContext {
  if (auth?.role !== 'admin') {
    throw new ApiError(403, 'auth.adminOnly', '只有管理员（角色 admin）可以管理用户、单位和访问令牌。', 'Only admins manage users, organisations and tokens.');
  }
  return auth;
}

function unknownOrganisation(id: string): ApiError {
  return new ApiError(400, 'request.unknownOrganisation', `单位编号“${id}”不存在：请先添加该单位。`, `There is no organisation "${id}"; add it first.`, { organisationId: id });
}

function tokenAnswer(row: TokenInfo): z.infer<typeof ApiTokenSchema> {
  return { id: row.id, organisationId: row.organisation_id, role: row.role, label: row.label, createdAt: row.created_at, revokedAt: row.revoked_at };
}

/**
 * The admin's routes: users (list, add, change, unlock, reset a password), the add-in's API tokens (list,
 * create — the secret in the answer, once — and revoke) and organisations (add). The last admin who can
 * sign in can be neither disabled nor given another role.
 */
export const accountAdminRoutes: FastifyPluginAsyncZod<{ accounts: Accounts; refreshCatalog: () => Promise<void> }> = async (fastify, { accounts, refreshCatalog }) => {
  const admin = errorResponses(400, 403);

  fastify.get('/users', {
    schema: { summary: 'Every user (admin)', response: { 200: UserListSchema, ...admin } },
  }, async (request) => {
    assertAdmin(request.auth);
    const now = accounts.now();
    return { users: (await listUsers(fastify.db)).map((row) => userAnswer(row, now)) };
  });

  fastify.post('/users', {
    schema: {
      summary: 'Add a user (admin): without `password` the server generates one and answers it once; either way the user must choose a new one at the first sign-in',
      body: CreateUserRequestSchema,
      response: { 201: UserWithPasswordSchema, ...errorResponses(400, 403, 409) },
    },
  }, async (request, reply) => {
    assertAdmin(request.auth);
    const { login, displayName, organisationId, role, password } = request.body;
    if (!(await findOrganisation(fastify.db, organisationId))) throw unknownOrganisation(organisationId);
    if (password !== undefined) refuseWeakPassword(password, undefined, login);
    const chosen = password ?? generatePassword();
    const created = await createUser(fastify.db, { login, displayName, organisationId, role, passwordHash: await accounts.hasher.hash(chosen), mustChangePassword: true }, accounts.now());
    if (created === 'taken') throw new ApiError(409, 'user.loginTaken', `用户名“${login}”已被使用（不区分大小写）。`, `The login "${login}" is taken (case-insensitively).`);
    return reply.code(201).send({ user: userAnswer(created, accounts.now()), ...(password === undefined ? { password: chosen } : {}) });
  });

  fastify.put('/users/:id', {
    schema: {
      summary: 'Change a user (admin): display name, organisation, role, disabled, unlock; disabling ends the user\'s sessions; the last active admin cannot be disabled or demoted (409)',
      params: UserIdParamsSchema,
      body: UpdateUserRequestSchema,
      response: { 200: UserSchema, ...errorResponses(400, 403, 404, 409) },
    },
  }, async (request) => {
    assertAdmin(request.auth);
    const user = await findUser(fastify.db, request.params.id);
    if (!user) throw unknownUser(request.params.id);
    const changes = request.body;
    if (changes.organisationId !== undefined && !(await findOrganisation(fastify.db, changes.organisationId))) throw unknownOrganisation(changes.organisationId);
    const losesAdmin = user.role === 'admin' && !Number(user.disabled) && ((changes.role !== undefined && changes.role !== 'admin') || changes.disabled === true);
    if (losesAdmin && (await countActiveAdmins(fastify.db, user.id)) === 0) {
      throw new ApiError(
        409,
        'user.lastAdmin',
        '不能停用最后一位管理员，也不能取消其管理员角色：请先为另一位用户授予管理员角色。',
        'The last active admin can be neither disabled nor given another role; make another user an admin first.',
      );
    }
    await updateUser(fastify.db, user.id, changes);
    if (changes.disabled === true) await deleteSessionsOfUser(fastify.db, user.id);
    return userAnswer((await findUser(fastify.db, user.id))!, accounts.now());
  });

  fastify.post('/users/:id/reset-password', {
    schema: {
      summary: 'Reset a user\'s password (admin): a generated password shown once, to be changed at the next sign-in; the user\'s sessions end and a lockout is lifted',
      params: UserIdParamsSchema,
      response: { 200: UserWithPasswordSchema, ...errorResponses(403, 404) },
    },
  }, async (request) => {
    assertAdmin(request.auth);
    const user = await findUser(fastify.db, request.params.id);
    if (!user) throw unknownUser(request.params.id);
    const password = generatePassword();
    await setPassword(fastify.db, user.id, await accounts.hasher.hash(password), true, accounts.now());
    await deleteSessionsOfUser(fastify.db, user.id);
    return { user: userAnswer((await findUser(fastify.db, user.id))!, accounts.now()), password };
  });

  fastify.get('/tokens', {
    schema: { summary: 'The add-in\'s API tokens (admin; never their secrets)', response: { 200: ApiTokenListSchema, ...admin } },
  }, async (request) => {
    assertAdmin(request.auth);
    return { tokens: (await listTokens(fastify.db)).map(tokenAnswer) };
  });

  fastify.post('/tokens', {
    schema: { summary: 'Create an API token (admin): its secret is in this answer only', body: CreateTokenRequestSchema, response: { 201: CreatedTokenSchema, ...admin } },
  }, async (request, reply) => {
    assertAdmin(request.auth);
    const { organisationId, role, label } = request.body;
    if (!(await findOrganisation(fastify.db, organisationId))) throw unknownOrganisation(organisationId);
    const now = accounts.now();
    const created = await createToken(fastify.db, { organisationId, role, label: label === undefined || label === '' ? null : label }, now);
    const row = (await listTokens(fastify.db)).find((token) => token.id === created.id)!;
    return reply.code(201).send({ token: tokenAnswer(row), secret: created.token });
  });

  const revoke = async (auth: AuthContext | null, id: string) => {
    assertAdmin(auth);
    const outcome = await revokeToken(fastify.db, id, accounts.now());
    if (outcome === 'unknown') throw new ApiError(404, 'token.notFound', `没有编号为“${id}”的令牌。`, `There is no token "${id}".`);
    return tokenAnswer((await listTokens(fastify.db)).find((token) => token.id === id)!);
  };
  fastify.post('/tokens/:id/revoke', {
    schema: { summary: 'Revoke an API token (admin): requests with it are refused from now on (401); revoking twice is no error', params: TokenIdParamsSchema, response: { 200: ApiTokenSchema, ...errorResponses(403, 404) } },
  }, async (request) => revoke(request.auth, request.params.id));
  // the same as DELETE: a token is never deleted, only revoked (it stays listed, and in the audit trail)
  fastify.delete('/tokens/:id', {
    schema: { summary: 'Revoke an API token (admin), as POST /tokens/{id}/revoke: it stays listed as revoked', params: TokenIdParamsSchema, response: { 200: ApiTokenSchema, ...errorResponses(403, 404) } },
  }, async (request) => revoke(request.auth, request.params.id));

  fastify.post('/organisations', {
    schema: {
      summary: 'Add a reporting organisation (admin): its templates and reporting scope follow at once; ids are never reused',
      body: CreateOrganisationRequestSchema,
      response: { 201: OrganisationSchema, ...errorResponses(400, 403, 409) },
    },
  }, async (request, reply) => {
    assertAdmin(request.auth);
    const organisation = request.body;
    const added = await addOrganisation(fastify.db, { id: organisation.id, name: organisation.name, short_name: organisation.shortName, name_en: organisation.nameEn, kind: organisation.kind, created_at: accounts.now().toISOString() });
    if (!added) throw new ApiError(409, 'organisation.idTaken', `单位编号“${organisation.id}”已被使用：单位编号不得重复或复用。`, `The organisation id "${organisation.id}" is taken; ids are never reused.`);
    await refreshCatalog();
    return reply.code(201).send(organisationOf((await findOrganisation(fastify.db, organisation.id))!));
  });
};

function unknownUser(id: string): ApiError {
  return new ApiError(404, 'user.notFound', `没有编号为“${id}”的用户。`, `There is no user "${id}".`);
}
