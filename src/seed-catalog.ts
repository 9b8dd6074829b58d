import women from '../seeds/women.catalog.json';
import children from '../seeds/children.catalog.json';
import organisations from '../seeds/organisations.json';
import { loadCatalog, type Catalog } from './core/catalog/catalog';

let cached: Catalog | undefined;

/**
 * The catalog shipped in `seeds/` (both plans and the organisations of 新平县), validated once.
 * Bundlers and Node both import the JSON files directly, so the add-in, the CLI and the server share it.
 */
export function seedCatalog(): Catalog {
  cached ??= loadCatalog({ women, children, organisations });
  return cached;
}
