import { assessEntry } from '../../../src/core/assess/assess-entry';
import type { Catalog } from '../../../src/core/catalog/catalog';
import type { PlanId } from '../../../src/core/catalog/indicator-schema';
import { isTownship } from '../../../src/core/catalog/organisation-schema';
import { templateLines } from '../../../src/core/template/template-rows';
import { checkSubmission } from '../../../src/core/submission/check-submission';
import type { SubmissionDocument, SubmissionValue } from '../../../src/contract/submission-document';
import { seedCatalog } from '../../../src/seed-catalog';

/** Values tried in turn for each indicator until the engine judges one without a finding. */
const CANDIDATES: readonly (string | number)[] = ['100', 95, '99.5%', '0', '2', '1', '是', '已开展', '3:2', '1:1', '12', 30, '已按要求推进，进展顺利'];

/**
 * A submission the engine accepts without any warning: `count` values of a plan, each the first candidate
 * that is met or informational, else "—" with a note. The entries are the organisation's own (its
 * template's lines: the server refuses others), or with `lines: 'all'` every entry of the plan
 * (county-wide indicators, then every township's row of per-township indicators) — for an organisation
 * the bureau has granted them, as the server benchmark does. Used by the API tests and the benchmark.
 */
export function acceptableDocument(options: { organisationId: string; count?: number; plan?: PlanId; year?: number; catalog?: Catalog; lines?: 'own' | 'all' }): SubmissionDocument {
  const catalog = options.catalog ?? seedCatalog();
  const plan = options.plan ?? 'children';
  const year = options.year ?? 2025;
  const slots = options.lines === 'all' ? allSlots(catalog, plan) : ownSlots(catalog, plan, options.organisationId);
  const values = acceptableValues(slots.slice(0, options.count ?? slots.length), { plan, year, catalog });
  return { plan, year, organisationId: options.organisationId, catalogVersion: catalog.plans[plan].catalogVersion, templateVersion: 1, values };
}

/** Every entry of a plan: county-wide indicators, then every township's (or listed body's) row of per-unit ones. */
function allSlots(catalog: Catalog, plan: PlanId): { indicatorId: string; unitId?: string }[] {
  const townships = catalog.organisations.filter(isTownship).map((organisation) => organisation.id);
  const slots: { indicatorId: string; unitId?: string }[] = [];
  for (const indicator of catalog.plans[plan].indicators) {
    if (!indicator.perUnit) slots.push({ indicatorId: indicator.id });
  }
  for (const indicator of catalog.plans[plan].indicators) {
    const units = indicator.perUnit?.scope === 'township' ? townships : indicator.perUnit?.scope === 'list' ? indicator.perUnit.units.map((unit) => unit.id) : [];
    for (const unitId of units) slots.push({ indicatorId: indicator.id, unitId });
  }
  return slots;
}

/** The entries an organisation reports: its template's lines. */
function ownSlots(catalog: Catalog, plan: PlanId, organisationId: string): { indicatorId: string; unitId?: string }[] {
  const organisation = catalog.organisations.find((item) => item.id === organisationId);
  if (!organisation) return [];
  return templateLines(catalog, plan, organisation).map((line) => ({ indicatorId: line.indicator.id, ...(line.unit ? { unitId: line.unit.id } : {}) }));
}

/** Values for the given indicators (and units) that a submission of the plan and year accepts together. */
export function acceptableValues(slots: readonly { indicatorId: string; unitId?: string }[], options: { plan: PlanId; year: number; catalog?: Catalog }): SubmissionValue[] {
  const catalog = options.catalog ?? seedCatalog();
  const { plan, year } = options;
  const values: SubmissionValue[] = slots.map((slot) => {
    const indicator = catalog.indicators.get(slot.indicatorId);
    if (!indicator) throw new Error(slot.indicatorId);
    for (const value of CANDIDATES) {
      const base = { ...slot, value, previous: value, baseline: value, other: value };
      const result = assessEntry(indicator, base, { year, defaults: catalog.plans[plan].defaults });
      if (result.severity === 'info' && result.status !== 'invalid' && result.status !== 'noData') return base;
    }
    return { ...slot, value: '—', note: '本年度暂无统计数据' };
  });
  const document = { plan, year, organisationId: 'any', values };
  // values chosen one by one may break a consistency rule together: give those a marker and a note
  for (let round = 0; round < 5; round += 1) {
    const check = checkSubmission(catalog, document);
    if (check.acceptable) return values;
    for (const finding of [...check.errors, ...check.notesRequired]) {
      for (const id of (finding.indicatorId ?? '').split('/')) {
        const index = values.findIndex((value) => value.indicatorId === id && value.unitId === finding.unitId);
        if (index >= 0) values[index] = { indicatorId: id, ...(finding.unitId ? { unitId: finding.unitId } : {}), value: '—', note: '本年度暂无统计数据' };
      }
    }
  }
  throw new Error('could not build an acceptable fixture');
}
