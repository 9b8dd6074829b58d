import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogJsonSchemas } from '../../../src/core/catalog/json-schema';

describe('the exported JSON Schemas', () => {
  it.each(Object.entries(catalogJsonSchemas()))('seeds/%s is up to date with the zod schema (run npm run catalog:schema)', (file, schema) => {
    const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'seeds', file), 'utf8'));
    expect(committed).toEqual(schema);
  });

  it('describes the target kinds and the required indicator fields', () => {
    const schema = catalogJsonSchemas()['catalog.schema.json'] as { properties: { indicators: { items: { required: string[]; properties: { target: { oneOf: { properties: { kind: { const: string } } }[] } } } } } };
    const indicator = schema.properties.indicators.items;
    expect(indicator.required).toEqual(expect.arrayContaining(['id', 'plan', 'domain', 'name', 'nameEn', 'unit', 'target', 'sources', 'responsible']));
    const kinds = indicator.properties.target.oneOf.map((variant) => variant.properties.kind.const);
    expect(kinds).toEqual(['min', 'max', 'approx', 'ratio', 'reduction', 'count', 'increase', 'decrease', 'notBelowPrevious', 'relative', 'achieved', 'qualitative']);
  });
});
