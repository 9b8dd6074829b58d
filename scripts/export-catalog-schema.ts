/**
 * Writes the JSON Schemas of the catalog files (for people who author catalogs for other counties and
 * want their editor to check them) from the zod schemas, the single source of truth.
 * `npm run catalog:schema`; a test fails when the committed files are out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogJsonSchemas } from '../src/core/catalog/json-schema';

const seeds = join(__dirname, '..', 'seeds');
for (const [file, schema] of Object.entries(catalogJsonSchemas())) {
  writeFileSync(join(seeds, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`已写入 seeds/${file}`);
}
