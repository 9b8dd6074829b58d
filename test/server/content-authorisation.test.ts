import { catalogVersion } from '../helpers/catalog-version';
import { acceptableValues } from './helpers/submission-fixtures';
import { describeEachDialect } from './helpers/test-database';
import { withTestApp } from './helpers/test-app';

const CATALOG_VERSION = catalogVersion();

describeEachDialect('who may report what', (dialect) => {
  const t = withTestApp(dialect);
  let yangwu: string;
  let wjj: string;
  let mzj: string;
  let bureau: string;
  beforeAll(async () => {
    [yangwu, wjj, mzj, bureau] = await Promise.all([t.token('yangwu'), t.token('wjj'), t.token('mzj'), t.token('tjj', 'bureau')]);
  });

  const documentOf = (organisationId: string, slots: { indicatorId: string; unitId?: string }[], year = 2025) => ({
    plan: 'children' as const,
    year,
    organisationId,
    catalogVersion: CATALOG_VERSION,
    templateVersion: 1,
    values: acceptableValues(slots, { plan: 'children', year }),
  });
  const post = (token: string, document: object) => t.request(token, { method: 'POST', url: '/api/v1/submissions', payload: document });

  it('a township submits its own row; rows of the other townships are refused (403) and named', async () => {
    const own = await post(yangwu, documentOf('yangwu', [{ indicatorId: 'C-HEA-09', unitId: 'yangwu' }]));
    expect(own.statusCode).toBe(201);
    const others = await post(yangwu, documentOf('yangwu', [{ indicatorId: 'C-HEA-09', unitId: 'yangwu' }, { indicatorId: 'C-HEA-09', unitId: 'mosha' }, { indicatorId: 'C-HEA-09', unitId: 'gasa' }]));
    expect(others.statusCode).toBe(403);
    const { error } = others.json();
    expect(error.code).toBe('submission.notResponsible');
    expect(error.message).toContain('漠沙镇');
    expect(error.message).toContain('戛洒镇');
    expect(error.details.entries).toEqual([
      { entryIndex: 1, indicatorId: 'C-HEA-09', unitId: 'mosha' },
      { entryIndex: 2, indicatorId: 'C-HEA-09', unitId: 'gasa' },
    ]);
  });

  it('a department submits the indicators it is responsible for; others (e.g. from the all-indicator template) are refused', async () => {
    expect((await post(wjj, documentOf('wjj', [{ indicatorId: 'C-HEA-04' }, { indicatorId: 'C-HEA-09', unitId: 'mosha' }]))).statusCode).toBe(201);
    // C-EDU-01 is 教体局's
    const foreign = await post(wjj, documentOf('wjj', [{ indicatorId: 'C-HEA-04' }, { indicatorId: 'C-EDU-01' }], 2024));
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.message).toContain('C-EDU-01');
    expect(foreign.json().error.message).toMatch(/全部指标模板|本单位的模板/);
  });

  it('the bureau can grant an organisation an indicator it does not report by default, and take it back', async () => {
    const document = documentOf('mzj', [{ indicatorId: 'C-HEA-04' }], 2023);
    expect((await post(mzj, document)).statusCode).toBe(403);
    const reporterTry = await t.request(mzj, { method: 'POST', url: '/api/v1/reporting-grants', payload: { organisationId: 'mzj', indicatorId: 'C-HEA-04' } });
    expect(reporterTry.statusCode).toBe(403);
    const granted = await t.request(bureau, { method: 'POST', url: '/api/v1/reporting-grants', payload: { organisationId: 'mzj', indicatorId: 'C-HEA-04' } });
    expect(granted.statusCode).toBe(201);
    const grant = granted.json();
    expect(grant).toMatchObject({ organisationId: 'mzj', indicatorId: 'C-HEA-04', unitId: null });
    expect((await post(mzj, document)).statusCode).toBe(201);
    const list = (await t.request(bureau, { method: 'GET', url: '/api/v1/reporting-grants?org=mzj' })).json();
    expect(list.grants).toEqual([expect.objectContaining({ id: grant.id, indicatorId: 'C-HEA-04' })]);
    const unknown = await t.request(bureau, { method: 'POST', url: '/api/v1/reporting-grants', payload: { organisationId: 'mzj', indicatorId: 'C-NOPE-01' } });
    expect(unknown.statusCode).toBe(422);
    expect((await t.request(bureau, { method: 'POST', url: `/api/v1/reporting-grants/${grant.id}/revoke` })).statusCode).toBe(200);
    expect((await post(mzj, documentOf('mzj', [{ indicatorId: 'C-HEA-04' }], 2022))).statusCode).toBe(403);
  });

  it('an empty submission is refused and does not become the current version', async () => {
    const first = await post(wjj, documentOf('wjj', [{ indicatorId: 'C-HEA-04' }], 2026));
    expect(first.statusCode).toBe(201);
    const empty = await post(wjj, { ...documentOf('wjj', [], 2026), values: [] });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.code).toBe('submission.empty');
    expect(empty.json().error.message).toContain('没有任何指标');
    const detail = (await t.request(wjj, { method: 'GET', url: `/api/v1/submissions/${first.json().submissionId}` })).json();
    expect(detail.currentVersion).toBe(1);
  });

  it('another organisation\'s submission answers 404 exactly like a missing one (its existence and owner stay hidden)', async () => {
    const theirs = (await post(mzj, documentOf('mzj', [{ indicatorId: 'C-WEL-01' }], 2021))).json();
    expect(theirs.submissionId).toBeDefined();
    for (const url of [`/api/v1/submissions/${theirs.submissionId}`, `/api/v1/submissions/${theirs.submissionId}/versions/1`]) {
      const hidden = await t.request(wjj, { method: 'GET', url });
      const missing = await t.request(wjj, { method: 'GET', url: url.replace(theirs.submissionId, 'sub_0000000000000000') });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().error.code).toBe(missing.json().error.code);
      expect(hidden.body).not.toContain('mzj');
      expect(hidden.json().error.message.replace(theirs.submissionId, 'X')).toBe(missing.json().error.message.replace('sub_0000000000000000', 'X'));
    }
  });
});
