/**
 * What the portal's quick check runs on the PC, loaded on demand (a chunk of its own): the plans' catalog,
 * the bounded .xlsx reader on fflate (src/xlsx/read-xlsx-browser.ts) and the core's check — the same path
 * as `indicators check` and the server's upload, so the findings and refusals are the same. Nothing here
 * touches the network.
 */
import type { Catalog } from '../../../core/catalog/catalog';
import type { PlanId } from '../../../core/catalog/indicator-schema';
import type { Organisation } from '../../../core/catalog/organisation-schema';
import { templateLines } from '../../../core/template/template-rows';
import { catalogForOrganisations, seedOrganisations } from '../../../seed-catalog';
import { checkXlsxInBrowser, type XlsxCheckOutcome } from '../../../xlsx/read-xlsx-browser';

let cached: { key: string; catalog: Catalog } | undefined;

/** The plans' catalog with the seed organisations and the person's own (which the database may have added). */
export function portalCatalog(organisation: Organisation): Catalog {
  if (cached?.key !== organisation.id) {
    const seed = seedOrganisations();
    const organisations = seed.some((candidate) => candidate.id === organisation.id) ? seed : [...seed, organisation];
    cached = { key: organisation.id, catalog: catalogForOrganisations(organisations) };
  }
  return cached.catalog;
}

/** The plans the organisation has indicators in (by the catalog's responsibilities). */
export function plansOf(catalog: Catalog, organisation: Organisation): PlanId[] {
  const known = catalog.organisations.find((candidate) => candidate.id === organisation.id) ?? organisation;
  return (['women', 'children'] as const).filter((plan) => templateLines(catalog, plan, known).length > 0);
}

/** Reads and checks a filled template in the browser; another organisation's template is refused as the server does. */
export function quickCheck(data: Uint8Array, catalog: Catalog, organisationId: string): Promise<XlsxCheckOutcome> {
  return checkXlsxInBrowser(data, catalog, { expectedOrganisationId: organisationId });
}
