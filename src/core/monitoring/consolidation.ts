import type { Status } from '../assess/entry';
import { EVERY_TOWNSHIP, reportingUnitName, type Catalog } from '../catalog/catalog';
import type { Indicator, PlanId } from '../catalog/indicator-schema';
import { isTownship } from '../catalog/organisation-schema';
import { cellText, type CellValue } from '../parse/cell-value';
import type { ReportedValue, ReportedVersion } from './reported';

/** One organisation's value for an indicator (and unit), as it reported it. */
export interface Contribution {
  readonly organisationId: string;
  readonly value: CellValue | null;
  /** The value as people read it ("3.2", "是", "—"); '' when nothing was typed. */
  readonly text: string;
  readonly status: Status;
  readonly note: string | null;
}

/**
 * The county's value for one indicator (or one township's): the lead organisation's, with every other
 * organisation's beside it. Where two report different values it is a conflict — both shown, never
 * resolved silently.
 */
export interface ConsolidatedValue {
  readonly value: CellValue | null;
  readonly text: string;
  /** The verdict on the chosen value (as the server judged it); `missing` when nobody reported one. */
  readonly status: Status | 'missing';
  /** Who gave the chosen value. */
  readonly reportedBy: string | null;
  readonly note: string | null;
  /** Two organisations reported different values. */
  readonly conflict: boolean;
  readonly contributions: readonly Contribution[];
}

/** A township's (or listed body's) line of a per-unit indicator. */
export interface ConsolidatedUnit extends ConsolidatedValue {
  readonly unitId: string;
  readonly unitName: { readonly zh: string; readonly en: string };
}

/** The roll-up of a per-unit indicator: met only when every unit meets it; the failing units named. */
export interface RollUp {
  readonly status: 'met' | 'notMet' | 'notYetDue' | 'incomplete' | 'noData' | 'notAssessable';
  readonly units: number;
  readonly met: number;
  readonly notMet: number;
  /** Units short of a target whose year has not come (未到期). */
  readonly notYetDue: number;
  readonly withoutData: number;
  /** Units whose value misses the target. */
  readonly failingUnits: readonly string[];
  /** Units nobody reported (or reported only "no data" for). */
  readonly missingUnits: readonly string[];
}

/** One indicator of a plan-year, consolidated. */
export interface ConsolidatedIndicator {
  readonly indicatorId: string;
  readonly domain: string;
  /** The county-wide value (for a per-unit indicator: null — see units and rollUp). */
  readonly county: ConsolidatedValue | null;
  readonly units: readonly ConsolidatedUnit[];
  readonly rollUp: RollUp | null;
  /** The indicator's verdict: the county value's, or the roll-up's. */
  readonly status: Status | 'missing' | RollUp['status'];
  /** A conflict anywhere in it. */
  readonly conflict: boolean;
  /** Every organisation that reported something for it. */
  readonly reportedBy: readonly string[];
}

/** A plan-year consolidated: one line per indicator of the plan, in catalog order. */
export interface Consolidation {
  readonly plan: PlanId;
  readonly year: number;
  readonly indicators: readonly ConsolidatedIndicator[];
}

/**
 * Consolidates a plan-year from the current version of each organisation's submission: for each indicator
 * (and each township of a per-township indicator) the county value is the lead organisation's — the
 * bureau's choice in `leads`, else the first organisation of the catalog's `responsible` list that reported a
 * value, else any that did — and every other organisation's value stays beside it; a difference is a
 * conflict. Per-township indicators roll up: met only when every township meets the target.
 */
export function consolidate(catalog: Catalog, planYear: { plan: PlanId; year: number }, reports: readonly ReportedVersion[], leads: ReadonlyMap<string, string> = new Map()): Consolidation {
  const contributions = new Map<string, Contribution[]>();
  for (const report of reports) {
    for (const value of report.values) {
      const key = keyOf(value.indicatorId, value.unitId);
      let list = contributions.get(key);
      if (!list) contributions.set(key, (list = []));
      list.push(contributionOf(report.organisationId, value));
    }
  }
  const townships = catalog.organisations.filter(isTownship);
  // names by id once: at a province's scale the organisation list has thousands of entries
  const byId = new Map(catalog.organisations.map((organisation) => [organisation.id, organisation]));
  const unitName = (unitId: string, indicator: Indicator) => {
    const organisation = indicator.perUnit?.scope === 'list' ? undefined : byId.get(unitId);
    return organisation ? { zh: organisation.shortName, en: organisation.nameEn } : reportingUnitName(catalog, unitId, indicator);
  };
  const indicators = catalog.plans[planYear.plan].indicators.map((indicator): ConsolidatedIndicator => {
    const order = leadOrder(indicator, leads.get(indicator.id));
    if (!indicator.perUnit) {
      const county = chosen(contributions.get(keyOf(indicator.id, null)) ?? [], order);
      return { indicatorId: indicator.id, domain: indicator.domain, county, units: [], rollUp: null, status: county.status, conflict: county.conflict, reportedBy: reporters([county]) };
    }
    const unitIds = indicator.perUnit.scope === 'township' ? townships.map((township) => township.id) : indicator.perUnit.units.map((unit) => unit.id);
    const units = unitIds.map((unitId): ConsolidatedUnit => ({
      unitId,
      unitName: unitName(unitId, indicator),
      // a township's own row first when the catalog has every township report it
      ...chosen(contributions.get(keyOf(indicator.id, unitId)) ?? [], indicator.responsible.includes(EVERY_TOWNSHIP) ? [unitId, ...order] : [...order, unitId]),
    }));
    const rollUp = rollUpOf(units);
    return { indicatorId: indicator.id, domain: indicator.domain, county: null, units, rollUp, status: rollUp.status, conflict: units.some((unit) => unit.conflict), reportedBy: reporters(units) };
  });
  return { plan: planYear.plan, year: planYear.year, indicators };
}

function keyOf(indicatorId: string, unitId: string | null): string {
  return `${indicatorId}\u0000${unitId ?? ''}`;
}

function contributionOf(organisationId: string, value: ReportedValue): Contribution {
  return { organisationId, value: value.value, text: value.value ? cellText(value.value) : '', status: value.status, note: value.note };
}

/** A contribution that says something about the indicator (not blank, not "no data"). */
function hasValue(contribution: Contribution): boolean {
  return contribution.value !== null && contribution.value.kind !== 'blank' && contribution.value.kind !== 'notAvailable';
}

/** Who leads an indicator: the bureau's choice, then the catalog's responsible organisations in their order. */
function leadOrder(indicator: Indicator, lead: string | undefined): string[] {
  const responsible = indicator.responsible.filter((id) => id !== EVERY_TOWNSHIP);
  return lead ? [lead, ...responsible.filter((id) => id !== lead)] : responsible;
}

/** The value the county takes: the first in lead order with a value, else the first with anything. */
function chosen(contributions: readonly Contribution[], order: readonly string[]): ConsolidatedValue {
  const rank = (contribution: Contribution) => {
    const at = order.indexOf(contribution.organisationId);
    return at < 0 ? order.length : at;
  };
  const sorted = [...contributions].sort((a, b) => rank(a) - rank(b) || a.organisationId.localeCompare(b.organisationId));
  const pick = sorted.find(hasValue) ?? sorted[0];
  const distinct = new Set(sorted.filter(hasValue).map((contribution) => contribution.text));
  if (!pick) return { value: null, text: '', status: 'missing', reportedBy: null, note: null, conflict: false, contributions: [] };
  return { value: pick.value, text: pick.text, status: pick.status, reportedBy: pick.organisationId, note: pick.note, conflict: distinct.size > 1, contributions: sorted };
}

function reporters(values: readonly ConsolidatedValue[]): string[] {
  return [...new Set(values.flatMap((value) => value.contributions.map((contribution) => contribution.organisationId)))].sort();
}

function rollUpOf(units: readonly ConsolidatedUnit[]): RollUp {
  const failingUnits = units.filter((unit) => unit.status === 'notMet').map((unit) => unit.unitId);
  const missingUnits = units.filter((unit) => unit.status === 'missing' || unit.status === 'noData' || unit.status === 'invalid').map((unit) => unit.unitId);
  const met = units.filter((unit) => unit.status === 'met').length;
  const notYetDue = units.filter((unit) => unit.status === 'notYetDue').length;
  const judged = met + failingUnits.length + notYetDue;
  // met only when every unit meets it; a unit short of a future target makes the whole not yet due
  const status: RollUp['status'] =
    failingUnits.length > 0 ? 'notMet'
    : judged === 0 && units.some((unit) => unit.status === 'notAssessable') ? 'notAssessable'
    : judged === 0 ? 'noData'
    : missingUnits.length > 0 ? 'incomplete'
    : notYetDue > 0 ? 'notYetDue'
    : 'met';
  return { status, units: units.length, met, notMet: failingUnits.length, notYetDue, withoutData: missingUnits.length, failingUnits, missingUnits };
}
