import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedOrganisations } from '../../src/server/db/seed-organisations';
import { CATALOG_REFRESH_MS } from '../../src/server/services/catalog-source';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { seedCatalog } from '../../src/seed-catalog';
import { run } from '../cli/cli-harness';
import { acceptableValues } from './helpers/submission-fixtures';
import { describeEachDialect } from './helpers/test-database';
import { startTestApp, type TestApp } from './helpers/test-app';

describeEachDialect('the database owns the organisations', (dialect) => {
  let t: TestApp;
  let out: string;
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    // the CLI works on the same database as the server
    process.env.DATA_DIR = t.database.location.dataDir;
    process.env.DATABASE_URL = t.database.location.databaseUrl ?? '';
    out = mkdtempSync(join(tmpdir(), 'xpm-orgs-'));
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(out, { recursive: true, force: true });
    await t?.close();
  });

  it('seeded from seeds/organisations.json once; a later seed list does not change the database', async () => {
    const listed = (await t.request(await t.token('wjj'), { method: 'GET', url: '/api/v1/organisations' })).json().organisations;
    expect(listed).toHaveLength(seedCatalog().organisations.length);
    const added = await seedOrganisations(t.app.db, [{ id: 'fromseed', name: '只在新种子文件中', shortName: '新种子', nameEn: 'seed only', kind: 'department' }]);
    expect(added).toBe(0);
    expect((await run('org', 'list', '--json')).stdout).not.toContain('fromseed');
  });

  it('org add makes a township that gets a template (its own rows), a token, and whose row is accepted; departments\' templates grow by its row', async () => {
    expect((await run('org', 'add', '--id', 'xinzhen', '--name', '新平县新镇', '--short', '新镇', '--kind', 'township')).code).toBe(0);

    // the CLI's template reads the database's list: the new township's own rows
    const own = join(out, 'xinzhen.xlsx');
    const made = await run('template', '--plan', 'children', '--org', 'xinzhen', '--year', '2025', '--out', own);
    expect(made).toMatchObject({ code: 0 });
    const catalogNow = await openedCatalog();
    const read = await readXlsx(readFileSync(own), catalogNow);
    expect(read.ok && read.sheets[0]!.entries.filter((entry) => entry.unitId === 'xinzhen').map((entry) => entry.indicatorId)).toEqual(expect.arrayContaining(['C-HEA-09', 'C-HEA-24', 'C-EDU-11']));
    const department = join(out, 'wjj.xlsx');
    expect((await run('template', '--plan', 'children', '--org', 'wjj', '--year', '2025', '--out', department)).code).toBe(0);
    const wjj = await readXlsx(readFileSync(department), catalogNow);
    expect(wjj.ok && wjj.sheets[0]!.entries.some((entry) => entry.indicatorId === 'C-HEA-09' && entry.unitId === 'xinzhen')).toBe(true);

    // the server sees it within its refresh time, without a restart
    const token = await t.token('xinzhen');
    await new Promise((resolve) => setTimeout(resolve, CATALOG_REFRESH_MS + 200));
    const document = { plan: 'children', year: 2025, organisationId: 'xinzhen', catalogVersion: seedCatalog().plans.children.catalogVersion, templateVersion: 1, values: acceptableValues([{ indicatorId: 'C-HEA-09', unitId: 'xinzhen' }], { plan: 'children', year: 2025, catalog: catalogNow }) };
    const accepted = await t.request(token, { method: 'POST', url: '/api/v1/submissions', payload: document });
    expect(accepted.statusCode).toBe(201);
    const foreign = await t.request(token, { method: 'POST', url: '/api/v1/submissions', payload: { ...document, year: 2024, values: acceptableValues([{ indicatorId: 'C-HEA-09', unitId: 'gasa' }], { plan: 'children', year: 2024 }) } });
    expect(foreign.statusCode).toBe(403);
  }, 30_000);

  it('without a database the CLI uses the seed list and makes no database', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'xpm-nodb-'));
    process.env.DATA_DIR = empty;
    process.env.DATABASE_URL = '';
    try {
      const file = join(out, 'seed.xlsx');
      expect((await run('template', '--plan', 'children', '--org', 'wjj', '--year', '2025', '--out', file)).code).toBe(0);
      expect((await run('template', '--plan', 'children', '--org', 'xinzhen', '--year', '2025', '--out', join(out, 'x.xlsx'))).stderr).toContain('不在单位名录中');
      expect(() => readFileSync(join(empty, 'xinping.sqlite'))).toThrow();
    } finally {
      process.env.DATA_DIR = t.database.location.dataDir;
      process.env.DATABASE_URL = t.database.location.databaseUrl ?? '';
      rmSync(empty, { recursive: true, force: true });
    }
  });

  /** The catalog with the database's organisations, as the CLI and the server build it. */
  async function openedCatalog() {
    const { openCliCatalog } = await import('../../src/cli/cli-catalog');
    const source = await openCliCatalog();
    await source.close();
    return source.catalog;
  }
});
