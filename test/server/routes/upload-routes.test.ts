import { catalogVersion } from '../../helpers/catalog-version';
import { XLSX_CONTENT_TYPE } from '../../../src/server/routes/upload-routes';
import { describeEachDialect } from '../helpers/test-database';
import { withTestApp } from '../helpers/test-app';
import { blankTemplate, filledTemplate } from '../helpers/template-files';

describeEachDialect('POST /api/v1/submissions/upload', (dialect) => {
  const t = withTestApp(dialect);
  let wjj: string;
  let filled: Uint8Array;
  beforeAll(async () => {
    wjj = await t.token('wjj');
    filled = await filledTemplate({ plan: 'children', year: 2025, organisationId: 'wjj' });
  });

  const upload = (payload: Uint8Array | string | FormData, headers: Record<string, string> = { 'content-type': XLSX_CONTENT_TYPE }, token = wjj) =>
    t.request(token, { method: 'POST', url: '/api/v1/submissions/upload', payload, headers: payload instanceof FormData ? {} : headers });

  it('201: a filled template as the raw body; plan, year and versions from its metadata, organisation from the token', async () => {
    const response = await upload(filled);
    expect(response.statusCode).toBe(201);
    const receipt = response.json();
    expect(receipt).toMatchObject({ plan: 'children', year: 2025, organisationId: 'wjj', source: 'xlsx', version: 1, catalogVersion: catalogVersion() });
    expect(receipt.counts.values).toBeGreaterThan(20);
    const detail = (await t.request(wjj, { method: 'GET', url: `/api/v1/submissions/${receipt.submissionId}` })).json();
    expect(detail.values).toHaveLength(receipt.counts.values);
    const [row] = await t.app.db.selectFrom('submission_files').select(['sha256', 'content']).where('submission_id', '=', receipt.submissionId).execute();
    expect(Buffer.from(row!.content).equals(Buffer.from(filled))).toBe(true);
  });

  it('201: the same template as multipart field "file" becomes the next version; a retry with its key is replayed', async () => {
    const form = () => {
      const data = new FormData();
      data.append('file', new Blob([new Uint8Array(filled).buffer as ArrayBuffer], { type: XLSX_CONTENT_TYPE }), '儿童2025-卫健局.xlsx');
      return data;
    };
    const first = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions/upload', payload: form(), headers: { 'idempotency-key': 'upload-1' } });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ version: 2, source: 'xlsx' });
    const again = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions/upload', payload: form(), headers: { 'idempotency-key': 'upload-1' } });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const wrongField = new FormData();
    wrongField.append('workbook', new Blob([new Uint8Array(filled).buffer as ArrayBuffer]), 'x.xlsx');
    const missing = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions/upload', payload: wrongField });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('upload.missingFile');
  });

  it('403: a template cut for another organisation', async () => {
    const other = await filledTemplate({ plan: 'children', year: 2025, organisationId: 'mzj' });
    const response = await upload(other);
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'upload.otherOrganisation' });
    expect(response.json().error.message).toContain('民政局');
  });

  it('422: a blank template, with each problem\'s cell', async () => {
    const response = await upload(await blankTemplate({ plan: 'children', year: 2024, organisationId: 'wjj' }));
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe('submission.invalid');
    expect(error.details.errors[0]).toMatchObject({ code: 'value.missing', sheet: expect.any(String), cell: expect.stringMatching(/^[A-Z]+\d+$/) });
  });

  it('422: a target missed without a note names the cell; 422 for a file that is not a workbook', async () => {
    const missed = await filledTemplate({ plan: 'children', year: 2030, organisationId: 'wjj', edit: (id) => (id === 'C-HEA-20' ? '91' : undefined) });
    const response = await upload(missed);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.notesRequired).toEqual([expect.objectContaining({ indicatorId: 'C-HEA-20', cell: expect.stringMatching(/^[A-Z]+\d+$/) })]);
    const garbage = await upload(new Uint8Array([1, 2, 3, 4, 5]));
    expect(garbage.statusCode).toBe(422);
    expect(garbage.json().error.code).toBe('upload.unreadable');
  });

  it('415: JSON or text sent to the upload; 413: a file over 10 MiB', async () => {
    expect((await upload('{"a":1}', { 'content-type': 'application/json' })).statusCode).toBe(415);
    expect((await upload('hello', { 'content-type': 'text/plain' })).statusCode).toBe(415);
    const huge = await upload(new Uint8Array(10 * 1024 * 1024 + 1));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.message).toContain('10 MiB');
  });
});
