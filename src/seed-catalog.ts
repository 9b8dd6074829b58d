import women from '../seeds/women.catalog.json';
import children from '../seeds/children.catalog.json';
import organisations from '../seeds/organisations.json';
import reportForm from '../seeds/report-form.json';
import { catalogWith, loadCatalog, loadPlans, loadReportForms, type Catalog, type PlanCatalogs } from './core/catalog/catalog';
import type { ReportForms } from './core/catalog/report-form-schema';
import { OrganisationsFileSchema, type Organisation } from './core/catalog/organisation-schema';

let cached: Catalog | undefined;
let cachedPlans: PlanCatalogs | undefined;
let cachedForms: ReportForms | undefined;

/**
 * The catalog shipped in `seeds/` (both plans, the seed list of organisations of 新平县 and the report form's
 * header of this deployment, seeds/report-form.json), validated once.
 * Bundlers and Node both import the JSON files directly, so the add-in, the CLI and the server share it.
 * The shared endpoint's database owns the organisations once it exists: the server and the CLI's database
 * commands build their catalog with `catalogForOrganisations` from the database's list instead.
 */
export function seedCatalog(): Catalog {
  cached ??= loadCatalog({ women, children, organisations, reportForm });
  return cached;
}

/** The seed list of organisations (seeds/organisations.json): what a new database starts with. */
export function seedOrganisations(): readonly Organisation[] {
  return OrganisationsFileSchema.parse(organisations).organisations;
}

/** The plans of seeds/ (and the report form's header) with another list of organisations (the database's). */
export function catalogForOrganisations(list: readonly Organisation[]): Catalog {
  cachedPlans ??= loadPlans({ women, children });
  cachedForms ??= loadReportForms(reportForm);
  return catalogWith(cachedPlans, list, cachedForms);
}
