import type { Kysely } from 'kysely';
import type { Catalog } from '../../core/catalog/catalog';
import { catalogForOrganisations } from '../../seed-catalog';
import type { Database } from '../db/database';
import { listOrganisations, organisationOf } from '../repositories/organisations';

/** How long the server trusts its copy of the organisation list before asking the database again. */
export const CATALOG_REFRESH_MS = 5000;

/**
 * The catalog the server enforces: the plans of seeds/ with the organisations the database owns. An
 * organisation added with `indicators org add` (another process) is in the server's catalog — its templates,
 * its reporting scope, its township rows — within CATALOG_REFRESH_MS, without a restart: the list is read
 * again when older than that (one small query) and the catalog rebuilt only when it changed.
 */
export class CatalogSource {
  #catalog: Catalog;
  #fingerprint: string;
  #checkedAt: number;
  #refreshing: Promise<void> | undefined;

  private constructor(
    private readonly db: Kysely<Database>,
    catalog: Catalog,
    fingerprint: string,
    private readonly now: () => number,
  ) {
    this.#catalog = catalog;
    this.#fingerprint = fingerprint;
    this.#checkedAt = now();
  }

  static async open(db: Kysely<Database>, now: () => number = Date.now): Promise<CatalogSource> {
    const { catalog, fingerprint } = await load(db);
    return new CatalogSource(db, catalog, fingerprint, now);
  }

  /** The catalog as last read. */
  get current(): Catalog {
    return this.#catalog;
  }

  /** Reads the organisation list again when the copy is older than CATALOG_REFRESH_MS (one refresh at a time). */
  refreshIfStale(): Promise<void> {
    if (this.now() - this.#checkedAt < CATALOG_REFRESH_MS) return Promise.resolve();
    this.#refreshing ??= this.refresh().finally(() => (this.#refreshing = undefined));
    return this.#refreshing;
  }

  /** Reads the organisation list now. */
  async refresh(): Promise<void> {
    const rows = await listOrganisations(this.db);
    this.#checkedAt = this.now();
    const fingerprint = JSON.stringify(rows.map(organisationOf));
    if (fingerprint === this.#fingerprint) return;
    this.#catalog = catalogForOrganisations(rows.map(organisationOf));
    this.#fingerprint = fingerprint;
  }
}

async function load(db: Kysely<Database>): Promise<{ catalog: Catalog; fingerprint: string }> {
  const organisations = (await listOrganisations(db)).map(organisationOf);
  return { catalog: catalogForOrganisations(organisations), fingerprint: JSON.stringify(organisations) };
}
