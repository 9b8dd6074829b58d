/** @jest-environment jsdom */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bureauStrings } from '../../../../src/apps/web/bureau/bureau-strings';
import { EvaluationSchema } from '../../../../src/contract/monitoring';
import { apiError, evaluationFixture, ok, pending, renderWorkspace, valid, warningsFixture } from './bureau-test-kit';

const zh = bureauStrings['zh-CN'];

describe('预警 (early warnings)', () => {
  const PATH = '/web/bureau/warnings?plan=children&year=2025';

  it('lists every warning with its kind, progress status and message, linked to the indicator; the kind filter filters', async () => {
    renderWorkspace(PATH, { 'GET /monitoring/children/2025/warnings': ok(warningsFixture()) });
    const table = await screen.findByRole('region', { name: zh.warningsHeading });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('C-EDU-02预计达标困难倒退学前教育毛入园率倒退');
    expect(rows[1]).toHaveTextContent('C-HEA-04古城街道波动较大');
    expect(rows[1]).toHaveTextContent('波动较大');
    expect(rows[2]).toHaveTextContent('数据冲突');
    expect(within(rows[0]!).getByRole('link', { name: 'C-EDU-02' })).toHaveAttribute('href', '/web/bureau/indicators/children/C-EDU-02?plan=children&year=2025');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: zh.warningKind }), 'fluctuation');
    expect(within(screen.getByRole('region', { name: zh.warningsHeading })).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([expect.stringContaining('波动较大')]);
  });

  it('none: 本年度没有预警; loading; error', async () => {
    const first = renderWorkspace(PATH, { 'GET /monitoring/children/2025/warnings': ok({ plan: 'children', year: 2025, warnings: [] }) });
    expect(await screen.findByText(zh.noWarnings)).toBeInTheDocument();
    first.unmount();
    const second = renderWorkspace(PATH, { 'GET /monitoring/children/2025/warnings': pending });
    expect(await screen.findByText(zh.loading)).toBeInTheDocument();
    second.unmount();
    renderWorkspace(PATH, { 'GET /monitoring/children/2025/warnings': apiError(403, 'auth.bureauOnly', '只有统计局可以查看预警。') });
    expect(await screen.findByRole('alert')).toHaveTextContent('只有统计局可以查看预警。');
  });
});

describe('评估 (evaluation tables)', () => {
  it('2025 is the 中期评估: counts and 达标率 (both denominators) by domain and in total, one row per indicator, the definitions', async () => {
    renderWorkspace('/web/bureau/evaluation?plan=children&year=2025', { 'GET /monitoring/children/2025/evaluation': ok(evaluationFixture(2025)) });
    expect(await screen.findByRole('heading', { level: 1, name: '2025年中期评估 · 儿童发展规划' })).toBeInTheDocument();
    const byDomain = screen.getByRole('region', { name: zh.byDomainHeading });
    expect(within(byDomain).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['领域', '指标数', '可监测数', '已达标', '基本达标', '未达标', '未到期', '无数据', '达标率（有数据）', '达标率（全部）']);
    const rows = within(byDomain).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['儿童与健康', '2', '2', '2', '0', '0', '0', '0', '100.0%', '100.0%'],
      ['儿童与教育', '1', '1', '0', '0', '1', '0', '0', '0.0%', '0.0%'],
      ['合计', '3', '3', '2', '0', '1', '0', '0', '66.7%', '66.7%'],
    ]);
    expect(byDomain).toHaveTextContent('基本达标：完成程度不低于 90.0%。');
    const indicators = screen.getByRole('region', { name: zh.rowsHeading });
    expect(within(indicators).getByRole('row', { name: /C-HEA-04/ })).toHaveTextContent('≤5‰5.944.8（2025）已达标 · 数据冲突进展顺利卫健局');
    expect(screen.getByRole('region', { name: zh.definitionsHeading })).toHaveTextContent('达标率（有数据）= 已达标 ÷（可监测数 − 未到期 − 无数据）');
    expect(screen.getByRole('button', { name: zh.print })).toBeInTheDocument();
  });

  it('未到期 is split by progress status', async () => {
    const fixture = evaluationFixture(2025);
    const evaluation = { ...fixture, total: { ...fixture.total, notYetDue: 3, notYetDueByProgress: { onTrack: 2, regressing: 1, limited: 0 } } };
    renderWorkspace('/web/bureau/evaluation?plan=children&year=2025', { 'GET /monitoring/children/2025/evaluation': ok(valid(EvaluationSchema, evaluation)) });
    expect(await screen.findByText('未到期 3 项，按进展：进展顺利 2，倒退 1。')).toBeInTheDocument();
  });

  it('2030 is the 终期评估, 2024 the 年度监测 (the year selector asks again)', async () => {
    renderWorkspace('/web/bureau/evaluation?plan=children&year=2030', {
      'GET /monitoring/children/2030/evaluation': ok(evaluationFixture(2030)),
      'GET /monitoring/children/2024/evaluation': ok(evaluationFixture(2024)),
    });
    expect(await screen.findByRole('heading', { level: 1, name: '2030年终期评估 · 儿童发展规划' })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: zh.year }), '2024');
    expect(await screen.findByRole('heading', { level: 1, name: '2024年度监测评估 · 儿童发展规划' })).toBeInTheDocument();
  });

  it('empty: 尚无单位提交; error: the server\u2019s message', async () => {
    const first = renderWorkspace('/web/bureau/evaluation?plan=children&year=2025', { 'GET /monitoring/children/2025/evaluation': ok(evaluationFixture(2025, { empty: true })) });
    expect(await screen.findByText('尚无单位提交')).toBeInTheDocument();
    first.unmount();
    renderWorkspace('/web/bureau/evaluation?plan=children&year=2025', { 'GET /monitoring/children/2025/evaluation': apiError(503, 'server.busy', '服务器繁忙，请稍后再试。') });
    expect(await screen.findByRole('alert')).toHaveTextContent('服务器繁忙，请稍后再试。');
  });
});

describe('moving between the workspace\u2019s pages', () => {
  it('the plan and year chosen are remembered for the tab (the shell\u2019s links carry no query); an unknown path says so', async () => {
    const { navigate } = renderWorkspace('/web/bureau/warnings?plan=women&year=2024', { 'GET /monitoring/women/2024/warnings': ok({ plan: 'women', year: 2024, warnings: [] }), 'GET /monitoring/women/2024/evaluation': ok({ ...evaluationFixture(2024), plan: 'women' }) });
    await screen.findByText(zh.noWarnings);
    act(() => navigate('/web/bureau/evaluation'));
    expect(await screen.findByRole('heading', { level: 1, name: '2024年度监测评估 · 妇女发展规划' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: zh.plan })).toHaveValue('women');
    act(() => navigate('/web/bureau/nothing-here'));
    expect(await screen.findByText(zh.notFound)).toBeInTheDocument();
  });
});
