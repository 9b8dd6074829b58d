import ExcelJS from 'exceljs';
import { buildTemplate } from '../../../src/core/template/build-template';
import { cellAddress } from '../../../src/core/template/cell-address';
import { COLUMN_INDEX } from '../../../src/core/template/template-columns';
import { withTestApp } from '../helpers/test-app';
import { describeEachDialect } from '../helpers/test-database';
import { BASELINE, catalog, PREVIOUS, report2024 } from '../helpers/prefill-fixtures';
import { addUser, signIn, TEST_COST, type Browser } from './account-fixtures';

// scrypt at its real cost (32 MiB, ~0.5 s on one core) and many sign-ins, on the 2 cores the whole suite shares
jest.setTimeout(60_000);

const PASSWORD = 'Vorlage-Passwort-2025';

describeEachDialect('GET /api/v1/templates/:plan/:year (the portal\'s prefilled template)', (dialect) => {
  const t = withTestApp(dialect, {}, { app: { passwordCost: TEST_COST } });
  let clerk: Browser;
  let bureau: Browser;
  /** GET as bytes (the shared test client reads text). */
  const download = async (browser: Browser, url: string) => {
    const response = await fetch(`${t.origin}${url}`, { headers: { cookie: `xpm_session=${browser.secret}` } });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: Object.fromEntries(response.headers.entries()), bytes, json: () => JSON.parse(bytes.toString('utf8')) };
  };
  const sheet = async (bytes: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook.worksheets[0]!;
  };
  beforeAll(async () => {
    const token = await t.token('wjj');
    const receipt = (await t.request(token, { method: 'POST', url: '/api/v1/submissions', payload: report2024() })).json();
    expect(receipt).toMatchObject({ version: 1 });
    const bureauToken = await t.token('tjj', 'bureau');
    expect((await t.request(bureauToken, { method: 'POST', url: `/api/v1/submissions/${receipt.submissionId}/approve` })).statusCode).toBe(200);
    await addUser(t, { login: 'wjj-clerk', organisationId: 'wjj', role: 'reporter', password: PASSWORD });
    await addUser(t, { login: 'tjj-bureau', organisationId: 'tjj', role: 'bureau', password: PASSWORD });
    await addUser(t, { login: 'tjj-admin', organisationId: 'tjj', role: 'admin', password: PASSWORD });
    clerk = await signIn(t, 'wjj-clerk', PASSWORD);
    bureau = await signIn(t, 'tjj-bureau', PASSWORD);
  });

  it('a reporter downloads its own template with last year\'s approved values as 上年值 and the plan\'s 基期值, named in Chinese', async () => {
    const response = await download(clerk, '/api/v1/templates/children/2025');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="children-2025-wjj.xlsx"; filename*=UTF-8''${encodeURIComponent('儿童2025-卫健局.xlsx')}`);
    expect(response.headers['cache-control']).toBe('no-store');
    const template = await sheet(response.bytes);
    expect(template.getCell(PREVIOUS).value).toBe(3.6);
    expect(template.getCell(PREVIOUS).dataValidation?.prompt).toContain('来自2024年已报送数据（第1版，已审核通过）');
    expect(template.getCell(BASELINE).value).toBe(5.94);
    // naming itself is allowed, another organisation is not
    expect((await download(clerk, '/api/v1/templates/children/2025?organisationId=wjj')).status).toBe(200);
    const other = await download(clerk, '/api/v1/templates/children/2025?organisationId=fl');
    expect(other.status).toBe(403);
    expect(other.json().error.code).toBe('auth.otherOrganisation');
    // a year without a report of the year before: 上年值 empty, 基期值 still there
    const first = await sheet((await download(clerk, '/api/v1/templates/children/2024')).bytes);
    const firstModel = buildTemplate(catalog, { plan: 'children', year: 2024, organisationId: 'wjj' });
    const firstRow = firstModel.dataRows.find((row) => row.indicatorId === 'C-HEA-04')!.row;
    expect(first.getCell(cellAddress(firstRow, COLUMN_INDEX.previous)).value).toBeNull();
    expect(first.getCell(cellAddress(firstRow, COLUMN_INDEX.baseline)).value).toBe(5.94);
  });

  it('the bureau names the organisation (or gets every indicator); an admin gets none; bad plans, years and organisations are 400', async () => {
    const named = await download(bureau, '/api/v1/templates/children/2025?organisationId=wjj');
    expect(named.status).toBe(200);
    expect((await sheet(named.bytes)).getCell(PREVIOUS).value).toBe(3.6);
    const all = await download(bureau, '/api/v1/templates/women/2025');
    expect(all.status).toBe(200);
    expect(all.headers['content-disposition']).toContain(encodeURIComponent('妇女2025-全部指标.xlsx'));
    const admin = await signIn(t, 'tjj-admin', PASSWORD);
    expect((await download(admin, '/api/v1/templates/children/2025?organisationId=wjj')).status).toBe(403);
    expect((await download(bureau, '/api/v1/templates/children/2025?organisationId=nowhere')).status).toBe(400);
    expect((await download(clerk, '/api/v1/templates/men/2025')).status).toBe(400);
    expect((await download(clerk, '/api/v1/templates/children/2035')).status).toBe(400);
    expect((await fetch(`${t.origin}/api/v1/templates/children/2025`)).status).toBe(401);
    // a Bearer token works too
    const token = await t.token('wjj');
    const byToken = await fetch(`${t.origin}/api/v1/templates/children/2025`, { headers: { authorization: `Bearer ${token}` } });
    expect(byToken.status).toBe(200);
  });

  it('a reporter reads the deadline of a plan-year (the portal shows it); only the bureau sets it', async () => {
    const none = await clerk.request({ method: 'GET', url: '/api/v1/monitoring/children/2025/deadline' });
    expect(none.statusCode).toBe(200);
    expect(none.json().deadline).toBeNull();
    expect((await clerk.request({ method: 'PUT', url: '/api/v1/monitoring/children/2025/deadline', payload: { date: '2026-03-31' } })).statusCode).toBe(403);
    expect((await bureau.request({ method: 'PUT', url: '/api/v1/monitoring/children/2025/deadline', payload: { date: '2026-03-31' } })).statusCode).toBe(200);
    expect((await clerk.request({ method: 'GET', url: '/api/v1/monitoring/children/2025/deadline' })).json()).toMatchObject({ plan: 'children', year: 2025, deadline: '2026-03-31' });
  });
});

