import { catalogVersion } from '../../helpers/catalog-version';
import type { SubmissionDocument } from '../../../src/contract/submission-document';
import { describeEachDialect } from '../helpers/test-database';
import { withTestApp } from '../helpers/test-app';
import { acceptableDocument } from '../helpers/submission-fixtures';

const small = (organisationId: string, year: number, values: SubmissionDocument['values'] = [{ indicatorId: 'C-HEA-04', value: '3.2' }]): SubmissionDocument => ({
  plan: 'children',
  year,
  organisationId,
  catalogVersion: catalogVersion(),
  templateVersion: 1,
  values,
});

describeEachDialect('POST /api/v1/submissions', (dialect) => {
  const t = withTestApp(dialect);
  let wjj: string;
  let mzj: string;
  let bureau: string;
  beforeAll(async () => {
    [wjj, mzj, bureau] = await Promise.all([t.token('wjj'), t.token('mzj'), t.token('tjj', 'bureau')]);
    // 民政局 reports C-HEA-04 here too (by the bureau's grant): two organisations, one indicator
    await t.grant('mzj', 'C-HEA-04');
  });

  const post = (token: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
    t.request(token, { method: 'POST', url: '/api/v1/submissions', payload: body as object, headers });

  it('201: stores a submission of a whole plan and answers with its receipt', async () => {
    const document = acceptableDocument({ organisationId: 'wjj', year: 2024 });
    const response = await post(wjj, document);
    expect(response.statusCode).toBe(201);
    const receipt = response.json();
    expect(receipt).toMatchObject({ version: 1, plan: 'children', year: 2024, organisationId: 'wjj', status: 'submitted', source: 'json', catalogVersion: catalogVersion() });
    expect(receipt.counts.values).toBe(document.values.length);
    expect(receipt.bodySha256).toMatch(/^[0-9a-f]{64}$/);
    expect(response.headers.location).toBe(`/api/v1/submissions/${receipt.submissionId}`);
    const detail = (await t.request(wjj, { method: 'GET', url: `/api/v1/submissions/${receipt.submissionId}` })).json();
    expect(detail.values).toHaveLength(document.values.length);
    expect(detail.values[0]).toMatchObject({ indicatorId: document.values[0]?.indicatorId, value: document.values[0]?.value });
    expect(detail.history).toEqual([expect.objectContaining({ action: 'submitted', version: 1, organisationId: 'wjj', role: 'reporter' })]);
  });

  it('422: errors, listed per indicator and unit with zh and en messages', async () => {
    const response = await post(wjj, small('wjj', 2023, [
      { indicatorId: 'C-HEA-04', value: '约3' },
      { indicatorId: 'C-HEA-09', unitId: 'atlantis', value: '95' },
      { indicatorId: 'C-NOPE-01', value: '1' },
      { indicatorId: 'C-HEA-05', value: '120%' },
    ]));
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe('submission.invalid');
    expect(error.message).toMatch(/处错误/);
    const list = error.details.errors.map((item: { indicatorId: string; unitId?: string; code: string }) => [item.indicatorId, item.unitId, item.code]);
    expect(list).toEqual(expect.arrayContaining([
      ['C-HEA-09', 'atlantis', 'report.unknownUnit'],
      ['C-NOPE-01', undefined, 'report.unknownIndicator'],
    ]));
    expect(error.details.errors.find((item: { indicatorId: string }) => item.indicatorId === 'C-HEA-04')).toMatchObject({ field: 'value', severity: 'error', entryIndex: 0 });
    for (const item of error.details.errors) {
      expect(item.message).toMatch(/[\u4e00-\u9fff]/);
      expect(item.messageEn).toMatch(/[a-z]/);
    }
  });

  it('422: a warning (target missed) needs a note; with the note it is accepted', async () => {
    const missed = { indicatorId: 'C-HEA-04', value: '3.6' };
    const refused = await post(wjj, small('wjj', 2030, [missed, { indicatorId: 'C-HEA-20', value: '95' }]));
    expect(refused.statusCode).toBe(422);
    const { error } = refused.json();
    expect(error.code).toBe('submission.notesRequired');
    expect(error.details.errors).toEqual([]);
    expect(error.details.notesRequired).toEqual([expect.objectContaining({ indicatorId: 'C-HEA-04', entryIndex: 0, field: 'note', severity: 'warning' })]);
    expect(error.details.notesRequired[0].message).toContain('须填写说明');
    const blankNote = await post(wjj, small('wjj', 2030, [{ ...missed, note: '   ' }]));
    expect(blankNote.statusCode).toBe(422);
    const accepted = await post(wjj, small('wjj', 2030, [{ ...missed, note: '受出生人口减少影响，分母较小' }]));
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().counts).toMatchObject({ notMet: 1, notYetDue: 0, warnings: 1 });
  });

  it('201 without a note: in an interim year the same value is not yet due (未到期), not a miss', async () => {
    const interim = await post(wjj, small('wjj', 2022, [{ indicatorId: 'C-HEA-04', value: '3.6' }]));
    expect(interim.statusCode).toBe(201);
    expect(interim.json().counts).toMatchObject({ notMet: 0, notYetDue: 1, warnings: 0 });
    const stored = (await t.request(wjj, { method: 'GET', url: `/api/v1/submissions/${interim.json().submissionId}` })).json().values;
    expect(stored[0]).toMatchObject({ indicatorId: 'C-HEA-04', status: 'notYetDue', severity: 'info' });
  });

  it('400: malformed JSON and documents that do not match the schema', async () => {
    const malformed = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: '{"plan": "children", ', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'request.malformedJson' });
    const wrong = await post(wjj, { ...small('wjj', 2021), year: 'last year', extra: 1 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('request.invalid');
    expect(wrong.json().error.message).toMatch(/不符合接口格式/);
  });

  it('413: a body over 2 MiB', async () => {
    const huge = small('wjj', 2021, [{ indicatorId: 'C-HEA-04', value: '3', note: 'x'.repeat(1000) }]);
    const payload = JSON.stringify({ ...huge, padding: 'x'.repeat(2 * 1024 * 1024) });
    const response = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload, headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'request.tooLarge' });
    expect(response.json().error.message).toContain('2 MiB');
  });

  it('415: a body that is not JSON', async () => {
    for (const type of ['text/plain', 'application/xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']) {
      const response = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: 'plan=children', headers: { 'content-type': type } });
      expect(response.statusCode).toBe(415);
      expect(response.json().error.code).toBe('request.unsupportedMediaType');
    }
  });

  it('401: no token, an unknown token, a revoked token', async () => {
    expect((await post(undefined, small('wjj', 2021))).json().error.code).toBe('auth.missingToken');
    const unknown = await post('xpm_not-a-real-token', small('wjj', 2021));
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('auth.invalidToken');
    expect((await t.request(undefined, { method: 'GET', url: '/api/v1/submissions', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);
    const { revokeToken, listTokens } = await import('../../../src/server/repositories/tokens');
    const doomed = await t.token('wjj');
    expect((await post(doomed, small('wjj', 2021))).statusCode).toBe(201);
    const rows = await listTokens(t.app.db);
    await revokeToken(t.app.db, rows[rows.length - 1]!.id);
    const revoked = await post(doomed, small('wjj', 2021));
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.message).toContain('撤销');
  });

  it('403: writing another organisation\'s report, or submitting with a bureau token', async () => {
    const other = await post(mzj, small('wjj', 2026));
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('auth.otherOrganisation');
    expect((await post(bureau, small('tjj', 2026))).json().error.code).toBe('auth.roleCannotSubmit');
  });

  it('409: a template of another catalog version', async () => {
    const response = await post(wjj, { ...small('wjj', 2027), catalogVersion: '2025.9' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'catalog.versionMismatch', details: { expected: catalogVersion(), received: '2025.9' } });
    expect(response.json().error.message).toContain('请下载最新模板');
  });

  it('Idempotency-Key: the same body is answered with the original receipt; another body is a 409', async () => {
    const document = small('wjj', 2028);
    const first = await post(wjj, document, { 'idempotency-key': 'retry-1' });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // the same document with its keys in another order is the same request
    const reordered = Object.fromEntries(Object.entries(document).reverse());
    const again = await post(wjj, reordered, { 'idempotency-key': 'retry-1' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const conflict = await post(wjj, small('wjj', 2028, [{ indicatorId: 'C-HEA-04', value: '3.1' }]), { 'idempotency-key': 'retry-1' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.code).toBe('idempotency.conflict');
    const list = (await t.request(wjj, { method: 'GET', url: '/api/v1/submissions?year=2028' })).json();
    expect(list.submissions).toEqual([expect.objectContaining({ currentVersion: 1 })]);
    // keys are scoped to the organisation: another one may use the same key
    expect((await post(mzj, small('mzj', 2028), { 'idempotency-key': 'retry-1' })).statusCode).toBe(201);
  });

  it('versions: every accepted submission of a plan, year and organisation is a new version; all are kept', async () => {
    const receipts = [];
    for (const value of ['3.3', '3.2', '3.1']) {
      const response = await post(mzj, small('mzj', 2029, [{ indicatorId: 'C-HEA-04', value }]));
      expect(response.statusCode).toBe(201);
      receipts.push(response.json());
    }
    expect(receipts.map((receipt) => receipt.version)).toEqual([1, 2, 3]);
    expect(new Set(receipts.map((receipt) => receipt.submissionId)).size).toBe(1);
    const id = receipts[0].submissionId;
    const detail = (await t.request(mzj, { method: 'GET', url: `/api/v1/submissions/${id}` })).json();
    expect(detail.currentVersion).toBe(3);
    expect(detail.versions.map((version: { version: number; bodySha256: string }) => version.version)).toEqual([1, 2, 3]);
    expect(detail.values).toEqual([expect.objectContaining({ value: '3.1' })]);
    expect(detail.history.map((event: { action: string; version: number }) => [event.action, event.version])).toEqual([['submitted', 1], ['submitted', 2], ['submitted', 3]]);
    const first = (await t.request(mzj, { method: 'GET', url: `/api/v1/submissions/${id}/versions/1` })).json();
    expect(first.values).toEqual([expect.objectContaining({ value: '3.3', parsed: { kind: 'number', value: 3.3, text: '3.3' }, status: 'met' })]);
    expect(first.receipt.bodySha256).toBe(receipts[0].bodySha256);
    expect((await t.request(mzj, { method: 'GET', url: `/api/v1/submissions/${id}/versions/9` })).statusCode).toBe(404);
  });

  it('versions: concurrent submissions of the same report get distinct consecutive versions', async () => {
    const responses = await Promise.all(['3.0', '2.9', '2.8', '2.7', '2.6', '2.5'].map((value) => post(wjj, small('wjj', 2029, [{ indicatorId: 'C-HEA-04', value }]))));
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(responses.map((response) => response.json().version).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describeEachDialect('GET /api/v1/submissions', (dialect) => {
  const t = withTestApp(dialect);
  let wjj: string;
  let mzj: string;
  let bureau: string;
  let admin: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    [wjj, mzj, bureau, admin] = await Promise.all([t.token('wjj'), t.token('mzj'), t.token('tjj', 'bureau'), t.token('fegw', 'admin')]);
    await t.grant('mzj', 'C-HEA-04');
    for (const [org, token] of [['wjj', wjj], ['mzj', mzj]] as const) {
      const response = await t.request(token, { method: 'POST', url: '/api/v1/submissions', payload: small(org, 2025) });
      ids[org] = response.json().submissionId;
    }
    const women = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: acceptableDocument({ organisationId: 'wjj', plan: 'women', year: 2025, count: 5 }) });
    expect(women.statusCode).toBe(201);
  });

  it('reporters see their own organisation only; the bureau sees all and filters', async () => {
    const own = (await t.request(wjj, { method: 'GET', url: '/api/v1/submissions' })).json().submissions;
    expect(own.map((item: { organisationId: string }) => item.organisationId)).toEqual(['wjj', 'wjj']);
    const all = (await t.request(bureau, { method: 'GET', url: '/api/v1/submissions' })).json().submissions;
    expect(all).toHaveLength(3);
    const filtered = (await t.request(bureau, { method: 'GET', url: '/api/v1/submissions?plan=children&year=2025&org=mzj&status=submitted' })).json().submissions;
    expect(filtered).toEqual([expect.objectContaining({ id: ids.mzj, organisationId: 'mzj', plan: 'children', year: 2025 })]);
    expect((await t.request(bureau, { method: 'GET', url: '/api/v1/submissions?status=approved' })).json().submissions).toEqual([]);
    expect((await t.request(bureau, { method: 'GET', url: '/api/v1/submissions?year=soon' })).statusCode).toBe(400);
  });

  it('another organisation\'s submissions: the list refuses (403); a submission answers 404 like a missing one', async () => {
    const list = await t.request(wjj, { method: 'GET', url: '/api/v1/submissions?org=mzj' });
    expect(list.statusCode).toBe(403);
    const detail = await t.request(wjj, { method: 'GET', url: `/api/v1/submissions/${ids.mzj}` });
    expect(detail.statusCode).toBe(404);
    expect(detail.json().error.code).toBe('submission.notFound');
    expect((await t.request(wjj, { method: 'GET', url: `/api/v1/submissions/${ids.mzj}/versions/1` })).statusCode).toBe(404);
    expect((await t.request(bureau, { method: 'GET', url: `/api/v1/submissions/${ids.mzj}` })).statusCode).toBe(200);
    expect((await t.request(admin, { method: 'GET', url: '/api/v1/submissions' })).statusCode).toBe(403);
  });

  it('404: an unknown submission', async () => {
    const response = await t.request(bureau, { method: 'GET', url: '/api/v1/submissions/sub_nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('submission.notFound');
  });
});
