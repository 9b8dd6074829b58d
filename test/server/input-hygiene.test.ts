import { acceptableDocument } from './helpers/submission-fixtures';
import { describeEachDialect } from './helpers/test-database';
import { withTestApp } from './helpers/test-app';

describeEachDialect('input hygiene: text the databases cannot store, and free-form JSON', (dialect) => {
  const t = withTestApp(dialect);
  let wjj: string;
  let bureau: string;
  beforeAll(async () => {
    [wjj, bureau] = await Promise.all([t.token('wjj'), t.token('tjj', 'bureau')]);
  });

  const submit = (document: object, key?: string) =>
    t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: document, ...(key ? { headers: { 'idempotency-key': key } } : {}) });

  /** A document with one more value, or one value changed. */
  function withValue(change: (value: Record<string, unknown>) => Record<string, unknown>) {
    const document = acceptableDocument({ organisationId: 'wjj', count: 3 });
    return { ...document, values: document.values.map((value, index) => (index === 1 ? change({ ...value }) : value)) };
  }

  it.each([
    ['a note with U+0000', (value: Record<string, unknown>) => ({ ...value, value: '—', note: '暂无\u0000数据' }), 'values.1.note'],
    ['a value with U+0000', (value: Record<string, unknown>) => ({ ...value, value: '95\u0000' }), 'values.1.value'],
    ['a note with a lone surrogate', (value: Record<string, unknown>) => ({ ...value, value: '—', note: '暂无数据\ud800' }), 'values.1.note'],
  ])('400 for %s, naming the field; nothing stored, and the retry is refused the same way (not a 5xx the add-in would retry forever)', async (_name, change, field) => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await submit(withValue(change), 'hygiene-key');
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe('request.invalid');
      expect(error.message).toContain(field);
      expect(error.message).toMatch(/控制字符|无效字符/);
    }
    const list = (await t.request(wjj, { method: 'GET', url: '/api/v1/submissions' })).json();
    expect(list.submissions).toHaveLength(0);
  });

  it('400, not 500, for U+0000 in a query string or a review comment', async () => {
    const query = await t.request(bureau, { method: 'GET', url: '/api/v1/submissions?org=wjj%00' });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.message).toContain('org');
    const accepted = await submit(acceptableDocument({ organisationId: 'wjj', count: 3 }));
    expect(accepted.statusCode).toBe(201);
    const comment = await t.request(bureau, { method: 'POST', url: `/api/v1/submissions/${accepted.json().submissionId}/return`, payload: { comment: '请核对\u0000' } });
    expect(comment.statusCode).toBe(400);
    expect(comment.json().error.message).toContain('comment');
  });

  it('`parsed` is no longer accepted: the server reads every value itself (a 20,000-deep one was a 500)', async () => {
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const payload = JSON.stringify(withValue((value) => ({ ...value, parsed: 'DEEP' }))).replace('"DEEP"', deep);
    const response = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload, headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('request.invalid');
    expect(response.json().error.message).toContain('parsed');
    const shallow = await submit(withValue((value) => ({ ...value, parsed: 95 })));
    expect(shallow.statusCode).toBe(400);
  });
});
