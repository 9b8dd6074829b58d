import type { SubmissionDocument } from '../../../src/contract/submission-document';
import { PreviousValuesSchema } from '../../../src/contract/api';
import { describeEachDialect } from '../helpers/test-database';
import { withTestApp } from '../helpers/test-app';
import { acceptableDocument } from '../helpers/submission-fixtures';

/** Last year's (2024) report of 卫健局: every line of its template, with 婴儿死亡率 (C-HEA-04) as given and 5岁以下 (C-HEA-05) 4.5. */
function report2024(infantMortality: string): SubmissionDocument {
  const document = acceptableDocument({ organisationId: 'wjj', year: 2024 });
  const set: Record<string, string> = { 'C-HEA-04': infantMortality, 'C-HEA-05': '4.5' };
  return {
    ...document,
    values: document.values.map((value) => (set[value.indicatorId] === undefined ? value : { indicatorId: value.indicatorId, value: set[value.indicatorId] as string, note: '按卫健委年报口径' })),
  };
}

describeEachDialect('GET /api/v1/submissions/previous-values', (dialect) => {
  const t = withTestApp(dialect);
  let wjj: string;
  let fl: string;
  let bureau: string;
  let admin: string;
  beforeAll(async () => {
    [wjj, fl, bureau, admin] = await Promise.all([t.token('wjj'), t.token('fl'), t.token('tjj', 'bureau'), t.token('fegw', 'admin')]);
  });

  const previous = (token: string, query: string) => t.request(token, { method: 'GET', url: `/api/v1/submissions/previous-values?${query}` });
  const review = (id: string, action: string, payload?: object) => t.request(bureau, { method: 'POST', url: `/api/v1/submissions/${id}/${action}`, ...(payload ? { payload } : {}) });

  it('answers the approved version of last year\'s report, then the latest one once it is reopened and resubmitted', async () => {
    const none = await previous(wjj, 'plan=children&year=2025');
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ plan: 'children', year: 2025, organisationId: 'wjj', source: null, values: [] });

    const first = report2024('3.6');
    const receipt = (await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: first })).json();
    expect(receipt).toMatchObject({ version: 1 });
    expect((await review(receipt.submissionId, 'approve')).statusCode).toBe(200);

    const approved = await previous(wjj, 'plan=children&year=2025');
    expect(approved.statusCode).toBe(200);
    const body = PreviousValuesSchema.parse(approved.json());
    expect(body.source).toEqual({ year: 2024, submissionId: receipt.submissionId, version: 1, status: 'approved', receivedAt: receipt.receivedAt });
    expect(body.values).toContainEqual({ indicatorId: 'C-HEA-04', unitId: null, value: 3.6 });
    // exactly the stored values the server read as a number, ratio or yes/no, numbers as numbers
    const stored = (await t.request(bureau, { method: 'GET', url: `/api/v1/submissions/${receipt.submissionId}` })).json() as { values: { indicatorId: string; unitId: string | null; parsed: { kind: string; value?: number; text?: string } | null }[] };
    const expected = stored.values.flatMap((value): { indicatorId: string; unitId: string | null; value: number | string | undefined }[] => {
      const parsed = value.parsed;
      if (parsed?.kind === 'number') return [{ indicatorId: value.indicatorId, unitId: value.unitId, value: parsed.value }];
      if (parsed?.kind === 'ratio' || parsed?.kind === 'boolean') return [{ indicatorId: value.indicatorId, unitId: value.unitId, value: parsed.text }];
      return [];
    });
    expect(body.values).toEqual(expected);
    expect(stored.values.length).toBeGreaterThan(body.values.length); // markers (—) and qualitative text are left out
    expect(body.values.some((value) => value.unitId !== null)).toBe(true); // per-township rows keep their township

    // reopened and resubmitted: the latest version, awaiting review, is what there is
    expect((await review(receipt.submissionId, 'reopen', { comment: '口径调整' })).statusCode).toBe(200);
    expect((await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: report2024('3.5') })).json().version).toBe(2);
    const latest = PreviousValuesSchema.parse((await previous(wjj, 'plan=children&year=2025&org=wjj')).json());
    expect(latest.source).toMatchObject({ year: 2024, version: 2, status: 'submitted' });
    expect(latest.values).toContainEqual({ indicatorId: 'C-HEA-04', unitId: null, value: 3.5 });

    // the bureau names the organisation; another plan or year has nothing
    expect(PreviousValuesSchema.parse((await previous(bureau, 'plan=children&year=2025&org=wjj')).json()).source?.version).toBe(2);
    expect((await previous(wjj, 'plan=women&year=2025')).json().source).toBeNull();
    expect((await previous(wjj, 'plan=children&year=2021')).json().source).toBeNull();
  });

  it('403 for another organisation\'s values or an admin token; 400 without the bureau\'s org or with a bad year', async () => {
    const other = await previous(fl, 'plan=children&year=2025&org=wjj');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('auth.otherOrganisation');
    expect((await previous(admin, 'plan=children&year=2025&org=wjj')).statusCode).toBe(403);
    const unnamed = await previous(bureau, 'plan=children&year=2025');
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().error.message).toContain('org');
    expect((await previous(wjj, 'plan=children&year=2035')).statusCode).toBe(400);
    expect((await previous(wjj, 'plan=men&year=2025')).statusCode).toBe(400);
    expect((await t.request(undefined, { method: 'GET', url: '/api/v1/submissions/previous-values?plan=children&year=2025' })).statusCode).toBe(401);
  });

  it('is in the OpenAPI document', async () => {
    const document = (await t.request(undefined, { method: 'GET', url: '/api/v1/openapi.json' })).json();
    const path = document.paths['/api/v1/submissions/previous-values'];
    expect(path?.get?.summary).toMatch(/上年值/);
    expect(path?.get?.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual(['org', 'plan', 'year']);
  });
});
