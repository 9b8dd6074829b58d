import women from '../seeds/women.catalog.json';
import children from '../seeds/children.catalog.json';
import organisations from '../seeds/organisations.json';
import { catalogWith, loadCatalog, loadPlans, type Catalog, type PlanCatalogs } from './core/catalog/catalog';
import { OrganisationsFileSchema, type Organisation } from './core/catalog/organisation-schema';

let cached: Catalog | undefined;
let cachedPlans: PlanCatalogs | undefined;

/**
 * The catalog shipped in `seeds/` (both plans and the seed list of organisations of 新平县), validated once.
 * Bundlers and Node both import the JSON files directly, so the add-in, the CLI and the server share it.
 * The shared endpoint's database owns the organisations once it exists: the server and the CLI's database
 * commands build their catalog with `catalogForOrganisations` from the database's list instead.
 */
export function seedCatalog(): Catalog {
  cached ??= loadCatalog({ women, children, organisations });
  return cached;
}

/** The seed list of organisations (seeds/organisations.json): what a new database starts with. */
export function seedOrganisations(): readonly Organisation[] {
  return OrganisationsFileSchema.parse(organisations).organisations;
}

/** The plans of seeds/ with another list of organisations (the database's). */
export function catalogForOrganisations(list: readonly Organisation[]): Catalog {
  cachedPlans ??= loadPlans({ women, children });
  return catalogWith(cachedPlans, list);
}
