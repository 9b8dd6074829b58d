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
 * The lines an organisation reports, in the plan's order: a department gets the indicators it is
 * responsible for (per-township ones once per township); a township gets the indicators every township
 * reports and its own line of every per-township indicator; without an organisation, every indicator.
 */
export function templateLines(catalog: Catalog, plan: PlanId, organisation?: Organisation): TemplateLine[] {
  const townships = catalog.organisations.filter(isTownship);
  const domainOrder = new Map(catalog.plans[plan].domains.map((domain, index) => [domain.name, index]));
  const indicators = [...indicatorsOf(catalog, plan)].sort(
    (a, b) => (domainOrder.get(a.domain) ?? 0) - (domainOrder.get(b.domain) ?? 0) || a.id.localeCompare(b.id),
  );
  const lines: TemplateLine[] = [];
  for (const indicator of indicators) {
    if (organisation && !reports(indicator, organisation)) continue;
    const perUnit = indicator.perUnit;
    if (!perUnit) {
      lines.push({ indicator });
    } else if (perUnit.scope === 'list') {
      for (const unit of perUnit.units) lines.push({ indicator, unit });
    } else {
      const units = organisation && isTownship(organisation) ? [organisation] : townships;
      for (const township of units) lines.push({ indicator, unit: { id: township.id, name: township.name, nameEn: township.nameEn } });
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
