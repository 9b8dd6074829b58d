import type { Catalog } from '../catalog/catalog';
import type { PlanId } from '../catalog/indicator-schema';
import type { Organisation } from '../catalog/organisation-schema';
import { templateLines, type ReportingGrant } from '../template/template-rows';
import type { ReportedVersion } from './reported';

/**
 * Where an organisation is with a plan-year's report:
 * - `notStarted`: nothing received, and the deadline (if any) has not passed;
 * - `missing`: nothing received and the deadline has passed;
 * - `submitted` (awaiting review), `returned` (退回, to be resubmitted), `approved` (locked): a version was received.
 */
export type ReportingState = 'notStarted' | 'missing' | 'submitted' | 'returned' | 'approved';

/** One organisation's line of the completeness board. */
export interface OrganisationProgress {
  readonly organisationId: string;
  /** It has lines in the plan's template (catalog responsibilities and grants). */
  readonly expected: boolean;
  readonly state: ReportingState;
  /** The current version, when one was received. */
  readonly version: number | null;
  readonly firstReceivedAt: string | null;
  /** Its first version arrived after the deadline. */
  readonly late: boolean;
}

/** Who has reported a plan-year, as the statistics bureau tracks it. */
export interface Completeness {
  readonly plan: PlanId;
  readonly year: number;
  /** The deadline (YYYY-MM-DD, the end of that day in China Standard Time), when the bureau set one. */
  readonly deadline: string | null;
  /** Organisations that report this plan (ids), in the organisation list's order. */
  readonly expected: readonly string[];
  /** Expected organisations with at least one version received (whatever its review state). */
  readonly submitted: readonly string[];
  readonly approved: readonly string[];
  readonly returned: readonly string[];
  /** Expected organisations whose first version arrived after the deadline. */
  readonly late: readonly string[];
  /** Expected organisations without any version once the deadline has passed. */
  readonly missing: readonly string[];
  /** Expected organisations without any version while the deadline has not passed (or none is set). */
  readonly notStarted: readonly string[];
  /** Organisations that submitted although they report nothing of this plan (a grant since revoked …). */
  readonly unexpected: readonly string[];
  /** submitted ÷ expected (DHIS2's reporting rate): never above 1, and no "complete" click needed. */
  readonly reportingRate: number;
  /** on time ÷ expected (DHIS2's reporting rate on time); null without a deadline. */
  readonly onTimeRate: number | null;
  readonly organisations: readonly OrganisationProgress[];
}

/**
 * The organisations that report a plan: those whose template has at least one line — the catalog's
 * `responsible` lists (a township: its own row of every per-township indicator) and the bureau's grants.
 * The list is the database's (it owns the organisations).
 */
export function expectedOrganisations(catalog: Catalog, plan: PlanId, organisations: readonly Organisation[], grantsOf: (organisationId: string) => readonly ReportingGrant[] = () => []): string[] {
  return organisations.filter((organisation) => templateLines(catalog, plan, organisation, grantsOf(organisation.id)).length > 0).map((organisation) => organisation.id);
}

/** The moment a deadline day ends: 24:00 in China Standard Time (UTC+8), as an ISO instant. */
export function deadlineEnd(deadline: string): string {
  return new Date(`${deadline}T23:59:59.999+08:00`).toISOString();
}

/**
 * Who has reported: the states of every expected organisation (and of any that reported unexpectedly), the
 * reporting rate and the on-time rate. "Late" is judged by the first version's arrival; a version received
 * after the deadline still counts as submitted (late), as DHIS2 counts reports received late.
 */
export function completenessOf(
  planYear: { plan: PlanId; year: number },
  expected: readonly string[],
  reports: readonly Pick<ReportedVersion, 'organisationId' | 'status' | 'version' | 'firstReceivedAt'>[],
  options: { deadline?: string | null; now: Date },
): Completeness {
  const deadline = options.deadline ?? null;
  const end = deadline === null ? null : deadlineEnd(deadline);
  const passed = end !== null && options.now.toISOString() > end;
  const byOrganisation = new Map(reports.map((report) => [report.organisationId, report]));
  const expectedSet = new Set(expected);
  const progress = (organisationId: string, isExpected: boolean): OrganisationProgress => {
    const report = byOrganisation.get(organisationId);
    if (!report) return { organisationId, expected: isExpected, state: passed ? 'missing' : 'notStarted', version: null, firstReceivedAt: null, late: false };
    return { organisationId, expected: isExpected, state: report.status, version: report.version, firstReceivedAt: report.firstReceivedAt, late: end !== null && report.firstReceivedAt > end };
  };
  const organisations = [
    ...expected.map((id) => progress(id, true)),
    ...reports.filter((report) => !expectedSet.has(report.organisationId)).map((report) => progress(report.organisationId, false)),
  ];
  const ofExpected = organisations.filter((item) => item.expected);
  const ids = (keep: (item: OrganisationProgress) => boolean) => ofExpected.filter(keep).map((item) => item.organisationId);
  const submitted = ids((item) => item.version !== null);
  const late = ids((item) => item.late);
  return {
    plan: planYear.plan,
    year: planYear.year,
    deadline,
    expected: [...expected],
    submitted,
    approved: ids((item) => item.state === 'approved'),
    returned: ids((item) => item.state === 'returned'),
    late,
    missing: ids((item) => item.state === 'missing'),
    notStarted: ids((item) => item.state === 'notStarted'),
    unexpected: organisations.filter((item) => !item.expected).map((item) => item.organisationId),
    reportingRate: expected.length === 0 ? 0 : submitted.length / expected.length,
    onTimeRate: deadline === null ? null : expected.length === 0 ? 0 : (submitted.length - late.length) / expected.length,
    organisations,
  };
}
