import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PreviousValues } from '../contract/api';
import type { Catalog } from '../core/catalog/catalog';
import type { ReportingGrant } from '../core/template/template-rows';
import { catalogForOrganisations, seedCatalog } from '../seed-catalog';
import { databaseLocation } from '../server/config';
import { SQLITE_FILE } from '../server/db/connect';
import { prepareDatabase } from '../server/db/prepare';
import { listOrganisations, organisationOf } from '../server/repositories/organisations';
import { listReportingGrants } from '../server/repositories/reporting-grants';
import { loadPreviousValues, type PreviousValuesRequest } from '../server/services/previous-values';

/** The catalog a command works with, where its organisations came from, and the bureau's grants. */
export interface CliCatalog {
  readonly catalog: Catalog;
  /** 'database': the shared endpoint's database (DATABASE_URL, or DATA_DIR/xinping.sqlite); 'seeds': seeds/organisations.json. */
  readonly source: 'database' | 'seeds';
  /** The grants in force for an organisation (none without a database). */
  grantsFor(organisationId: string): Promise<ReportingGrant[]>;
  /** Last year's values of an organisation, as GET /submissions/previous-values answers; null without a database. */
  previousValues(request: PreviousValuesRequest): Promise<PreviousValues | null>;
  close(): Promise<void>;
}

/**
 * The endpoint's database owns the organisations: on the machine that runs it (DATABASE_URL set, or a
 * database in DATA_DIR) `template` and `check` use its list and the bureau's grants — an organisation added
 * with `org add` gets its template at once. Elsewhere (a clerk's PC) the seed list, and no database is made.
 */
export async function openCliCatalog(env: NodeJS.ProcessEnv = process.env): Promise<CliCatalog> {
  const location = databaseLocation(env);
  if (!location.databaseUrl && !existsSync(join(location.dataDir, SQLITE_FILE))) {
    return { catalog: seedCatalog(), source: 'seeds', grantsFor: async () => [], previousValues: async () => null, close: async () => undefined };
  }
  const db = await prepareDatabase(location);
  try {
    const catalog = catalogForOrganisations((await listOrganisations(db)).map(organisationOf));
    return {
      catalog,
      source: 'database',
      grantsFor: async (organisationId) => (await listReportingGrants(db, organisationId)).map((grant) => ({ indicatorId: grant.indicator_id, unitId: grant.unit_id })),
      previousValues: (request) => loadPreviousValues(db, request),
      close: () => db.destroy(),
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
