/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bureauStrings } from '../../../../src/apps/web/bureau/bureau-strings';
import { CSRF, apiError, completeness, ok, pending, renderWorkspace, submissionList } from './bureau-test-kit';

const zh = bureauStrings['zh-CN'];

/** Both plans of 2025: 卫健局 submitted (late) and 教体局 approved for children; 民政局 missing; women: only 卫健局 returned. */
function routes() {
  return {
    'GET /monitoring/children/2025/completeness': ok(
      completeness('children', 2025, { wjj: { state: 'submitted', version: 2, late: true }, jtj: { state: 'approved', version: 1 }, mzj: { state: 'missing' }, gszd: { state: 'missing' } }),
    ),
    'GET /monitoring/women/2025/completeness': ok(completeness('women', 2025, { wjj: { state: 'returned', version: 1 }, mzj: { state: 'notStarted' } })),
    'GET /submissions?plan=children&year=2025': ok(
      submissionList('children', 2025, [
        { id: 'sub_c_wjj', organisationId: 'wjj', status: 'submitted', version: 2 },
        { id: 'sub_c_jtj', organisationId: 'jtj', status: 'approved', version: 1 },
      ]),
    ),
    'GET /submissions?plan=women&year=2025': ok(submissionList('women', 2025, [{ id: 'sub_w_wjj', organisationId: 'wjj', status: 'returned', version: 1 }])),
  };
}

describe('完成情况 (the completeness board)', () => {
  it('shows every organisation × plan with its state, version, late mark and a link to review, and each plan\u2019s rates and deadline', async () => {
    const { calls } = renderWorkspace('/web/bureau?year=2025', routes());
    expect(await screen.findByRole('heading', { level: 1, name: `${zh.completenessHeading} · 2025年度（2026年报送）` })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: zh.completenessHeading });
    const health = within(table).getByRole('row', { name: /卫健局/ });
    expect(health).toHaveTextContent('已报送');
    expect(health).toHaveTextContent('第 2 版');
    expect(health).toHaveTextContent('迟报');
    expect(health).toHaveTextContent('已退回');
    expect(within(table).getByRole('link', { name: zh.reviewLink('卫健局', zh.planNames.children) })).toHaveAttribute('href', '/web/bureau/submissions/sub_c_wjj');
    expect(within(table).getByRole('link', { name: zh.reviewLink('卫健局', zh.planNames.women) })).toHaveAttribute('href', '/web/bureau/submissions/sub_w_wjj');
    expect(within(table).getByRole('row', { name: /民政局/ })).toHaveTextContent('逾期未报');
    expect(within(table).getByRole('row', { name: /民政局/ })).toHaveTextContent('未开始');
    // 桂山街道 reports the children's plan only
    expect(within(table).getByRole('row', { name: /桂山街道/ })).toHaveTextContent(zh.notExpected);
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([zh.organisation, zh.planNames.women, zh.planNames.children]);
    // the children's summary: 2 of 4 reported, 1 late → on time 1 of 4
    const summary = screen.getByRole('region', { name: zh.summaryHeading(zh.planNames.children) });
    expect(summary).toHaveTextContent('报送率50.0%');
    expect(summary).toHaveTextContent('及时率25.0%');
    expect(summary).toHaveTextContent('截止日期2026-03-31');
    expect(calls.filter((call) => call.method !== 'GET')).toEqual([]);
  });

  it('the reminder list names the organisations that have not reported, and who was returned; 复制催报名单 copies it', async () => {
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderWorkspace('/web/bureau?year=2025', routes());
    const list = await screen.findByRole('textbox', { name: zh.reminderLabel });
    const text = (list as HTMLTextAreaElement).value;
    expect(text).toContain('【儿童发展规划 2025年度监测数据报送】');
    expect(text).toContain('尚未报送（2 个单位）：民政局、桂山街道');
    expect(text).toContain('【妇女发展规划 2025年度监测数据报送】\n尚未报送（1 个单位）：民政局\n已退回待重新提交（1 个单位）：卫健局');
    expect(text).toContain('请于 2026-03-31 前');
    expect(text).not.toMatch(/教体局/);
    await userEvent.click(screen.getByRole('button', { name: zh.reminderCopy }));
    expect(writeText).toHaveBeenCalledWith(text);
    expect(await screen.findByText(zh.reminderCopied)).toBeInTheDocument();
  });

  it('the plan selector shows one plan; the year selector asks for that year', async () => {
    const { calls } = renderWorkspace('/web/bureau?year=2025', {
      ...routes(),
      'GET /monitoring/children/2024/completeness': ok(completeness('children', 2024, { wjj: { state: 'approved', version: 1 } })),
      'GET /submissions?plan=children&year=2024': ok(submissionList('children', 2024, [{ id: 'sub_2024', organisationId: 'wjj', status: 'approved', version: 1 }])),
    });
    await screen.findByRole('table', { name: zh.completenessHeading });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: zh.plan }), 'children');
    await waitFor(() => expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([zh.organisation, zh.planNames.children]));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: zh.year }), '2024');
    expect(await screen.findByRole('link', { name: zh.reviewLink('卫健局', zh.planNames.children) })).toHaveAttribute('href', '/web/bureau/submissions/sub_2024');
    expect(calls.some((call) => call.path === '/monitoring/children/2024/completeness')).toBe(true);
  });

  it('defaults to the latest year due (2025 in 2026) and both plans', async () => {
    const { calls } = renderWorkspace('/web/bureau', routes());
    await screen.findByRole('table', { name: zh.completenessHeading });
    expect(screen.getByRole('combobox', { name: zh.year })).toHaveValue('2025');
    expect(calls.map((call) => call.path)).toEqual(expect.arrayContaining(['/monitoring/children/2025/completeness', '/monitoring/women/2025/completeness']));
  });

  it('sets the deadline: PUT …/deadline {date} with the CSRF header, then reloads', async () => {
    let deadline = '2026-03-31';
    const { calls } = renderWorkspace('/web/bureau?plan=children&year=2025', {
      ...routes(),
      'GET /monitoring/children/2025/completeness': () => ok(completeness('children', 2025, { wjj: { state: 'submitted', version: 1 }, mzj: { state: 'notStarted' } }, deadline)),
      'PUT /monitoring/children/2025/deadline': (call) => {
        deadline = (call.body as { date: string }).date;
        return ok({ plan: 'children', year: 2025, deadline, deadlineEnd: `${deadline}T16:00:00.000Z`, setAt: '2026-04-15T08:00:00.000Z', setBy: 'u-bureau' });
      },
    });
    const input = await screen.findByLabelText(zh.deadlineInput(zh.planNames.children));
    expect(input).toHaveValue('2026-03-31');
    await userEvent.clear(input);
    await userEvent.type(input, '2026-04-30');
    await userEvent.click(screen.getByRole('button', { name: zh.deadlineSave }));
    expect(await screen.findByText(zh.deadlineSaved(zh.planNames.children, '2026-04-30'))).toBeInTheDocument();
    const put = calls.find((call) => call.method === 'PUT');
    expect(put).toMatchObject({ path: '/monitoring/children/2025/deadline', body: { date: '2026-04-30' } });
    expect(put?.headers['x-csrf-token']).toBe(CSRF);
    await waitFor(() => expect(screen.getByRole('region', { name: zh.summaryHeading(zh.planNames.children) })).toHaveTextContent('截止日期2026-04-30'));
  });

  it('a refused deadline shows the server\u2019s message', async () => {
    renderWorkspace('/web/bureau?plan=children&year=2025', {
      ...routes(),
      'PUT /monitoring/children/2025/deadline': apiError(422, 'monitoring.deadlineOutOfRange', '截止日期应在报告年度或其后两年之内。'),
    });
    await userEvent.click(await screen.findByRole('button', { name: zh.deadlineSave }));
    expect(await screen.findByRole('alert')).toHaveTextContent('截止日期应在报告年度或其后两年之内。');
  });

  it('empty: nobody has submitted → 尚无单位提交, everybody on the reminder list', async () => {
    renderWorkspace('/web/bureau?plan=children&year=2025', {
      'GET /monitoring/children/2025/completeness': ok(completeness('children', 2025, { wjj: { state: 'notStarted' }, jtj: { state: 'notStarted' } }, null)),
      'GET /submissions?plan=children&year=2025': ok(submissionList('children', 2025, [])),
    });
    expect(await screen.findByText('尚无单位提交')).toBeInTheDocument();
    expect((screen.getByRole('textbox', { name: zh.reminderLabel }) as HTMLTextAreaElement).value).toContain('尚未报送（2 个单位）：卫健局、教体局\n请尽快');
    expect(screen.queryByRole('link', { name: /审核 / })).not.toBeInTheDocument();
  });

  it('loading: a spinner until the server answers', async () => {
    renderWorkspace('/web/bureau?plan=children&year=2025', { 'GET /monitoring/children/2025/completeness': pending, 'GET /submissions?plan=children&year=2025': pending });
    expect(await screen.findByText(zh.loading)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('error: the server\u2019s Chinese message and 重试, which asks again', async () => {
    let fail = true;
    renderWorkspace('/web/bureau?plan=children&year=2025', {
      'GET /monitoring/children/2025/completeness': () => (fail ? apiError(503, 'server.busy', '服务器繁忙，请稍后再试。') : ok(completeness('children', 2025, { wjj: { state: 'submitted', version: 1 } }))),
      'GET /submissions?plan=children&year=2025': ok(submissionList('children', 2025, [{ id: 'sub_1', organisationId: 'wjj', status: 'submitted', version: 1 }])),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('服务器繁忙，请稍后再试。');
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: zh.retry }));
    expect(await screen.findByRole('table', { name: zh.completenessHeading })).toBeInTheDocument();
  });

  it.each([
    ['admin', '管理员'],
    ['reporter', '填报单位'],
  ] as const)('no permission: a %s sees 无权访问 and the workspace asks the server nothing', async (role, word) => {
    const { calls } = renderWorkspace('/web/bureau', routes(), { role });
    expect(screen.getByRole('alert')).toHaveTextContent(zh.noPermissionTitle);
    expect(screen.getByRole('alert')).toHaveTextContent(word);
    expect(calls).toEqual([]);
  });

  it('speaks English when asked', async () => {
    const en = bureauStrings['en-US'];
    renderWorkspace('/web/bureau?year=2025', routes(), { language: 'en-US' });
    expect(await screen.findByRole('heading', { level: 1, name: `${en.completenessHeading} · 2025 (reported in 2026)` })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: en.reminderCopy })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: en.year })).toHaveDisplayValue('2025 (reported in 2026)');
  });
});
