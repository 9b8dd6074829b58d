import { sql } from 'kysely';
import { canonicalJson } from '../../src/server/tokens';
import { acceptableDocument } from './helpers/submission-fixtures';
import { describeEachDialect } from './helpers/test-database';
import { withTestApp } from './helpers/test-app';
import { filledTemplate } from './helpers/template-files';
import { XLSX_CONTENT_TYPE } from '../../src/server/routes/upload-routes';

describeEachDialect('storage quota per organisation and year', (dialect) => {
  let wjj: string;
  let mzj: string;
  const document = (year: number, change = 0) => {
    const base = acceptableDocument({ organisationId: 'wjj', year, count: 20 });
    return { ...base, values: base.values.map((value, index) => (index === 0 ? { ...value, note: `第${change}版` } : value)) };
  };
  const size = Buffer.byteLength(canonicalJson(document(2025)));
  // room for three such submissions, not four
  const t = withTestApp(dialect, { STORAGE_QUOTA_MB: String((size * 3.5) / (1024 * 1024)) });
  beforeAll(async () => {
    [wjj, mzj] = await Promise.all([t.token('wjj'), t.token('mzj')]);
  });

  const post = (token: string, body: object) => t.request(token, { method: 'POST', url: '/api/v1/submissions', payload: body });

  it('versions beyond the quota are refused with 413 and a message saying what to do; other years and organisations are not affected', async () => {
    for (let version = 1; version <= 3; version += 1) expect((await post(wjj, document(2025, version))).statusCode).toBe(201);
    const over = await post(wjj, document(2025, 4));
    expect(over.statusCode).toBe(413);
    const { error } = over.json();
    expect(error.code).toBe('quota.exceeded');
    expect(error.message).toContain('存储配额');
    expect(error.message).toContain('统计局');
    expect(error.details).toMatchObject({ organisationId: 'wjj', year: 2025, limitBytes: expect.any(Number), usedBytes: expect.any(Number) });
    expect((await post(wjj, document(2024, 1))).statusCode).toBe(201);
    expect((await post(mzj, { ...acceptableDocument({ organisationId: 'mzj', year: 2025, count: 5 }) })).statusCode).toBe(201);
  });

  it('an upload whose file does not fit is refused before its workbook is read', async () => {
    const file = await filledTemplate({ plan: 'children', year: 2025, organisationId: 'wjj' });
    const response = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions/upload', payload: file, headers: { 'content-type': XLSX_CONTENT_TYPE } });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('quota.exceeded');
  });
});

describe('a full disk (SQLite: the database file cannot grow)', () => {
  const t = withTestApp('sqlite');
  let wjj: string;
  beforeAll(async () => {
    wjj = await t.token('wjj');
  });

  it('507 with a Chinese message, nothing partial stored, /healthz says the database is not writable; then it recovers', async () => {
    const first = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: acceptableDocument({ organisationId: 'wjj', year: 2025 }) });
    expect(first.statusCode).toBe(201);
    // SQLite answers SQLITE_FULL ("database or disk is full") when the file cannot grow: the same error as a full disk
    const pages = Number((await sql<{ page_count: number }>`pragma page_count`.execute(t.app.db)).rows[0]!.page_count);
    await sql.raw(`pragma max_page_count = ${pages}`).execute(t.app.db);
    const statuses: number[] = [];
    let refused: ReturnType<typeof JSON.parse> = undefined;
    for (let year = 2021; year <= 2024; year += 1) {
      const response = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: acceptableDocument({ organisationId: 'wjj', year }) });
      statuses.push(response.statusCode);
      if (response.statusCode === 507) refused = response.json();
    }
    expect(statuses).toContain(507);
    expect(statuses.every((status) => status === 201 || status === 507)).toBe(true);
    expect(refused.error.code).toBe('storage.full');
    expect(refused.error.message).toContain('存储空间已满');
    expect(refused.error.message).toContain('未保存');
    const health = await t.request(undefined, { method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(503);
    expect(health.json().error).toMatchObject({ code: 'server.storageUnwritable' });
    // every stored version is whole
    const versions = await t.app.db.selectFrom('submission_versions').select(['submission_id', 'version', 'value_count']).execute();
    for (const version of versions) {
      const values = await t.app.db.selectFrom('submission_values').select(sql<number>`count(*)`.as('n')).where('submission_id', '=', version.submission_id).where('version', '=', version.version).executeTakeFirstOrThrow();
      expect(Number(values.n)).toBe(Number(version.value_count));
    }
    await sql.raw('pragma max_page_count = 1073741823').execute(t.app.db);
    const again = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: acceptableDocument({ organisationId: 'wjj', year: 2030 }) });
    expect(again.statusCode).toBe(201);
    expect((await t.request(undefined, { method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('/healthz reports free disk space below the threshold', () => {
  const t = withTestApp('sqlite', { MIN_FREE_DISK_MB: String(1024 * 1024 * 1024) });

  it('503 naming the data folder and the free space', async () => {
    const health = await t.request(undefined, { method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(503);
    expect(health.json().error.code).toBe('server.diskLow');
    expect(health.json().error.message).toContain('磁盘剩余空间');
    expect(health.json().error.details).toMatchObject({ freeBytes: expect.any(Number), minFreeBytes: expect.any(Number) });
  });
});
