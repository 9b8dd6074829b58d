/**
 * Issue 13: 0.95 typed for a 95% target was a warning any note silenced. Now a value outside the catalog's
 * plausible range is an error unless the 说明 confirms it with 【确认】 and the value itself — on the server
 * too (checkSubmission is shared), so a client that skips the pane's check cannot get it through.
 */
import type { SubmissionDocument } from '../../src/contract/submission-document';
import { describeEachDialect } from './helpers/test-database';
import { withTestApp } from './helpers/test-app';
import { acceptableDocument } from './helpers/submission-fixtures';

function withValue(value: string, note?: string): SubmissionDocument {
  const document = acceptableDocument({ organisationId: 'wjj', plan: 'children', year: 2025 });
  return {
    ...document,
    values: document.values.map((entry) => (entry.indicatorId === 'C-HEA-26' ? { indicatorId: 'C-HEA-26', value, ...(note ? { note } : {}) } : entry)),
  };
}

describeEachDialect('the server refuses an implausible value unless the 说明 confirms it', (dialect) => {
  const t = withTestApp(dialect);
  let wjj: string;
  beforeAll(async () => {
    wjj = await t.token('wjj');
  });

  it.each([[undefined], ['数据已核实'], ['【确认】'], ['【确认】0.96']])('0.95 for 新生儿访视率 (≥90%%) with the note %p: 422 value.implausible', async (note) => {
    const response = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: withValue('0.95', note) });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('submission.invalid');
    expect(response.json().error.details.errors).toEqual([expect.objectContaining({ indicatorId: 'C-HEA-26', code: 'value.implausible', severity: 'error', field: 'value' })]);
    expect(response.json().error.details.errors[0].message).toContain('【确认】0.95');
  });

  it('confirmed with 【确认】 and the value: accepted, judged as a miss (explained by the same 说明), the confirmation stored', async () => {
    const response = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: withValue('0.95', '【确认】0.95 本年度按新口径统计，仅含流动儿童') });
    expect(response.statusCode).toBe(201);
    expect(response.json().counts).toMatchObject({ notMet: 1, invalid: 0 });
    const stored = (await t.request(wjj, { method: 'GET', url: `/api/v1/submissions/${response.json().submissionId}` })).json();
    expect(stored.values.find((value: { indicatorId: string }) => value.indicatorId === 'C-HEA-26')).toMatchObject({ status: 'notMet', note: expect.stringContaining('【确认】0.95') });
  });
});
