import { OrganisationListSchema } from '../../../contract/api';
import type { Organisation } from '../../../core/catalog/organisation-schema';
import type { WebApi } from '../web-api';

/** GET /organisations: every organisation (for the 单位 selects and names in tables). */
export async function loadOrganisations(api: WebApi): Promise<readonly Organisation[]> {
  return (await api.get('/organisations', OrganisationListSchema)).organisations;
}

/** An organisation's short name, or its id when it is not (or no longer) listed. */
export function organisationName(organisations: readonly Organisation[], id: string): string {
  return organisations.find((organisation) => organisation.id === id)?.shortName ?? id;
}
