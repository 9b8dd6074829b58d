import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ReportingGrantIdParamsSchema, ReportingGrantListQuerySchema, ReportingGrantListSchema, ReportingGrantRequestSchema, ReportingGrantSchema } from '../../contract/api';
import { isTownship } from '../../core/catalog/organisation-schema';
import type { AuthContext } from '../auth-context';
import type { ReportingGrantRow } from '../db/database';
import { ApiError } from '../errors';
import { findOrganisation } from '../repositories/organisations';
import { addReportingGrant, listReportingGrants, revokeReportingGrant } from '../repositories/reporting-grants';
import { errorResponses } from './error-responses';

/**
 * The bureau's override of "who reports what": GET /reporting-grants, POST /reporting-grants (an
 * organisation may report an indicator, or one unit of it, beyond the catalog's `responsible` lists) and
 * POST /reporting-grants/:id/revoke. Bureau tokens only.
 */
export const reportingGrantRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/reporting-grants', {
    schema: {
      summary: 'Reporting grants in force (bureau)',
      querystring: ReportingGrantListQuerySchema,
      response: { 200: ReportingGrantListSchema, ...errorResponses(400, 403) },
    },
  }, async (request) => {
    bureauOnly(request.auth);
    return { grants: (await listReportingGrants(fastify.db, request.query.org)).map(grantOf) };
  });

  fastify.post('/reporting-grants', {
    schema: {
      summary: 'Let an organisation report an indicator beyond the catalog\'s responsible lists (bureau)',
      body: ReportingGrantRequestSchema,
      response: { 201: ReportingGrantSchema, ...errorResponses(400, 403, 422) },
    },
  }, async (request, reply) => {
    const auth = bureauOnly(request.auth);
    const { organisationId, indicatorId, unitId } = request.body;
    if (!(await findOrganisation(fastify.db, organisationId))) {
      throw new ApiError(422, 'grant.unknownOrganisation', `没有编号为“${organisationId}”的填报单位。`, `No organisation "${organisationId}".`);
    }
    const indicator = fastify.catalog.indicators.get(indicatorId);
    if (!indicator) throw new ApiError(422, 'grant.unknownIndicator', `指标目录中没有指标“${indicatorId}”。`, `No indicator "${indicatorId}" in the catalog.`);
    if (unitId !== undefined) {
      const perUnit = indicator.perUnit;
      const valid = perUnit?.scope === 'township' ? fastify.catalog.organisations.some((organisation) => organisation.id === unitId && isTownship(organisation)) : perUnit?.scope === 'list' && perUnit.units.some((unit) => unit.id === unitId);
      if (!valid) throw new ApiError(422, 'grant.unknownUnit', `指标 ${indicatorId} 没有填报单元“${unitId}”。`, `Indicator ${indicatorId} has no reporting unit "${unitId}".`);
    }
    const row = await addReportingGrant(fastify.db, { organisationId, indicatorId, unitId: unitId ?? null, createdBy: auth.tokenId });
    request.log.info({ grant: row.id, organisationId, indicatorId, unitId }, 'reporting grant added');
    return reply.code(201).send(grantOf(row));
  });

  fastify.post('/reporting-grants/:id/revoke', {
    schema: { summary: 'Revoke a reporting grant (bureau)', params: ReportingGrantIdParamsSchema, response: { 200: ReportingGrantSchema, ...errorResponses(403, 404) } },
  }, async (request) => {
    bureauOnly(request.auth);
    const row = await revokeReportingGrant(fastify.db, request.params.id);
    if (!row) throw new ApiError(404, 'grant.notFound', `没有编号为“${request.params.id}”的有效授权。`, `No grant "${request.params.id}" in force.`);
    return grantOf(row);
  });
};

function bureauOnly(auth: AuthContext | null): AuthContext {
  if (auth?.role !== 'bureau') throw new ApiError(403, 'auth.bureauOnly', '只有统计局（角色 bureau）的令牌可以查看和修改填报授权。', 'Only bureau tokens manage reporting grants.');
  return auth;
}

function grantOf(row: ReportingGrantRow): z.infer<typeof ReportingGrantSchema> {
  return { id: row.id, organisationId: row.organisation_id, indicatorId: row.indicator_id, unitId: row.unit_id, createdAt: row.created_at, createdBy: row.created_by, revokedAt: row.revoked_at };
}
