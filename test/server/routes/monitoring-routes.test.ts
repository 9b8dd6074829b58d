import { expectedOrganisations } from '../../../src/core/monitoring/completeness';
import { CompletenessSchema, ConsolidationSchema, EvaluationSchema, SeriesSchema, WarningsSchema } from '../../../src/contract/monitoring';
import { createToken } from '../../../src/server/repositories/tokens';
import { seedCatalog } from '../../../src/seed-catalog';
import { catalogVersion } from '../../helpers/catalog-version';
import { storeReport, type StoredEntry } from '../helpers/monitoring-fixtures';
import { describeEachDialect } from '../helpers/test-database';
import { withTestApp } from '../helpers/test-app';

const catalog = seedCatalog();
const TOWNSHIPS = catalog.organisations.filter((organisation) => organisation.kind !== 'department').map((organisation) => organisation.id);
const api = (path: string) => `/api/v1/monitoring/${path}`;

/**
 * The children's plan, reporting year 2025, deadline 2026-03-31 (the end of that day in Beijing):
 * - 卫健局 (wjj) submits through the API today (so: late): 访视率 95% (met), 近视率 31.5, 接种率 in every
 *   township (漠沙 85%, short of 90%); its 2021–2024 reports (stored) give 婴儿死亡率 5.6, 5.5, 5.3, 5.2‰;
 * - 教体局 (jtj): two versions, the first on time (近视率 35), the current one later (33), returned;
 * - 民政局 (mzj): first version on 2 April (late), approved: 社工 in 戛洒 1;
 * - 戛洒镇 (gasa): on time, approved: its own 社工 row, 2;
 * - everyone else expected is missing.
 */
describeEachDialect('the bureau\'s monitoring API', (dialect) => {
  const t = withTestApp(dialect);
  let bureau: string;
  let wjj: string;
  let jtj: string;
  let gasa: string;
  let admin: string;

  beforeAll(async () => {
    bureau = await t.token('tjj', 'bureau');
    wjj = await t.token('wjj');
    jtj = await t.token('jtj');
    gasa = await t.token('gasa');
    admin = await t.token('tjj', 'admin');
    const db = t.app.db;
    const tokenOf = async (organisationId: string) => (await createToken(db, { organisationId, role: 'reporter', label: 'fixture' })).id;
    const [wjjToken, jtjToken, mzjToken, gasaToken] = [await tokenOf('wjj'), await tokenOf('jtj'), await tokenOf('mzj'), await tokenOf('gasa')];
    const infant = ['5.6', '5.5', '5.3', '5.2'];
    for (const [index, text] of infant.entries()) {
      const values: StoredEntry[] = [{ indicatorId: 'C-HEA-04', text, status: 'notYetDue' }];
      if (index === 3) values.push({ indicatorId: 'C-HEA-26', text: '96', status: 'met' });
      await storeReport(db, { plan: 'children', year: 2021 + index, organisationId: 'wjj', tokenId: wjjToken, status: 'approved', versions: [{ receivedAt: `${2022 + index}-03-01T00:00:00.000Z`, values }] });
    }
    await storeReport(db, { plan: 'children', year: 2024, organisationId: 'jtj', tokenId: jtjToken, versions: [{ receivedAt: '2025-03-01T00:00:00.000Z', values: [{ indicatorId: 'C-HEA-14', text: '34', status: 'met' }] }] });
    await storeReport(db, {
      plan: 'children',
      year: 2025,
      organisationId: 'jtj',
      tokenId: jtjToken,
      status: 'returned',
      versions: [
        // 23:00 on 30 March in Beijing: on time
        { receivedAt: '2026-03-30T15:00:00.000Z', values: [{ indicatorId: 'C-HEA-14', text: '35', status: 'met' }] },
        { receivedAt: '2026-04-10T02:00:00.000Z', values: [{ indicatorId: 'C-HEA-14', text: '33', status: 'met' }] },
      ],
    });
    // 00:30 on 2 April in Beijing: late
    await storeReport(db, { plan: 'children', year: 2025, organisationId: 'mzj', tokenId: mzjToken, status: 'approved', versions: [{ receivedAt: '2026-04-01T16:30:00.000Z', values: [{ indicatorId: 'C-WEL-14', unitId: 'gasa', text: '1', status: 'met' }] }] });
    await storeReport(db, { plan: 'children', year: 2025, organisationId: 'gasa', tokenId: gasaToken, status: 'approved', versions: [{ receivedAt: '2026-03-15T00:00:00.000Z', values: [{ indicatorId: 'C-WEL-14', unitId: 'gasa', text: '2', status: 'met' }] }] });
    // the real write path: parsed and judged by the server, stored as it stores every submission
    const values = [
      { indicatorId: 'C-HEA-26', value: 95 },
      { indicatorId: 'C-HEA-14', value: 31.5, previous: 32 },
      ...TOWNSHIPS.map((unitId) => (unitId === 'mosha' ? { indicatorId: 'C-HEA-09', unitId, value: 85, note: '山区接种点调整，已安排补种' } : { indicatorId: 'C-HEA-09', unitId, value: 96 })),
    ];
    const accepted = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: { plan: 'children', year: 2025, organisationId: 'wjj', catalogVersion: catalogVersion(), templateVersion: 1, values } });
    expect(accepted.statusCode).toBe(201);
    const deadline = await t.request(bureau, { method: 'PUT', url: api('children/2025/deadline'), payload: { date: '2026-03-31' } });
    expect(deadline.statusCode).toBe(200);
  });

  it('the OpenAPI document describes every monitoring route', async () => {
    const document = (await t.request(undefined, { method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['completeness', 'consolidation', 'series', 'evaluation', 'warnings', 'deadline'].map((leaf) => `/api/v1/monitoring/{plan}/{year}/${leaf}`).concat(['/api/v1/monitoring/{plan}/leads', '/api/v1/monitoring/{plan}/leads/{indicatorId}'])),
    );
    expect(document.paths['/api/v1/monitoring/{plan}/{year}/deadline'].put.requestBody.content['application/json'].schema.properties.date).toBeDefined();
    expect(document.paths['/api/v1/monitoring/{plan}/{year}/completeness'].get.responses['200'].content['application/json'].schema.properties.reportingRate).toBeDefined();
    expect(document.paths['/api/v1/monitoring/{plan}/leads/{indicatorId}'].delete).toBeDefined();
    expect(document.paths['/api/v1/monitoring/{plan}/{year}/report.xlsx'].get).toBeDefined();
    expect(document.paths['/api/v1/monitoring/{plan}/{year}/report.csv'].get).toBeDefined();
  });

  it('completeness: late by the first version, returned, approved, missing; the rates over the expected organisations', async () => {
    const response = await t.request(bureau, { method: 'GET', url: api('children/2025/completeness') });
    expect(response.statusCode).toBe(200);
    const body = CompletenessSchema.parse(response.json());
    // the server's catalog: the plans with the database's organisations (listed by id)
    const expected = expectedOrganisations(t.app.catalog, 'children', t.app.catalog.organisations);
    expect(body.expected).toEqual(expected);
    expect([...body.submitted].sort()).toEqual(['gasa', 'jtj', 'mzj', 'wjj']);
    expect([...body.late].sort()).toEqual(['mzj', 'wjj']);
    expect([...body.approved].sort()).toEqual(['gasa', 'mzj']);
    expect(body.returned).toEqual(['jtj']);
    expect(body.missing).toEqual(expected.filter((id) => !['gasa', 'jtj', 'mzj', 'wjj'].includes(id)));
    expect(body.missing).toContain('mosha');
    expect(body.notStarted).toEqual([]);
    expect(body.reportingRate).toBeCloseTo(4 / expected.length, 12);
    expect(body.onTimeRate).toBeCloseTo(2 / expected.length, 12);
    expect(body).toMatchObject({ deadline: '2026-03-31', deadlineEnd: '2026-03-31T15:59:59.999Z' });
    expect(body.organisations.find((line) => line.organisationId === 'jtj')).toEqual({ organisationId: 'jtj', name: '教体局', expected: true, state: 'returned', version: 2, firstReceivedAt: '2026-03-30T15:00:00.000Z', late: false });
    expect(body.organisations.find((line) => line.organisationId === 'wjj')).toMatchObject({ state: 'submitted', version: 1, late: true });
    // another year has its own reports: 2024 has 卫健局 and 教体局, no deadline, so nobody is missing
    const earlier = (await t.request(bureau, { method: 'GET', url: api('children/2024/completeness') })).json();
    expect(earlier.submitted).toEqual(['jtj', 'wjj']);
    expect(earlier.missing).toEqual([]);
    expect(earlier.onTimeRate).toBeNull();
  });

  it('consolidation: the current version\'s values; 近视率 from two organisations is a conflict with both values, 教体局 (first responsible) gives the county value', async () => {
    const body = ConsolidationSchema.parse((await t.request(bureau, { method: 'GET', url: api('children/2025/consolidation') })).json());
    expect(body.indicators).toHaveLength(catalog.plans.children.indicators.length);
    const line = body.indicators.find((item) => item.id === 'C-HEA-14')!;
    expect(line).toMatchObject({ value: 33, text: '33', reportedBy: 'jtj', conflict: true, status: 'met', reporters: ['jtj', 'wjj'] });
    expect(line.contributions.map((item) => [item.organisationId, item.value])).toEqual([
      ['jtj', 33],
      ['wjj', 31.5],
    ]);
    expect(body.indicators.find((item) => item.id === 'C-HEA-26')).toMatchObject({ value: 95, status: 'met', reportedBy: 'wjj', conflict: false });
    // nothing of 2024 in 2025
    expect(body.indicators.find((item) => item.id === 'C-HEA-04')).toMatchObject({ value: null, status: 'missing', reportedBy: null, contributions: [] });
  });

  it('the bureau makes 卫健局 the lead of 近视率: its value becomes the county value, the conflict stays; removing the override restores the catalog\'s order', async () => {
    const set = await t.request(bureau, { method: 'PUT', url: api('children/leads/C-HEA-14'), payload: { organisationId: 'wjj' } });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ plan: 'children', indicatorId: 'C-HEA-14', organisationId: 'wjj', setBy: expect.stringMatching(/^tok_/) });
    expect((await t.request(wjj, { method: 'GET', url: api('children/leads') })).json().leads).toEqual([expect.objectContaining({ indicatorId: 'C-HEA-14', organisationId: 'wjj' })]);
    const line = (await t.request(bureau, { method: 'GET', url: api('children/2025/consolidation') })).json().indicators.find((item: { id: string }) => item.id === 'C-HEA-14');
    expect(line).toMatchObject({ value: 31.5, reportedBy: 'wjj', conflict: true });
    expect((await t.request(bureau, { method: 'DELETE', url: api('children/leads/C-HEA-14') })).statusCode).toBe(200);
    const back = (await t.request(bureau, { method: 'GET', url: api('children/2025/consolidation') })).json().indicators.find((item: { id: string }) => item.id === 'C-HEA-14');
    expect(back).toMatchObject({ value: 33, reportedBy: 'jtj' });
    const again = await t.request(bureau, { method: 'DELETE', url: api('children/leads/C-HEA-14') });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('monitoring.noLead');
  });

  it('a lead must report the indicator, of this plan; only the bureau sets it', async () => {
    const refused = await t.request(bureau, { method: 'PUT', url: api('children/leads/C-HEA-14'), payload: { organisationId: 'mzj' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'monitoring.leadNotReporting', message: expect.stringContaining('不填报指标 C-HEA-14') });
    expect((await t.request(bureau, { method: 'PUT', url: api('children/leads/C-HEA-14'), payload: { organisationId: 'nobody' } })).json().error.code).toBe('monitoring.unknownOrganisation');
    const otherPlan = await t.request(bureau, { method: 'PUT', url: api('children/leads/W-HEA-01'), payload: { organisationId: 'wjj' } });
    expect(otherPlan.statusCode).toBe(404);
    expect(otherPlan.json().error.message).toContain('儿童发展规划的指标目录中没有指标“W-HEA-01”');
    expect((await t.request(wjj, { method: 'PUT', url: api('children/leads/C-HEA-14'), payload: { organisationId: 'wjj' } })).statusCode).toBe(403);
    expect((await t.request(bureau, { method: 'PUT', url: api('children/leads/C-HEA-14'), payload: { organisationId: 'wjj', extra: 1 } })).statusCode).toBe(400);
    // a township leads a per-township indicator's rows by the catalog
    expect((await t.request(bureau, { method: 'PUT', url: api('children/leads/C-WEL-14'), payload: { organisationId: 'gasa' } })).statusCode).toBe(200);
    expect((await t.request(bureau, { method: 'DELETE', url: api('children/leads/C-WEL-14') })).statusCode).toBe(200);
  });

  it('per-township roll-up: every township\'s value and status, not met while 漠沙 misses 90%; a township\'s own row leads where every township reports', async () => {
    const body = (await t.request(bureau, { method: 'GET', url: api('children/2025/consolidation') })).json();
    const vaccination = body.indicators.find((item: { id: string }) => item.id === 'C-HEA-09');
    expect(vaccination).toMatchObject({ status: 'notMet', value: null, reportedBy: null, rollUp: { status: 'notMet', units: 12, met: 11, notMet: 1, withoutData: 0, failingUnits: ['mosha'], missingUnits: [] } });
    expect(vaccination.units).toHaveLength(12);
    expect(vaccination.units.find((unit: { unitId: string }) => unit.unitId === 'mosha')).toMatchObject({ name: '漠沙镇', value: 85, status: 'notMet', reportedBy: 'wjj', note: '山区接种点调整，已安排补种' });
    const socialWorkers = body.indicators.find((item: { id: string }) => item.id === 'C-WEL-14');
    expect(socialWorkers.rollUp).toMatchObject({ status: 'incomplete', met: 1, missingUnits: [...TOWNSHIPS].sort().filter((id) => id !== 'gasa') });
    expect(socialWorkers.units.find((unit: { unitId: string }) => unit.unitId === 'gasa')).toMatchObject({ value: 2, reportedBy: 'gasa', conflict: true, contributions: [expect.objectContaining({ organisationId: 'gasa' }), expect.objectContaining({ organisationId: 'mzj', value: 1 })] });
  });

  it('series: the plan\'s 2020 baseline and each year\'s value; 婴儿死亡率 5.94 → 5.2‰ in 2024 against ≤3.5‰ in 2030: R = 0.635, needs acceleration', async () => {
    const body = SeriesSchema.parse((await t.request(bureau, { method: 'GET', url: api('children/2025/series') })).json());
    const infant = body.indicators.find((item) => item.id === 'C-HEA-04')!;
    expect(infant.points).toEqual([
      { year: 2020, value: 5.94, source: 'baseline' },
      { year: 2021, value: 5.6, source: 'observed' },
      { year: 2022, value: 5.5, source: 'observed' },
      { year: 2023, value: 5.3, source: 'observed' },
      { year: 2024, value: 5.2, source: 'observed' },
    ]);
    // CAGR_o = (5.2/5.94)^(1/4) − 1 = −0.032716; CAGR_r = (3.5/5.94)^(1/10) − 1 = −0.051520; R = 0.6350; 2030: 5.2·(1 − 0.032716)^6 = 4.26
    expect(infant.progress).toMatchObject({ status: 'needsAcceleration', baseYear: 2020, latestYear: 2024, targetYear: 2030, targetRole: 'final', projected: 4.26 });
    expect(infant.progress!.cagr).toBeCloseTo(-0.032716, 6);
    expect(infant.progress!.ratio).toBeCloseTo(0.635, 3);
    expect(infant.progress!.messages[0]).toMatchObject({ code: 'progress.status.needsAcceleration', message: expect.stringContaining('R=0.64') });
    // per township: one point each, no county series
    const vaccination = body.indicators.find((item) => item.id === 'C-HEA-09')!;
    expect(vaccination).toMatchObject({ points: [], progress: null });
    expect(vaccination.units.find((unit) => unit.unitId === 'gasa')).toMatchObject({ points: [{ year: 2025, value: 96, source: 'observed' }], progress: { status: 'achieved' } });
    expect(vaccination.units.find((unit) => unit.unitId === 'mosha')!.progress).toMatchObject({ status: 'insufficientData', reason: 'onePoint' });
  });

  it('evaluation counts of 2025 (the mid-term): 已达标 2 (访视率, 近视率), 未达标 1 (接种率), everything else without data', async () => {
    const body = EvaluationSchema.parse((await t.request(bureau, { method: 'GET', url: api('children/2025/evaluation') })).json());
    expect(body.kind).toBe('midTerm');
    expect(body.total).toMatchObject({ indicators: catalog.plans.children.indicators.length, met: 2, notMet: 1, basicallyMet: 0, notYetDue: 0 });
    expect(body.total.noData).toBe(body.total.monitorable - 3);
    expect(body.total.rateWithData).toBeCloseTo(2 / 3, 12);
    const infant = body.rows.find((row) => row.indicatorId === 'C-HEA-04')!;
    expect(infant).toMatchObject({ category: 'noData', progress: 'needsAcceleration', baseline2020: 5.94, latest: { year: 2024, text: '5.2' } });
    expect(infant.values).toEqual([
      { year: 2021, text: '5.6' },
      { year: 2022, text: '5.5' },
      { year: 2023, text: '5.3' },
      { year: 2024, text: '5.2' },
      { year: 2025, text: null },
    ]);
    expect(body.rows.find((row) => row.indicatorId === 'C-HEA-14')).toMatchObject({ category: 'met', conflict: true });
    const health = body.domains.find((domain) => domain.domain === '儿童与健康')!;
    expect(health).toMatchObject({ met: 2, notMet: 1 });
    expect(body.definitions.rateWithData!.message).toContain('达标率');
  });

  it('warnings: both conflicts, named in Chinese', async () => {
    const body = WarningsSchema.parse((await t.request(bureau, { method: 'GET', url: api('children/2025/warnings') })).json());
    const conflicts = body.warnings.filter((warning) => warning.kind === 'conflict').map((warning) => [warning.indicatorId, warning.unitId]);
    expect(conflicts).toEqual([
      ['C-HEA-14', null],
      ['C-WEL-14', 'gasa'],
    ]);
    expect(body.warnings.find((warning) => warning.indicatorId === 'C-HEA-14')!.message).toBe('儿童新发近视率：教体局报“33”，卫健局报“31.5”，数值不一致；汇总暂取教体局的数值，请核实');
  });

  it('the report: the workbook as .xlsx, the evaluation table as CSV with a BOM; the bureau\'s only', async () => {
    const workbook = await t.request(bureau, { method: 'GET', url: api('children/2025/report.xlsx') });
    expect(workbook.statusCode).toBe(200);
    expect(workbook.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(workbook.headers['content-disposition']).toBe('attachment; filename="children-2025-monitoring.xlsx"');
    const csv = await t.request(bureau, { method: 'GET', url: api('children/2025/report.csv') });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    // fetch's text() drops a UTF-8 BOM: the three bytes are counted in the length
    expect(csv.body.charCodeAt(0)).not.toBe(0xfeff);
    expect(Number(csv.headers['content-length'])).toBe(Buffer.byteLength(csv.body) + 3);
    expect(csv.body.startsWith('规划,编号')).toBe(true);
    expect(csv.body.split('\r\n').find((row) => row.includes('C-HEA-14'))).toContain('33');
    expect((await t.request(bureau, { method: 'GET', url: api('children/2025/report.pdf') })).statusCode).toBe(404);
    expect((await t.request(wjj, { method: 'GET', url: api('children/2025/report.xlsx') })).statusCode).toBe(403);
  });

  it('a reporter sees its own organisation only: its completeness line, a consolidation and series of its own values and lines; not the evaluation or warnings', async () => {
    const own = CompletenessSchema.parse((await t.request(jtj, { method: 'GET', url: api('children/2025/completeness') })).json());
    expect(own).toMatchObject({ expected: ['jtj'], submitted: ['jtj'], returned: ['jtj'], late: [], missing: [], reportingRate: 1, onTimeRate: 1 });
    expect(own.organisations.map((line) => line.organisationId)).toEqual(['jtj']);
    const consolidation = ConsolidationSchema.parse((await t.request(jtj, { method: 'GET', url: api('children/2025/consolidation') })).json());
    const myopia = consolidation.indicators.find((item) => item.id === 'C-HEA-14')!;
    // 卫健局's 31.5 is not shown to 教体局: no conflict in its own view
    expect(myopia).toMatchObject({ value: 33, reportedBy: 'jtj', conflict: false, reporters: ['jtj'] });
    expect(myopia.contributions.map((item) => item.organisationId)).toEqual(['jtj']);
    // only its template's lines: 婴儿死亡率 is 卫健局's
    expect(consolidation.indicators.some((item) => item.id === 'C-HEA-04')).toBe(false);
    expect(consolidation.indicators.every((item) => catalog.indicators.get(item.id)!.responsible.includes('jtj') || item.units.length > 0)).toBe(true);
    // a township sees its own row of a per-township indicator, with its own value
    const township = ConsolidationSchema.parse((await t.request(gasa, { method: 'GET', url: api('children/2025/consolidation') })).json());
    const socialWorkers = township.indicators.find((item) => item.id === 'C-WEL-14')!;
    expect(socialWorkers.units).toEqual([expect.objectContaining({ unitId: 'gasa', value: 2, conflict: false })]);
    const series = SeriesSchema.parse((await t.request(wjj, { method: 'GET', url: api('children/2025/series') })).json());
    expect(series.indicators.find((item) => item.id === 'C-HEA-04')!.progress!.status).toBe('needsAcceleration');
    expect(series.indicators.some((item) => item.id === 'C-HEA-14' && item.points.some((point) => point.value === 33))).toBe(false);
    for (const leaf of ['evaluation', 'warnings']) {
      const refused = await t.request(jtj, { method: 'GET', url: api(`children/2025/${leaf}`) });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('auth.bureauOnly');
    }
    const adminRead = await t.request(admin, { method: 'GET', url: api('children/2025/completeness') });
    expect(adminRead.statusCode).toBe(403);
    expect(adminRead.json().error.code).toBe('auth.roleCannotRead');
    expect((await t.request(undefined, { method: 'GET', url: api('children/2025/completeness') })).statusCode).toBe(401);
  });

  it('deadlines: set by the bureau only, a real date within the reporting year or the two after it; read by reporters; removed', async () => {
    expect((await t.request(wjj, { method: 'GET', url: api('women/2026/deadline') })).json()).toEqual({ plan: 'women', year: 2026, deadline: null, deadlineEnd: null, setAt: null, setBy: null });
    const set = await t.request(bureau, { method: 'PUT', url: api('women/2026/deadline'), payload: { date: '2027-03-31' } });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ plan: 'women', year: 2026, deadline: '2027-03-31', deadlineEnd: '2027-03-31T15:59:59.999Z', setBy: expect.stringMatching(/^tok_/) });
    // moved
    expect((await t.request(bureau, { method: 'PUT', url: api('women/2026/deadline'), payload: { date: '2027-04-15' } })).json().deadline).toBe('2027-04-15');
    expect((await t.request(wjj, { method: 'GET', url: api('women/2026/deadline') })).json().deadline).toBe('2027-04-15');
    for (const date of ['2027-02-30', '2027/03/31', '31.03.2027', '']) {
      const refused = await t.request(bureau, { method: 'PUT', url: api('women/2026/deadline'), payload: { date } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'request.invalid', message: expect.stringMatching(/^请求内容不符合接口格式：body\.date：截止日期/) });
    }
    const far = await t.request(bureau, { method: 'PUT', url: api('women/2026/deadline'), payload: { date: '2030-01-01' } });
    expect(far.statusCode).toBe(422);
    expect(far.json().error).toMatchObject({ code: 'monitoring.deadlineOutOfRange', message: '2026年度报表的截止日期应在2026-01-01至2028-12-31之间，收到“2030-01-01”。' });
    expect((await t.request(wjj, { method: 'PUT', url: api('women/2026/deadline'), payload: { date: '2027-03-31' } })).statusCode).toBe(403);
    expect((await t.request(bureau, { method: 'DELETE', url: api('women/2026/deadline') })).json().deadline).toBeNull();
    expect((await t.request(bureau, { method: 'DELETE', url: api('women/2026/deadline') })).json().error.code).toBe('monitoring.noDeadline');
  });

  it('an unknown plan or a year outside 2021–2030 is refused in Chinese', async () => {
    const plan = await t.request(bureau, { method: 'GET', url: api('men/2025/completeness') });
    expect(plan.statusCode).toBe(400);
    expect(plan.json().error.message).toContain('规划应为 women（妇女发展规划）或 children（儿童发展规划）');
    for (const year of ['2019', '2031', 'abc', '2025.5']) {
      const response = await t.request(bureau, { method: 'GET', url: api(`children/${year}/evaluation`) });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toMatch(/params\.year：年度应/);
    }
  });
});

describeEachDialect('基本达标 is a setting of the deployment (BASICALLY_MET_RATIO)', (dialect) => {
  const t = withTestApp(dialect, { BASICALLY_MET_RATIO: '0.95' });

  it('新生儿访视率 86% against 每年≥90% (95.6% complete) is 基本达标 at 0.95 … and the table states the threshold', async () => {
    const bureau = await t.token('tjj', 'bureau');
    const wjj = await t.token('wjj');
    const sent = { plan: 'children', year: 2025, organisationId: 'wjj', catalogVersion: catalogVersion('children'), templateVersion: 1, values: [{ indicatorId: 'C-HEA-26', value: 86, note: '两名访视医生调离' }, { indicatorId: 'C-HEA-31', value: 85, note: '系统切换' }] };
    expect((await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: sent })).statusCode).toBe(201);
    const body = EvaluationSchema.parse((await t.request(bureau, { method: 'GET', url: api('children/2025/evaluation') })).json());
    expect(body.basicallyMetRatio).toBe(0.95);
    // 86 ÷ 90 = 0.9556 ≥ 0.95: basically met; 85 ÷ 90 = 0.9444 < 0.95: not met (both would be basically met at the default 0.9)
    expect(body.rows.find((row) => row.indicatorId === 'C-HEA-26')).toMatchObject({ category: 'basicallyMet' });
    expect(body.rows.find((row) => row.indicatorId === 'C-HEA-31')).toMatchObject({ category: 'notMet' });
    expect(JSON.stringify(body.definitions)).toContain('95%');
  });
});
