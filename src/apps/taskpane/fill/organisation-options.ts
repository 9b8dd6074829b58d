/**
 * The organisation picker's options: county departments and townships in two groups, in the catalog's
 * order, filtered by what a person types (short name, full name, English name or id). Pure.
 */
import type { Catalog } from '../../../core/catalog/catalog';
import { isTownship, type Organisation } from '../../../core/catalog/organisation-schema';
import type { Language } from '../../../core/i18n/message';

export interface OrganisationGroups {
  readonly departments: readonly Organisation[];
  readonly townships: readonly Organisation[];
}

/** Folds a text for matching: NFKC (full-width letters), lower case, no spaces. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Whether an organisation matches a typed query (empty matches everything). */
export function matchesOrganisation(organisation: Organisation, query: string): boolean {
  const wanted = fold(query);
  if (wanted === '') return true;
  return [organisation.shortName, organisation.name, organisation.nameEn, organisation.id].some((text) => fold(text).includes(wanted));
}

/** The organisations matching a query, grouped as the picker shows them. */
export function organisationGroups(catalog: Catalog, query = ''): OrganisationGroups {
  const matching = catalog.organisations.filter((organisation) => matchesOrganisation(organisation, query));
  return { departments: matching.filter((organisation) => !isTownship(organisation)), townships: matching.filter(isTownship) };
}

/** The name an organisation is shown by in the picker's field: the name people use (卫健局), or the English name. */
export function organisationLabel(organisation: Organisation, language: Language): string {
  return language === 'zh-CN' ? organisation.shortName : organisation.nameEn;
}
