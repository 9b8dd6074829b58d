import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdentitySchema, OrganisationListSchema } from '../../contract/api';
import { listOrganisations } from '../repositories/organisations';
import { errorResponses } from './error-responses';

/** GET /organisations: the reporting organisations (any token), and GET /me: who the token is. */
export const organisationRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/organisations', {
    schema: { summary: 'The reporting organisations', response: { 200: OrganisationListSchema, ...errorResponses() } },
  }, async () => ({
    organisations: (await listOrganisations(fastify.db)).map((row) => ({ id: row.id, name: row.name, shortName: row.short_name, nameEn: row.name_en, kind: row.kind })),
  }));

  fastify.get('/me', {
    schema: { summary: 'The calling token: its id, organisation and role', response: { 200: IdentitySchema, ...errorResponses() } },
  }, async (request) => request.auth as NonNullable<typeof request.auth>);
};
