import women from '../../seeds/women.catalog.json';
import children from '../../seeds/children.catalog.json';
import organisations from '../../seeds/organisations.json';
import { loadCatalog, type Catalog } from '../../src/core/catalog/catalog';
import { isTownship } from '../../src/core/catalog/organisation-schema';
import { buildTemplate } from '../../src/core/template/build-template';
import type { TemplateModel } from '../../src/core/template/template-model';

/**
 * The seed catalog with its 12 townships replaced by `count` made-up ones: buildTemplate then cuts real
 * templates of any size (every per-township indicator gets one row per township), with correct formulas,
 * validations and conditional formats for every row — no rows are copied or patched.
 */
export function countyWithTownships(count: number, childrenFile: typeof children = children): Catalog {
  const departments = organisations.organisations.filter((organisation) => !isTownship(organisation as never));
  const townships = Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return { id: `town-${n}`, name: `测试乡${n}`, shortName: `测试乡${n}`, nameEn: `Test Township ${n}`, kind: 'township' as const };
  });
  return loadCatalog({ women, children: childrenFile, organisations: { ...organisations, organisations: [...departments, ...townships] } });
}

/** The children's plan, all indicators, 2025: 115 rows + 5 per-township indicators × 377 townships = 2,000 data rows. */
export function model2000(): { catalog: Catalog; model: TemplateModel } {
  const catalog = countyWithTownships(377);
  return { catalog, model: buildTemplate(catalog, { plan: 'children', year: 2025 }) };
}

/** A children's template of exactly 10 data rows: 妇联 (fl) made responsible for the plan's first 10 indicators. */
export function model10(): { catalog: Catalog; model: TemplateModel } {
  const ids = new Set(children.indicators.filter((indicator) => !('perUnit' in indicator) || !indicator.perUnit).slice(0, 10).map((indicator) => indicator.id));
  const file = {
    ...children,
    indicators: children.indicators.map((indicator) => ({
      ...indicator,
      responsible: ids.has(indicator.id) ? ['fl'] : indicator.responsible.filter((id) => id !== 'fl').concat(indicator.responsible.length === 1 && indicator.responsible[0] === 'fl' ? ['fegw'] : []),
    })),
  } as typeof children;
  const catalog = countyWithTownships(12, file);
  return { catalog, model: buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'fl' }) };
}
