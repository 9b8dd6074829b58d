import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TemplateDownloadQuerySchema } from '../../contract/accounts';
import { MonitoringPlanYearParamsSchema } from '../../contract/monitoring';
import { PLAN_SHORT_NAMES } from '../../core/catalog/plan-names';
import { buildTemplate, TemplateRequestError } from '../../core/template/build-template';
import { prefillTemplate } from '../../core/template/prefill-template';
import { templatesToXlsx } from '../../xlsx/write-xlsx';
import { ApiError } from '../errors';
import { listReportingGrants } from '../repositories/reporting-grants';
import { loadPreviousValues } from '../services/previous-values';
import { errorResponses } from './error-responses';
import { XLSX_CONTENT_TYPE } from './upload-routes';

/** `attachment` with an ASCII fallback name and the real one as RFC 5987 UTF-8 (filename*=UTF-8''…). */
export function attachment(fallback: string, name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * GET /templates/{plan}/{year}: the .xlsx template of the caller's organisation (a reporter's own; the bureau
 * names one with ?organisationId=, or gets every indicator without it), prefilled as `indicators template
 * --prefill-from database` does: 上年值 from the organisation's report of the year before (its approved
 * version, else its latest), 基期值 from the plan, both in blue and marked where they came from.
 */
export const templateRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/templates/:plan/:year', {
    schema: {
      summary: 'The prefilled .xlsx template of a plan-year for an organisation (reporter: its own; bureau: ?organisationId=, or every indicator)',
      description: '上年值 come from the organisation\'s report of year − 1 (its approved version, else its current one), 基期值 from the plan. Content-Disposition names the file in Chinese (filename*=UTF-8\'\'…).',
      params: MonitoringPlanYearParamsSchema,
      querystring: TemplateDownloadQuerySchema,
      response: { 200: z.any().describe(XLSX_CONTENT_TYPE), ...errorResponses(400, 403) },
    },
  }, async (request, reply) => {
    const auth = request.auth;
    const { plan, year } = request.params;
    const asked = request.query.organisationId;
    if (!auth || auth.role === 'admin') {
      throw new ApiError(403, 'auth.roleCannotRead', '管理员账户只用于管理用户、单位和令牌，不能下载含填报数据的模板。', 'Admins cannot download templates with reported values.');
    }
    if (auth.role === 'reporter' && asked !== undefined && asked !== auth.organisationId) {
      throw new ApiError(403, 'auth.otherOrganisation', `不能下载其他单位（${asked}）的模板。`, `Cannot download another organisation's (${asked}) template.`);
    }
    const organisationId = auth.role === 'reporter' ? auth.organisationId : asked;
    const catalog = fastify.catalog;
    const organisation = organisationId === undefined ? undefined : catalog.organisations.find((candidate) => candidate.id === organisationId);
    if (organisationId !== undefined && !organisation) {
      throw new ApiError(400, 'request.unknownOrganisation', `单位编号“${organisationId}”不在单位名录中。`, `Organisation "${organisationId}" is not in the list.`);
    }
    let model;
    try {
      const grants = organisationId === undefined ? [] : (await listReportingGrants(fastify.db, organisationId)).map((grant) => ({ indicatorId: grant.indicator_id, unitId: grant.unit_id }));
      model = buildTemplate(catalog, { plan, year, ...(organisationId === undefined ? {} : { organisationId }), language: 'zh-CN', grants });
    } catch (error) {
      if (error instanceof TemplateRequestError) throw new ApiError(400, 'template.invalidRequest', error.zh, error.en);
      throw error;
    }
    const answer = organisationId === undefined ? undefined : await loadPreviousValues(fastify.db, { plan, year, organisationId });
    const previous = answer?.source ? { year: answer.source.year, version: answer.source.version, status: answer.source.status, values: answer.values } : null;
    model = prefillTemplate(model, catalog, { previous }).model;
    const data = await templatesToXlsx([model]);
    const planName = PLAN_SHORT_NAMES[plan].zh.replace(/发展规划$/, '');
    const name = `${planName}${year}-${organisation?.shortName ?? '全部指标'}.xlsx`;
    reply.header('content-disposition', attachment(`${plan}-${year}-${organisationId ?? 'all'}.xlsx`, name));
    reply.header('cache-control', 'no-store');
    return reply.type(XLSX_CONTENT_TYPE).send(Buffer.from(data));
  });
};
