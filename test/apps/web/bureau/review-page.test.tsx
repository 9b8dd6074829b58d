/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bureauStrings } from '../../../../src/apps/web/bureau/bureau-strings';
import { composeComment, versionDifferences } from '../../../../src/apps/web/bureau/ReviewPage';
import { PreviousValuesSchema, SubmissionSummarySchema } from '../../../../src/contract/api';
import { CSRF, apiError, consolidationFixture, ok, renderWorkspace, submissionDetail, submissionVersion, valid } from './bureau-test-kit';

const zh = bureauStrings['zh-CN'];

const V2 = [
  { indicatorId: 'C-HEA-04', value: '4.8', parsed: 4.8, status: 'met', previous: 5.6 },
  { indicatorId: 'C-EDU-02', value: '88', parsed: 88, status: 'notMet', note: '山区幼儿园在建', previous: '90' },
  { indicatorId: 'C-WEL-07', unitId: 'gljz', value: '0', parsed: 0, status: 'notMet', note: '督导员岗位空缺' },
];
const V1 = [
  { indicatorId: 'C-HEA-04', value: '48', parsed: 48, status: 'notMet', note: '待核实', previous: 5.6 },
  { indicatorId: 'C-EDU-02', value: '88', parsed: 88, status: 'notMet', note: '山区幼儿园在建', previous: '90' },
  { indicatorId: 'C-SOC-01', value: '3', parsed: 3, status: 'met' },
];

const summary = (status: 'submitted' | 'returned' | 'approved', version = 2) =>
  valid(SubmissionSummarySchema, { id: 'sub_1', plan: 'children', year: 2025, organisationId: 'wjj', status, currentVersion: version, createdAt: '2026-03-21T02:00:00.000Z', updatedAt: '2026-04-15T08:00:00.000Z' });

function routes(status: 'submitted' | 'returned' | 'approved' = 'submitted') {
  return {
    'GET /submissions/sub_1': ok(submissionDetail('sub_1', { status, version: 2, lines: V2 })),
    'GET /submissions/sub_1/versions/1': ok(submissionVersion('sub_1', 1, V1)),
    'GET /monitoring/children/2025/consolidation': ok(consolidationFixture()),
  };
}

describe('审核 (reviewing a submission)', () => {
  it('shows the current version\u2019s values with names, verdicts, notes, last year\u2019s value and the change', async () => {
    renderWorkspace('/web/bureau/submissions/sub_1', routes());
    expect(await screen.findByRole('heading', { level: 1, name: zh.reviewHeading('卫健局', zh.planNames.children, 2025) })).toBeInTheDocument();
    const values = screen.getByRole('region', { name: zh.valuesHeading(2) });
    const infant = within(values).getByRole('row', { name: /C-HEA-04 婴儿死亡率/ });
    expect(within(infant).getAllByRole('cell').map((cell) => cell.textContent).slice(0, 6)).toEqual(['', '4.8', '5.6', '-0.8', '达标', '']);
    const preschool = within(values).getByRole('row', { name: /C-EDU-02/ });
    expect(preschool).toHaveTextContent('未达标');
    expect(preschool).toHaveTextContent('山区幼儿园在建');
    expect(preschool).toHaveTextContent('-2');
    expect(within(values).getByRole('row', { name: /C-WEL-07/ })).toHaveTextContent('古城街道');
    expect(screen.getByText(zh.submissionStatus.submitted)).toBeInTheDocument();
  });

  it('上年值: the one typed, else last year\u2019s report (GET /submissions/previous-values); a typed one that differs says what was reported', async () => {
    const { calls } = renderWorkspace('/web/bureau/submissions/sub_1', {
      ...routes(),
      'GET /submissions/previous-values?plan=children&year=2025&org=wjj': ok(
        valid(PreviousValuesSchema, {
          plan: 'children',
          year: 2025,
          organisationId: 'wjj',
          source: { year: 2024, submissionId: 'sub_2024', version: 1, status: 'approved', receivedAt: '2025-03-20T02:00:00.000Z' },
          values: [
            { indicatorId: 'C-HEA-04', unitId: null, value: 5.9 },
            { indicatorId: 'C-EDU-02', unitId: null, value: 90 },
            { indicatorId: 'C-WEL-07', unitId: 'gljz', value: 1 },
          ],
        }),
      ),
    });
    const values = await screen.findByRole('region', { name: zh.valuesHeading(2) });
    await waitFor(() => expect(within(values).getByRole('row', { name: /C-HEA-04/ })).toHaveTextContent('5.6上年报送：5.9-0.8'));
    expect(within(values).getByRole('row', { name: /C-EDU-02/ })).not.toHaveTextContent('上年报送');
    expect(within(values).getByRole('row', { name: /C-WEL-07/ })).toHaveTextContent('古城街道01-1未达标');
    expect(calls.some((call) => call.path === '/submissions/previous-values?plan=children&year=2025&org=wjj')).toBe(true);
  });

  it('lists the differences from the previous version: changed, added and removed lines', async () => {
    renderWorkspace('/web/bureau/submissions/sub_1', routes());
    const diff = await screen.findByRole('region', { name: zh.versionDiffHeading(1, 2) });
    const rows = within(diff).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^C-HEA-04 婴儿死亡率修改48 · 未达标 · 说明：待核实4\.8 · 达标$/),
      expect.stringMatching(/^C-WEL-07 .*古城街道新增0 · 未达标 · 说明：督导员岗位空缺$/),
      expect.stringMatching(/^C-SOC-01 删除3 · 达标$/),
    ]);
    // C-EDU-02 did not change
    expect(within(diff).queryByText(/C-EDU-02/)).not.toBeInTheDocument();
  });

  it('version 1 has nothing to compare', async () => {
    renderWorkspace('/web/bureau/submissions/sub_1', { ...routes(), 'GET /submissions/sub_1': ok(submissionDetail('sub_1', { version: 1, lines: V1 })) });
    expect(await screen.findByText(zh.firstVersion)).toBeInTheDocument();
  });

  it('审核通过 posts {version} to …/approve with the CSRF header, says so and reloads', async () => {
    let status: 'submitted' | 'approved' = 'submitted';
    const { calls } = renderWorkspace('/web/bureau/submissions/sub_1', {
      ...routes(),
      'GET /submissions/sub_1': () => ok(submissionDetail('sub_1', { status, version: 2, lines: V2 })),
      'POST /submissions/sub_1/approve': () => {
        status = 'approved';
        return ok(summary('approved'));
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: zh.approve }));
    expect(await screen.findByText(zh.approved(2))).toBeInTheDocument();
    const post = calls.find((call) => call.method === 'POST');
    expect(post).toMatchObject({ path: '/submissions/sub_1/approve', body: { version: 2 } });
    expect(post?.headers['x-csrf-token']).toBe(CSRF);
    expect(post?.headers['content-type']).toBe('application/json');
    // approved: locked, only 重新打开 is left
    expect(await screen.findByRole('button', { name: zh.reopen })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: zh.approve })).not.toBeInTheDocument();
    expect(screen.getByText(zh.approved(2))).toBeInTheDocument(); // the reload kept the message
    expect(screen.getByText(zh.submissionStatus.approved)).toBeInTheDocument();
  });

  it('退回修改 sends the comment with the per-indicator comments appended, each starting with its code', async () => {
    const { calls } = renderWorkspace('/web/bureau/submissions/sub_1', { ...routes(), 'POST /submissions/sub_1/return': ok(summary('returned')) });
    await userEvent.type(await screen.findByRole('textbox', { name: zh.commentLabel }), '请核对以下指标后重新提交。');
    await userEvent.click(screen.getByRole('button', { name: zh.addIndicatorComment('C-EDU-02') }));
    await userEvent.type(screen.getByRole('textbox', { name: zh.indicatorCommentFor('C-EDU-02') }), '说明请写明在建幼儿园的数量');
    await userEvent.click(screen.getByRole('button', { name: zh.addIndicatorComment('C-WEL-07（古城街道）') }));
    await userEvent.type(screen.getByRole('textbox', { name: zh.indicatorCommentFor('C-WEL-07（古城街道）') }), '请核实');
    const expected = '请核对以下指标后重新提交。\nC-EDU-02：说明请写明在建幼儿园的数量\nC-WEL-07（古城街道）：请核实';
    expect(screen.getByLabelText(zh.composedComment).textContent).toBe(expected);
    await userEvent.click(screen.getByRole('button', { name: zh.returnAction }));
    expect(await screen.findByText(zh.returned(2))).toBeInTheDocument();
    const post = calls.find((call) => call.method === 'POST');
    expect(post).toMatchObject({ path: '/submissions/sub_1/return', body: { comment: expected, version: 2 } });
    expect(post?.headers['x-csrf-token']).toBe(CSRF);
  });

  it('退回修改 without any comment is refused before anything is sent', async () => {
    const { calls } = renderWorkspace('/web/bureau/submissions/sub_1', routes());
    await userEvent.click(await screen.findByRole('button', { name: zh.returnAction }));
    expect(await screen.findByRole('alert')).toHaveTextContent(zh.returnNeedsComment);
    expect(calls.filter((call) => call.method === 'POST')).toEqual([]);
  });

  it('a refusal shows the server\u2019s message (a new version arrived meanwhile)', async () => {
    renderWorkspace('/web/bureau/submissions/sub_1', { ...routes(), 'POST /submissions/sub_1/approve': apiError(409, 'review.versionMismatch', '报表已有第 3 版，请刷新后审核最新版本。') });
    await userEvent.click(await screen.findByRole('button', { name: zh.approve }));
    expect(await screen.findByRole('alert')).toHaveTextContent('报表已有第 3 版，请刷新后审核最新版本。');
  });

  it('an approved report can be reopened (POST …/reopen)', async () => {
    const { calls } = renderWorkspace('/web/bureau/submissions/sub_1', { ...routes('approved'), 'POST /submissions/sub_1/reopen': ok(summary('submitted')) });
    await userEvent.click(await screen.findByRole('button', { name: zh.reopen }));
    expect(await screen.findByText(zh.reopened)).toBeInTheDocument();
    expect(calls.find((call) => call.method === 'POST')).toMatchObject({ path: '/submissions/sub_1/reopen', body: {} });
  });

  it('shows the history with the bureau\u2019s comments', async () => {
    renderWorkspace('/web/bureau/submissions/sub_1', routes());
    const history = await screen.findByRole('region', { name: zh.historyHeading });
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['提交', '退回', '提交']);
    expect(rows[1]).toHaveTextContent('请核对 C-HEA-04');
    expect(rows[1]).toHaveTextContent('统计局');
  });

  it('loading, then a missing submission: the server\u2019s message', async () => {
    renderWorkspace('/web/bureau/submissions/sub_x', { 'GET /submissions/sub_x': apiError(404, 'submission.notFound', '没有编号为“sub_x”的报表（或不属于本单位）。') });
    expect(screen.getByText(zh.loading)).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent('没有编号为“sub_x”的报表');
    expect(screen.getByRole('link', { name: zh.backToBoard })).toHaveAttribute('href', '/web/bureau');
  });

  it('still shows the codes when the names cannot be loaded', async () => {
    renderWorkspace('/web/bureau/submissions/sub_1', { ...routes(), 'GET /monitoring/children/2025/consolidation': apiError(500, 'server.error', '内部错误') });
    const values = await screen.findByRole('region', { name: zh.valuesHeading(2) });
    expect(within(values).getByRole('rowheader', { name: 'C-HEA-04' })).toBeInTheDocument();
    expect(within(values).getByRole('row', { name: /C-WEL-07/ })).toHaveTextContent('古城街道');
  });
});

describe('the review\u2019s pieces', () => {
  it('composeComment: the general comment, then one line per indicator comment; blanks left out', () => {
    expect(composeComment('  ', [{ indicatorId: 'C-HEA-04', unit: '', text: ' 请核实 ' }, { indicatorId: 'C-EDU-02', unit: '', text: ' ' }])).toBe('C-HEA-04：请核实');
    expect(composeComment('总体意见', [])).toBe('总体意见');
  });

  it('versionDifferences: a changed note alone is a change', () => {
    const line = (note: string) => ({ indicatorId: 'A', unitId: null, value: '1', parsed: 1, status: 'met', severity: 'info' as const, note, previous: null, baseline: null, other: null });
    expect(versionDifferences([line('旧')], [line('新')], zh)).toEqual([{ kind: 'changed', indicatorId: 'A', unitId: null, before: '1 · 达标 · 说明：旧', after: '1 · 达标 · 说明：新' }]);
    expect(versionDifferences([line('同')], [line('同')], zh)).toEqual([]);
  });
});
