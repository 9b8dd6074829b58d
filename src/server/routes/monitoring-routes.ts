import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EvaluationOptions } from '../../core/monitoring/evaluation';
import { z } from 'zod';
import {
  CompletenessSchema,
  ConsolidationSchema,
  DeadlineRequestSchema,
  DeadlineSchema,
  EvaluationSchema,
  LeadOverrideListSchema,
  LeadOverrideSchema,
  LeadParamsSchema,
  LeadRequestSchema,
  MonitoringPlanParamsSchema,
  MonitoringPlanYearParamsSchema,
  SeriesSchema,
  WarningsSchema,
  type DeadlineAnswer,
} from '../../contract/monitoring';
import type { PlanId } from '../../core/catalog/indicator-schema';
import { deadlineEnd } from '../../core/monitoring/completeness';
import type { LeadOverrideRow, ReportingDeadlineRow } from '../db/database';
import { ApiError } from '../errors';
import { clearDeadline, findDeadline, listLeadOverrides, removeLeadOverride } from '../repositories/monitoring';
import {
  assertBureau,
  linesOfOrganisation,
  loadCompleteness,
  loadConsolidation,
  loadMonitoringBoard,
  monitoringViewOf,
  organisationNames,
  setIndicatorLead,
  setReportingDeadline,
} from '../services/monitoring';
import { completenessAnswer, consolidationAnswer, evaluationAnswer, seriesAnswer, warningsAnswer } from '../services/monitoring-wire';
import { buildMonitoringReport, monitoringReportCsv } from '../../xlsx/monitoring-report';
import { errorResponses } from './error-responses';
import { XLSX_CONTENT_TYPE } from './upload-routes';

/**
 * The statistics bureau's monitoring of a plan-year (`/monitoring/{plan}/{year}/…`): who has reported, the
 * consolidation, the series with their progress, the evaluation table and the warnings; and its settings,
 * the reporting deadline of a plan-year and the lead organisation of an indicator. The bureau sees the
 * county; a reporter its own organisation (completeness, consolidation, series built from its own values);
 * the evaluation and the warnings are the bureau's only (src/server/services/monitoring.ts).
 */
export const monitoringRoutes: FastifyPluginAsyncZod<{ evaluation?: EvaluationOptions }> = async (fastify, options) => {
  const evaluation = options.evaluation ?? {};
  const reads = errorResponses(400, 403);

  fastify.get('/monitoring/:plan/:year/completeness', {
    schema: {
      summary: 'Who has reported a plan-year: expected, submitted, approved, returned, late and missing organisations, reporting and on-time rates (bureau; a reporter: its own line)',
      params: MonitoringPlanYearParamsSchema,
      response: { 200: CompletenessSchema, ...reads },
    },
  }, async (request) => {
    const view = monitoringViewOf(request.auth, 'own');
    const completeness = await loadCompleteness(fastify.db, fastify.catalog, request.params, view);
    return completenessAnswer(completeness, organisationNames(fastify.catalog));
  });

  fastify.get('/monitoring/:plan/:year/consolidation', {
    schema: {
      summary: 'The county value of every indicator of a plan-year, from the current version of each submission: the lead organisation\'s value, conflicts with every value, per-township roll-ups (bureau; a reporter: its own values and lines)',
      params: MonitoringPlanYearParamsSchema,
      response: { 200: ConsolidationSchema, ...reads },
    },
  }, async (request) => {
    const view = monitoringViewOf(request.auth, 'own');
    const consolidation = await loadConsolidation(fastify.db, request.params, fastify.catalog, view);
    const keep = view.kind === 'organisation' ? await linesOfOrganisation(fastify.db, fastify.catalog, request.params.plan, view.organisationId) : undefined;
    return consolidationAnswer(fastify.catalog, consolidation, keep);
  });

  fastify.get('/monitoring/:plan/:year/series', {
    schema: {
      summary: 'Every indicator\'s series (the plan\'s 2020 baselines and each year\'s consolidated value, 2021 … year) and its progress toward the governing target, per township for per-township indicators (bureau; a reporter: its own values and lines)',
      params: MonitoringPlanYearParamsSchema,
      response: { 200: SeriesSchema, ...reads },
    },
  }, async (request) => {
    const view = monitoringViewOf(request.auth, 'own');
    const board = await loadMonitoringBoard(fastify.db, fastify.catalog, request.params, view, { evaluation });
    const keep = view.kind === 'organisation' ? await linesOfOrganisation(fastify.db, fastify.catalog, request.params.plan, view.organisationId) : undefined;
    return seriesAnswer(fastify.catalog, board, keep);
  });

  fastify.get('/monitoring/:plan/:year/evaluation', {
    schema: {
      summary: 'The evaluation table of a plan-year (annual, 2025 mid-term, 2030 final): per domain and for the plan 指标数, 可监测数, 已达标, 基本达标, 未达标, 未到期 by progress, 无数据 and 达标率 with both denominators, and one row per indicator (bureau)',
      params: MonitoringPlanYearParamsSchema,
      response: { 200: EvaluationSchema, ...reads },
    },
  }, async (request) => {
    const view = monitoringViewOf(request.auth, 'county');
    return evaluationAnswer((await loadMonitoringBoard(fastify.db, fastify.catalog, request.params, view, { evaluation, unitProgress: false })).evaluation);
  });

  fastify.get('/monitoring/:plan/:year/warnings', {
    schema: {
      summary: 'The warnings of a plan-year: conflicting values, progress too slow or going backwards (预计达标困难), strong swings on the previous year (波动较大) (bureau)',
      params: MonitoringPlanYearParamsSchema,
      response: { 200: WarningsSchema, ...reads },
    },
  }, async (request) => {
    const view = monitoringViewOf(request.auth, 'county');
    const board = await loadMonitoringBoard(fastify.db, fastify.catalog, request.params, view, { evaluation });
    return { plan: board.plan, year: board.year, warnings: warningsAnswer(board.warnings) };
  });

  for (const format of ['xlsx', 'csv'] as const) {
    fastify.get(`/monitoring/:plan/:year/report.${format}`, {
      schema: {
        summary:
          format === 'xlsx'
            ? 'The monitoring report workbook of a plan-year (bureau): cover and definitions, evaluation summary, every indicator × year, per township, completeness, warnings'
            : 'The evaluation table of a plan-year as CSV, UTF-8 with BOM (bureau)',
        params: MonitoringPlanYearParamsSchema,
        response: { 200: z.any().describe(format === 'xlsx' ? XLSX_CONTENT_TYPE : 'text/csv; charset=utf-8'), ...reads },
      },
    }, async (request, reply) => {
      const view = monitoringViewOf(request.auth, 'county');
      const board = await loadMonitoringBoard(fastify.db, fastify.catalog, request.params, view, { evaluation });
      const input = { catalog: fastify.catalog, evaluation: board.evaluation, consolidation: board.consolidation, completeness: board.completeness, warnings: board.warnings, generatedAt: new Date(board.generatedAt) };
      reply.header('content-disposition', `attachment; filename="${request.params.plan}-${request.params.year}-monitoring.${format}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(monitoringReportCsv(input));
      return reply.type(XLSX_CONTENT_TYPE).send(await buildMonitoringReport(input));
    });
  }

  fastify.get('/monitoring/:plan/:year/deadline', {
    schema: { summary: 'The reporting deadline of a plan-year (any reporter or bureau token)', params: MonitoringPlanYearParamsSchema, response: { 200: DeadlineSchema, ...reads } },
  }, async (request) => {
    monitoringViewOf(request.auth, 'own');
    return deadlineAnswer(request.params, await findDeadline(fastify.db, request.params.plan, request.params.year));
  });

  fastify.put('/monitoring/:plan/:year/deadline', {
    schema: {
      summary: 'Set the reporting deadline of a plan-year (bureau): {date: "YYYY-MM-DD"}, due by the end of that day in China Standard Time; first versions after it are late',
      params: MonitoringPlanYearParamsSchema,
      body: DeadlineRequestSchema,
      response: { 200: DeadlineSchema, ...errorResponses(400, 403, 422) },
    },
  }, async (request) => {
    const auth = assertBureau(request.auth);
    const row = await setReportingDeadline(fastify.db, request.params, request.body.date, auth.tokenId);
    request.log.info({ plan: row.plan, year: row.year, deadline: row.deadline }, 'reporting deadline set');
    return deadlineAnswer(request.params, row);
  });

  fastify.delete('/monitoring/:plan/:year/deadline', {
    schema: { summary: 'Remove the reporting deadline of a plan-year (bureau)', params: MonitoringPlanYearParamsSchema, response: { 200: DeadlineSchema, ...errorResponses(400, 403, 404) } },
  }, async (request) => {
    assertBureau(request.auth);
    if (!(await clearDeadline(fastify.db, request.params.plan, request.params.year))) {
      throw new ApiError(404, 'monitoring.noDeadline', `${request.params.year}年度尚未设置报送截止日期。`, `No deadline is set for ${request.params.year}.`);
    }
    return deadlineAnswer(request.params, undefined);
  });

  fastify.get('/monitoring/:plan/leads', {
    schema: { summary: 'The lead organisations the bureau chose for indicators of a plan (overriding the first responsible organisation)', params: MonitoringPlanParamsSchema, response: { 200: LeadOverrideListSchema, ...reads } },
  }, async (request) => {
    monitoringViewOf(request.auth, 'own');
    return { leads: (await listLeadOverrides(fastify.db, request.params.plan)).map(leadAnswer) };
  });

  fastify.put('/monitoring/:plan/leads/:indicatorId', {
    schema: {
      summary: 'Make an organisation the lead of an indicator (bureau): its value becomes the county value; the others stay beside it and a difference is still a conflict',
      params: LeadParamsSchema,
      body: LeadRequestSchema,
      response: { 200: LeadOverrideSchema, ...errorResponses(400, 403, 404, 422) },
    },
  }, async (request) => {
    const auth = assertBureau(request.auth);
    const row = await setIndicatorLead(fastify.db, fastify.catalog, request.params.plan, request.params.indicatorId, request.body.organisationId, auth.tokenId);
    request.log.info({ plan: row.plan, indicatorId: row.indicator_id, organisationId: row.organisation_id }, 'lead organisation set');
    return leadAnswer(row);
  });

  fastify.delete('/monitoring/:plan/leads/:indicatorId', {
    schema: { summary: 'Remove the bureau\'s lead of an indicator: the catalog\'s order applies again (bureau)', params: LeadParamsSchema, response: { 200: LeadOverrideSchema, ...errorResponses(400, 403, 404) } },
  }, async (request) => {
    assertBureau(request.auth);
    const row = await removeLeadOverride(fastify.db, request.params.plan, request.params.indicatorId);
    if (!row) throw new ApiError(404, 'monitoring.noLead', `指标“${request.params.indicatorId}”没有统计局指定的牵头单位。`, `No lead organisation is set for "${request.params.indicatorId}".`);
    return leadAnswer(row);
  });
};

function deadlineAnswer(planYear: { plan: PlanId; year: number }, row: ReportingDeadlineRow | undefined): DeadlineAnswer {
  if (!row) return { ...planYear, deadline: null, deadlineEnd: null, setAt: null, setBy: null };
  return { ...planYear, deadline: row.deadline, deadlineEnd: deadlineEnd(row.deadline), setAt: row.set_at, setBy: row.set_by };
}

function leadAnswer(row: LeadOverrideRow) {
  return { plan: row.plan as PlanId, indicatorId: row.indicator_id, organisationId: row.organisation_id, setAt: row.set_at, setBy: row.set_by };
}
