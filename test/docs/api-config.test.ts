/**
 * docs/api.md's configuration table lists every variable of the server's one environment schema
 * (ServerEnvSchema, src/server/config.ts) with the default the schema gives; docs/operations.md's limit
 * tables are kept in step by test/server/config.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerEnvSchema } from '../../src/server/config';

const api = readFileSync(join(__dirname, '..', '..', 'docs', 'api.md'), 'utf8');
/** The section "## Configuration" up to the next "## ". */
const section = /^## Configuration\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(api)?.[1] ?? '';
/** Its table rows: the variables named in the first cell (`PORT`; `TLS_CERT`, `TLS_KEY`) and the default cell. */
const rows = section
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .map((line) => {
    const [names = '', defaults = ''] = line.split('|').slice(1).map((cell) => cell.trim());
    return { variables: [...names.matchAll(/`([A-Z_]+)`/g)].map((match) => match[1]!), defaults };
  });
const defaults = ServerEnvSchema.parse({});

describe('docs/api.md: the configuration table', () => {
  it('has a section with a table', () => {
    expect(rows.length).toBeGreaterThan(10);
  });

  it.each(Object.keys(ServerEnvSchema.shape))('lists %s', (variable) => {
    expect(rows.some((row) => row.variables.includes(variable))).toBe(true);
  });

  it('names no variable the schema does not read', () => {
    const known = new Set(Object.keys(ServerEnvSchema.shape));
    expect(rows.flatMap((row) => row.variables).filter((variable) => !known.has(variable))).toEqual([]);
  });

  it.each(Object.entries(defaults).filter(([, value]) => typeof value === 'number' || typeof value === 'string'))('gives the default of %s: %s', (variable, value) => {
    const row = rows.find((candidate) => candidate.variables.includes(variable));
    expect(/`([^`]+)`/.exec(row?.defaults ?? '')?.[1]).toBe(String(value));
  });
});
