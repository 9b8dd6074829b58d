import { EVERY_TOWNSHIP, indicatorsOf, type Catalog } from '../catalog/catalog';
import type { Indicator, PlanId } from '../catalog/indicator-schema';
import { isTownship, type Organisation } from '../catalog/organisation-schema';
import { UNITS } from '../catalog/units';
import { inputsNeeded } from '../assess/targets-for-year';

/** One line of a template: an indicator, and for per-unit indicators one township or listed body. */
export interface TemplateLine {
  readonly indicator: Indicator;
  readonly unit?: { readonly id: string; readonly name: string; readonly nameEn: string };
}

/**
 * An indicator the statistics bureau lets an organisation report beyond the catalog's `responsible` lists
 * (a task moved between departments); without `unitId` it covers every reporting unit of the indicator.
 */
export interface ReportingGrant {
  readonly indicatorId: string;
  readonly unitId?: string | null;
}

/**
 * The lines an organisation reports, in the plan's order: a department gets the indicators it is
 * responsible for (per-township ones once per township); a township gets the indicators every township
 * reports and its own line of every per-township indicator; without an organisation, every indicator.
 * The bureau's grants add indicators (every unit of them, or the units granted). What an organisation may
 * submit is exactly these lines (src/core/submission/reporting-scope.ts).
 */
export function templateLines(catalog: Catalog, plan: PlanId, organisation?: Organisation, grants: readonly ReportingGrant[] = []): TemplateLine[] {
  const townships = catalog.organisations.filter(isTownship);
  const domainOrder = new Map(catalog.plans[plan].domains.map((domain, index) => [domain.name, index]));
  const indicators = [...indicatorsOf(catalog, plan)].sort(
    (a, b) => (domainOrder.get(a.domain) ?? 0) - (domainOrder.get(b.domain) ?? 0) || a.id.localeCompare(b.id),
  );
  const lines: TemplateLine[] = [];
  for (const indicator of indicators) {
    const responsible = !organisation || reports(indicator, organisation);
    const granted = grants.filter((grant) => grant.indicatorId === indicator.id);
    if (!responsible && granted.length === 0) continue;
    const everyUnit = responsible || granted.some((grant) => grant.unitId == null);
    const grantedUnit = (id: string) => granted.some((grant) => grant.unitId === id);
    const perUnit = indicator.perUnit;
    if (!perUnit) {
      lines.push({ indicator });
    } else if (perUnit.scope === 'list') {
      for (const unit of perUnit.units) if (everyUnit || grantedUnit(unit.id)) lines.push({ indicator, unit });
    } else {
      // a township reports its own row; a department (or the all-indicator template) every township's
      const own = responsible && organisation && isTownship(organisation) && !granted.some((grant) => grant.unitId == null);
      for (const township of townships) {
        const wanted = own ? township.id === organisation.id || grantedUnit(township.id) : everyUnit || grantedUnit(township.id);
        if (wanted) lines.push({ indicator, unit: { id: township.id, name: township.name, nameEn: township.nameEn } });
      }
    }
  }
  return lines;
}

function reports(indicator: Indicator, organisation: Organisation): boolean {
  if (isTownship(organisation)) return indicator.responsible.includes(EVERY_TOWNSHIP) || indicator.perUnit?.scope === 'township';
  return indicator.responsible.includes(organisation.id);
}

/**
 * The inputs a line offers beside this year's value and the note: the previous value for every numeric
 * indicator (trend targets need it; for the others it feeds the swing warning), the base-year value for
 * 以Y年为基数 targets, the comparison value for relative targets. The reader reads exactly these, so the
 * sheet's formulas and the engine see the same inputs.
 */
export function lineInputs(indicator: Indicator): { previous: boolean; baseline: boolean; other: boolean } {
  const needed = inputsNeeded(indicator);
  return {
    previous: UNITS[indicator.unit].valueKind === 'number' || needed.previous,
    baseline: needed.baseline,
    other: needed.other,
  };
}
