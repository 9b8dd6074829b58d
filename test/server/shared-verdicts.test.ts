import { evaluateReport } from '../../src/core/report/evaluate-report';
import { checkSubmission, submissionEntries } from '../../src/core/submission/check-submission';
import type { SubmissionDocument } from '../../src/contract/submission-document';
import { seedCatalog } from '../../src/seed-catalog';
import { describeEachDialect } from './helpers/test-database';
import { withTestApp } from './helpers/test-app';
import { acceptableDocument } from './helpers/submission-fixtures';

/** The shared fixture: a whole children's plan report with met, missed (explained), not yet due, not-available and qualitative entries. */
function fixture(): SubmissionDocument {
  const document = acceptableDocument({ organisationId: 'wjj', plan: 'children', year: 2025 });
  const values = document.values.map((value) => {
    // short of the 2030 target in 2025: not yet due (no note needed)
    if (value.indicatorId === 'C-HEA-20') return { ...value, value: '９１％', note: '两个乡镇卫生院人员调整，管理率暂时下降' };
    // the 2025 milestone missed in 2025: a miss, explained
    if (value.indicatorId === 'C-HEA-25') return { ...value, value: '否', note: '县级危重新生儿救治中心正在建设' };
    if (value.indicatorId === 'C-HEA-11') return { indicatorId: value.indicatorId, value: '不适用', note: '本年度未开展该项调查' };
    return value;
  });
  return { ...document, values };
}

describeEachDialect('the server judges as the client does (shared fixture)', (dialect) => {
  const t = withTestApp(dialect);
  let wjj: string;
  beforeAll(async () => {
    wjj = await t.token('wjj');
  });

  it('stores, per entry, the status, severity and parsed value evaluateReport gives on the client', async () => {
    const document = fixture();
    const client = evaluateReport(seedCatalog(), { plan: document.plan, year: document.year, organisationId: document.organisationId, entries: submissionEntries(document) });
    expect(client.summary.byStatus.notMet).toBeGreaterThan(0);
    expect(client.summary.byStatus.notYetDue).toBeGreaterThan(0);
    expect(client.summary.byStatus.noData).toBeGreaterThan(0);
    const response = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: document });
    expect(response.statusCode).toBe(201);
    const counts = checkSubmission(seedCatalog(), document).counts;
    expect(response.json().counts).toEqual({ values: client.results.length, ...client.summary.byStatus, warnings: counts.notMet + counts.warning });
    const stored = (await t.request(wjj, { method: 'GET', url: `/api/v1/submissions/${response.json().submissionId}` })).json().values;
    const verdict = (item: { indicatorId: string; unitId?: string | null; status: string; severity: string; parsed?: unknown; value?: unknown }) => [item.indicatorId, item.unitId ?? null, item.status, item.severity, item.parsed ?? item.value ?? null];
    expect(stored.map(verdict)).toEqual(client.results.map((result) => verdict({ ...result, parsed: result.value })));
  });

  it('refuses with exactly the findings checkSubmission lists on the client', async () => {
    const document = fixture();
    const broken: SubmissionDocument = {
      ...document,
      values: document.values.map((value) => (value.indicatorId === 'C-HEA-25' ? { ...value, note: null } : value.indicatorId === 'C-HEA-04' ? { ...value, value: '约3' } : value)),
    };
    const client = checkSubmission(seedCatalog(), broken);
    expect(client.errors.length).toBeGreaterThan(0);
    expect(client.notesRequired.length).toBeGreaterThan(0);
    const response = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: broken });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details).toEqual(JSON.parse(JSON.stringify({ errors: client.errors, notesRequired: client.notesRequired, counts: client.counts })));
  });
});
