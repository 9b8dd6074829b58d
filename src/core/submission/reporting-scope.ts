import { entryPlace, type Catalog } from '../catalog/catalog';
import type { PlanId } from '../catalog/indicator-schema';
import { isTownship, type Organisation } from '../catalog/organisation-schema';
import { entryKey } from '../assess/entry';
import { templateLines, type ReportingGrant } from '../template/template-rows';

export type { ReportingGrant } from '../template/template-rows';

/** An entry of a submission that its organisation does not report. */
export interface OutOfScopeEntry {
  readonly entryIndex: number;
  readonly indicatorId: string;
  readonly unitId?: string;
}

/**
 * What an organisation reports for a plan: exactly the lines of its template (a department the indicators
 * it is responsible for, with every township's row of per-township ones; a township the indicators every
 * township reports and its own row of each per-township indicator), plus the bureau's grants.
 */
export function reportingScope(catalog: Catalog, plan: PlanId, organisation: Organisation, grants: readonly ReportingGrant[] = []): (indicatorId: string, unitId?: string) => boolean {
  const lines = new Set(templateLines(catalog, plan, organisation, grants).map((line) => entryKey(line.indicator.id, line.unit?.id)));
  return (indicatorId, unitId) => lines.has(entryKey(indicatorId, unitId));
}

/**
 * The entries an organisation may not submit. Entries the engine refuses anyway (an unknown indicator, a
 * unit that is no unit of the indicator) are left to it, so they keep their specific 422 finding.
 */
export function entriesOutOfScope(
  catalog: Catalog,
  submission: { readonly plan: PlanId; readonly values: readonly { readonly indicatorId: string; readonly unitId?: string | undefined }[] },
  organisation: Organisation,
  grants: readonly ReportingGrant[] = [],
): OutOfScopeEntry[] {
  const inScope = reportingScope(catalog, submission.plan, organisation, grants);
  const townships = new Set(catalog.organisations.filter(isTownship).map((township) => township.id));
  const outside: OutOfScopeEntry[] = [];
  submission.values.forEach((value, entryIndex) => {
    const indicator = catalog.indicators.get(value.indicatorId);
    if (!indicator || indicator.plan !== submission.plan) return;
    const perUnit = indicator.perUnit;
    const validUnit = !perUnit ? value.unitId === undefined : perUnit.scope === 'township' ? value.unitId !== undefined && townships.has(value.unitId) : perUnit.units.some((unit) => unit.id === value.unitId);
    if (!validUnit || inScope(value.indicatorId, value.unitId)) return;
    outside.push({ entryIndex, indicatorId: value.indicatorId, ...(value.unitId === undefined ? {} : { unitId: value.unitId }) });
  });
  return outside;
}

/** "C-HEA-09 适龄儿童免疫规划疫苗接种率（漠沙镇）" for a message that lists entries. */
export function entryLabel(catalog: Catalog, indicatorId: string, unitId?: string): { zh: string; en: string } {
  const { indicatorName, unitName } = entryPlace(catalog, indicatorId, unitId);
  return {
    zh: `${indicatorId}${indicatorName ? ` ${indicatorName.zh}` : ''}${unitName ? `（${unitName.zh}）` : ''}`,
    en: `${indicatorId}${indicatorName ? ` ${indicatorName.en}` : ''}${unitName ? ` (${unitName.en})` : ''}`,
  };
}
