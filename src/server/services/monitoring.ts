import type { Kysely } from 'kysely';
import { EVERY_TOWNSHIP, type Catalog } from '../../core/catalog/catalog';
import { PLAN_FIRST_YEAR, type PlanId } from '../../core/catalog/indicator-schema';
import { PLAN_SHORT_NAMES } from '../../core/catalog/plan-names';
import type { Bilingual } from '../../core/i18n/message';
import { completenessOf, type Completeness } from '../../core/monitoring/completeness';
import { consolidate, type Consolidation } from '../../core/monitoring/consolidation';
import { monitoringBoard, reportingOrganisations, type MonitoringBoard } from '../../core/monitoring/monitoring-board';
import type { EvaluationOptions } from '../../core/monitoring/evaluation';
import { templateLines, type ReportingGrant } from '../../core/template/template-rows';
import type { AuthContext } from '../auth-context';
import type { Database, LeadOverrideRow, ReportingDeadlineRow } from '../db/database';
import { ApiError } from '../errors';
import { findOrganisation } from '../repositories/organisations';
import { listReportingGrants } from '../repositories/reporting-grants';
import { findDeadline, listLeadOverrides, readReportedVersions, setDeadline, setLeadOverride } from '../repositories/monitoring';
import type { LineFilter } from './monitoring-wire';

/**
 * The statistics bureau's monitoring, read from the store: the current versions of every year's
 * submissions (two queries, src/server/repositories/monitoring.ts), the deadline, the lead overrides and the
 * grants, handed to the pure core (src/core/monitoring/monitoring-board.ts). Used by the API's routes and by
 * the `consolidate` and `deadline` commands, so both answer alike on SQLite and PostgreSQL.
 *
 * Who sees what: the bureau everything; a reporter its own organisation only — its completeness line, and
 * a consolidation and series built from its own values alone, limited to its template's lines (it never
 * sees another organisation's values); the evaluation and the warnings are county-wide, bureau only; an
 * admin token reads nothing (as with submissions).
 */

/** A plan and reporting year of the monitoring. */
export interface MonitoringRequest {
  readonly plan: PlanId;
  readonly year: number;
}

/** Whose data a reader sees: the whole county (the bureau, the command line), or one organisation. */
export type MonitoringView = { readonly kind: 'county' } | { readonly kind: 'organisation'; readonly organisationId: string };

/**
 * What a token may read of the monitoring: `county` (the evaluation, the warnings): the bureau only;
 * `own`: the bureau the county, a reporter its own organisation. Admin tokens read nothing.
 */
export function monitoringViewOf(auth: AuthContext | null, scope: 'own' | 'county'): MonitoringView {
  if (auth?.role === 'bureau') return { kind: 'county' };
  if (auth?.role === 'reporter' && scope === 'own') return { kind: 'organisation', organisationId: auth.organisationId };
  if (auth?.role === 'reporter') {
    throw new ApiError(403, 'auth.bureauOnly', '只有统计局（角色 bureau）的令牌可以查看全县的评估表和预警；填报单位可以查看本单位的填报情况、汇总和序列。', 'Only bureau tokens read the county\'s evaluation and warnings; reporters read their own completeness, consolidation and series.');
  }
  throw new ApiError(403, 'auth.roleCannotRead', '管理员令牌只用于管理单位和令牌，不能查看监测数据。', 'Admin tokens cannot read the monitoring.');
}

/** Only the bureau changes the monitoring's settings (deadlines, lead organisations). */
export function assertBureau(auth: AuthContext | null): AuthContext {
  if (auth?.role !== 'bureau') throw new ApiError(403, 'auth.bureauOnly', '只有统计局（角色 bureau）的令牌可以设置报送截止日期和牵头单位。', 'Only bureau tokens set reporting deadlines and lead organisations.');
  return auth;
}

/** The grants in force, as the core takes them. */
async function grantsOf(db: Kysely<Database>, organisationId?: string): Promise<(ReportingGrant & { organisationId: string })[]> {
  return (await listReportingGrants(db, organisationId)).map((grant) => ({ organisationId: grant.organisation_id, indicatorId: grant.indicator_id, unitId: grant.unit_id }));
}

/** The organisations whose expectations count for a view: all, or the one. */
function organisationsOf(catalog: Catalog, view: MonitoringView) {
  return view.kind === 'county' ? catalog.organisations : catalog.organisations.filter((organisation) => organisation.id === view.organisationId);
}

const ownOrganisation = (view: MonitoringView) => (view.kind === 'organisation' ? { organisationId: view.organisationId } : {});

/** Who has reported a plan-year: one query (no values are read). */
export async function loadCompleteness(db: Kysely<Database>, catalog: Catalog, request: MonitoringRequest, view: MonitoringView, now = new Date()): Promise<Completeness> {
  const [reports, deadline, grants] = await Promise.all([
    readReportedVersions(db, { plan: request.plan, fromYear: request.year, toYear: request.year, ...ownOrganisation(view) }, { values: false }),
    findDeadline(db, request.plan, request.year),
    grantsOf(db, view.kind === 'organisation' ? view.organisationId : undefined),
  ]);
  const byOrganisation = groupGrants(grants);
  const expected = reportingOrganisations(catalog, request.plan, organisationsOf(catalog, view), (id) => byOrganisation.get(id) ?? []);
  return completenessOf(request, expected, reports.get(request.year) ?? [], { deadline: deadline?.deadline ?? null, now });
}

/** A plan-year's consolidation (the year's values only). */
export async function loadConsolidation(db: Kysely<Database>, request: MonitoringRequest, catalog: Catalog, view: MonitoringView): Promise<Consolidation> {
  const [reports, leads] = await Promise.all([
    readReportedVersions(db, { plan: request.plan, fromYear: request.year, toYear: request.year, ...ownOrganisation(view) }, { values: true }),
    leadsOf(db, request.plan),
  ]);
  return consolidate(catalog, request, reports.get(request.year) ?? [], leads);
}

/** The whole board of a plan-year: every year's values from 2021 on, the deadline, the leads, the grants. */
export async function loadMonitoringBoard(
  db: Kysely<Database>,
  catalog: Catalog,
  request: MonitoringRequest,
  view: MonitoringView,
  options: { now?: Date; evaluation?: EvaluationOptions; unitProgress?: boolean } = {},
): Promise<MonitoringBoard> {
  const [reports, deadline, leads, grants] = await Promise.all([
    readReportedVersions(db, { plan: request.plan, fromYear: PLAN_FIRST_YEAR, toYear: request.year, ...ownOrganisation(view) }, { values: true }),
    findDeadline(db, request.plan, request.year),
    leadsOf(db, request.plan),
    grantsOf(db, view.kind === 'organisation' ? view.organisationId : undefined),
  ]);
  return monitoringBoard({
    catalog,
    plan: request.plan,
    year: request.year,
    organisations: organisationsOf(catalog, view),
    grants,
    reports,
    deadline: deadline?.deadline ?? null,
    leads,
    now: options.now ?? new Date(),
    ...(options.evaluation ? { evaluation: options.evaluation } : {}),
    ...(options.unitProgress === undefined ? {} : { unitProgress: options.unitProgress }),
  });
}

/** The bureau's lead organisations of a plan, by indicator id. */
export async function leadsOf(db: Kysely<Database>, plan: PlanId): Promise<Map<string, string>> {
  return new Map((await listLeadOverrides(db, plan)).map((row) => [row.indicator_id, row.organisation_id]));
}

function groupGrants(grants: readonly (ReportingGrant & { organisationId: string })[]): Map<string, ReportingGrant[]> {
  const byOrganisation = new Map<string, ReportingGrant[]>();
  for (const grant of grants) {
    let list = byOrganisation.get(grant.organisationId);
    if (!list) byOrganisation.set(grant.organisationId, (list = []));
    list.push(grant);
  }
  return byOrganisation;
}

/**
 * The lines an organisation sees of a consolidation or of the series: its template's lines (catalog and
 * grants) — for a per-township indicator a township sees its own row, a department every row it reports.
 */
export async function linesOfOrganisation(db: Kysely<Database>, catalog: Catalog, plan: PlanId, organisationId: string): Promise<LineFilter> {
  const organisation = catalog.organisations.find((item) => item.id === organisationId);
  const lines = organisation ? templateLines(catalog, plan, organisation, await grantsOf(db, organisationId)) : [];
  const indicators = new Set(lines.map((line) => line.indicator.id));
  const units = new Set(lines.filter((line) => line.unit).map((line) => `${line.indicator.id}\u0000${line.unit!.id}`));
  return { indicator: (id) => indicators.has(id), unit: (indicatorId, unitId) => units.has(`${indicatorId}\u0000${unitId}`) };
}

/** Each organisation's short name, for the answers. */
export function organisationNames(catalog: Catalog): Map<string, string> {
  return new Map(catalog.organisations.map((organisation) => [organisation.id, organisation.shortName]));
}

/** How late after its reporting year a deadline may be: reports of 2025 are due in 2026, at the latest by the end of 2027. */
export const DEADLINE_YEARS_AFTER = 2;

/**
 * Why a date cannot be the deadline of a reporting year, or null: it must fall within the reporting year
 * or the two years after it (a deadline of 2025-03-31 for the 2030 reports is a typo).
 */
export function deadlineProblem(year: number, date: string): Bilingual | null {
  const first = `${year}-01-01`;
  const last = `${year + DEADLINE_YEARS_AFTER}-12-31`;
  if (date >= first && date <= last) return null;
  return {
    zh: `${year}年度报表的截止日期应在${first}至${last}之间，收到“${date}”`,
    en: `The deadline of the ${year} reports must be between ${first} and ${last}; got "${date}"`,
  };
}

/** Sets a plan-year's deadline after checking it; `setBy` is a token id or `cli:<user>`. */
export async function setReportingDeadline(db: Kysely<Database>, request: MonitoringRequest, date: string, setBy: string, now = new Date()): Promise<ReportingDeadlineRow> {
  const problem = deadlineProblem(request.year, date);
  if (problem) throw new ApiError(422, 'monitoring.deadlineOutOfRange', `${problem.zh}。`, `${problem.en}.`, { year: request.year, date });
  return setDeadline(db, { plan: request.plan, year: request.year, deadline: date, set_at: now.toISOString(), set_by: setBy });
}

/**
 * Makes an organisation the lead of an indicator of a plan: the indicator must be the plan's (404), the
 * organisation must exist (422) and report the indicator — be responsible for it by the catalog, a
 * township of a per-township indicator, or granted it (422).
 */
export async function setIndicatorLead(db: Kysely<Database>, catalog: Catalog, plan: PlanId, indicatorId: string, organisationId: string, setBy: string, now = new Date()): Promise<LeadOverrideRow> {
  const indicator = catalog.indicators.get(indicatorId);
  if (!indicator || indicator.plan !== plan) {
    throw new ApiError(404, 'monitoring.unknownIndicator', `${PLAN_SHORT_NAMES[plan].zh}的指标目录中没有指标“${indicatorId}”。`, `The ${PLAN_SHORT_NAMES[plan].en} has no indicator "${indicatorId}".`);
  }
  const row = await findOrganisation(db, organisationId);
  if (!row) throw new ApiError(422, 'monitoring.unknownOrganisation', `没有编号为“${organisationId}”的填报单位。`, `No organisation "${organisationId}".`);
  const organisation = catalog.organisations.find((item) => item.id === organisationId);
  const byCatalog = indicator.responsible.includes(organisationId) || (organisation !== undefined && organisation.kind !== 'department' && (indicator.responsible.includes(EVERY_TOWNSHIP) || indicator.perUnit?.scope === 'township'));
  const granted = !byCatalog && (await listReportingGrants(db, organisationId)).some((grant) => grant.indicator_id === indicatorId);
  if (!byCatalog && !granted) {
    throw new ApiError(
      422,
      'monitoring.leadNotReporting',
      `“${row.short_name}”不填报指标 ${indicatorId}（${indicator.name}）：牵头单位须为该指标的责任单位（${indicator.responsible.join('、')}）或经统计局授权填报的单位。`,
      `${organisationId} does not report ${indicatorId}: the lead must be a responsible organisation (${indicator.responsible.join(', ')}) or one granted the indicator.`,
    );
  }
  return setLeadOverride(db, { plan, indicator_id: indicatorId, organisation_id: organisationId, set_at: now.toISOString(), set_by: setBy });
}
