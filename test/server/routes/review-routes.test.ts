import { catalogVersion } from '../../helpers/catalog-version';
import { describeEachDialect } from '../helpers/test-database';
import { withTestApp } from '../helpers/test-app';

const report = (value: string) => ({ plan: 'children', year: 2025, organisationId: 'wjj', catalogVersion: catalogVersion(), templateVersion: 1, values: [{ indicatorId: 'C-HEA-04', value }] });

describeEachDialect('review: approve, return (退回), reopen', (dialect) => {
  const t = withTestApp(dialect);
  let wjj: string;
  let bureau: string;
  beforeAll(async () => {
    [wjj, bureau] = await Promise.all([t.token('wjj'), t.token('tjj', 'bureau')]);
  });

  const submit = (value: string) => t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: report(value) });
  const review = (token: string, id: string, action: string, payload?: object) => t.request(token, { method: 'POST', url: `/api/v1/submissions/${id}/${action}`, ...(payload ? { payload } : {}) });

  it('walks a submission through return, resubmission, approval (locked), reopening, and records every step', async () => {
    const first = (await submit('3.3')).json();
    const id = first.submissionId;

    const noComment = await review(bureau, id, 'return', { comment: '  ' });
    expect(noComment.statusCode).toBe(400);
    const returned = await review(bureau, id, 'return', { comment: '婴儿死亡率与卫健委年报不一致，请核实' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ id, status: 'returned', currentVersion: 1 });
    expect((await review(bureau, id, 'approve')).statusCode).toBe(409);

    const second = await submit('3.2');
    expect(second.json()).toMatchObject({ submissionId: id, version: 2, status: 'submitted' });

    const stale = await review(bureau, id, 'approve', { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('submission.versionChanged');
    expect((await review(bureau, id, 'approve', { version: 2 })).json()).toMatchObject({ status: 'approved' });

    const locked = await submit('3.1');
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('submission.locked');
    expect(locked.json().error.message).toContain('审核通过并锁定');
    expect((await review(bureau, id, 'return', { comment: '再改' })).statusCode).toBe(409);

    expect((await review(bureau, id, 'reopen', { comment: '发现口径问题，重新打开' })).json()).toMatchObject({ status: 'submitted' });
    expect((await review(bureau, id, 'reopen')).statusCode).toBe(409);
    expect((await submit('3.1')).json()).toMatchObject({ version: 3 });

    const detail = (await t.request(bureau, { method: 'GET', url: `/api/v1/submissions/${id}` })).json();
    expect(detail.history.map((event: { action: string; version: number; role: string; organisationId: string; comment: string | null }) => [event.action, event.version, event.role, event.organisationId, event.comment])).toEqual([
      ['submitted', 1, 'reporter', 'wjj', null],
      ['returned', 1, 'bureau', 'tjj', '婴儿死亡率与卫健委年报不一致，请核实'],
      ['submitted', 2, 'reporter', 'wjj', null],
      ['approved', 2, 'bureau', 'tjj', null],
      ['reopened', 2, 'bureau', 'tjj', '发现口径问题，重新打开'],
      ['submitted', 3, 'reporter', 'wjj', null],
    ]);
    expect(detail.versions.map((version: { version: number }) => version.version)).toEqual([1, 2, 3]);
  });

  it('403: only the bureau reviews; 404: an unknown submission', async () => {
    const { submissionId } = (await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: { ...report('3'), year: 2026 } })).json();
    const byReporter = await review(wjj, submissionId, 'approve');
    expect(byReporter.statusCode).toBe(403);
    expect(byReporter.json().error.code).toBe('auth.bureauOnly');
    expect((await review(await t.token('fegw', 'admin'), submissionId, 'approve')).statusCode).toBe(403);
    expect((await review(bureau, 'sub_missing', 'approve')).statusCode).toBe(404);
  });
});
