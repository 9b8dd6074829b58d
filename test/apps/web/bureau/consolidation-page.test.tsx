/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bureauStrings } from '../../../../src/apps/web/bureau/bureau-strings';
import { filterLines, lineStatus } from '../../../../src/apps/web/bureau/ConsolidationPage';
import { apiError, consolidationFixture, ok, pending, renderWorkspace } from './bureau-test-kit';

const zh = bureauStrings['zh-CN'];
const PATH = '/web/bureau/consolidation?plan=children&year=2025';

/** The indicators shown: the row headers of the table's own rows (not the townships' tables inside it). */
const rowNames = () =>
  [...(screen.getByRole('region', { name: zh.consolidationHeading }).querySelector(':scope > table > tbody')?.children ?? [])].map((row) => row.querySelector(':scope > th')?.textContent);

describe('汇总 (the consolidation)', () => {
  it('one line per indicator: county value, status, whose value, conflicts with every value, townships rolled up', async () => {
    renderWorkspace(PATH, { 'GET /monitoring/children/2025/consolidation': ok(consolidationFixture()) });
    expect(await screen.findByRole('heading', { level: 1, name: /汇总 · 儿童发展规划 · 2025/ })).toBeInTheDocument();
    const table = await screen.findByRole('region', { name: zh.consolidationHeading });
    expect(rowNames()).toEqual(['C-HEA-04 婴儿死亡率', 'C-EDU-02 学前教育毛入园率', 'C-WEL-07 每个乡镇（街道）儿童督导员人数']);
    const infant = within(table).getByRole('row', { name: /C-HEA-04/ });
    expect(infant).toHaveTextContent('4.8 ‰');
    expect(infant).toHaveTextContent('卫健局');
    expect(within(infant).getByRole('list', { name: zh.conflictValues })).toHaveTextContent('卫健局：4.8民政局：5.2');
    const welfare = within(table).getByRole('row', { name: /C-WEL-07/ });
    expect(welfare).toHaveTextContent('达标 1/3，未达标 1，未到期 0，无数据 1');
    expect(welfare).toHaveTextContent('未达标：古城街道');
    expect(welfare).toHaveTextContent('无数据：扬武镇');
    expect(within(table).getByRole('link', { name: 'C-HEA-04 婴儿死亡率' })).toHaveAttribute('href', '/web/bureau/indicators/children/C-HEA-04?plan=children&year=2025');
    expect(screen.getByText(zh.shown(3, 3))).toBeInTheDocument();
  });

  it('filters by 领域, by status and by township (a township\u2019s own line)', async () => {
    renderWorkspace(PATH, { 'GET /monitoring/children/2025/consolidation': ok(consolidationFixture()) });
    await screen.findByRole('region', { name: zh.consolidationHeading });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: zh.domain }), '儿童与教育');
    expect(rowNames()).toEqual(['C-EDU-02 学前教育毛入园率']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: zh.domain }), '');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: zh.status }), 'notMet');
    expect(rowNames()).toEqual(['C-EDU-02 学前教育毛入园率', 'C-WEL-07 每个乡镇（街道）儿童督导员人数']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: zh.status }), '');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: zh.township }), 'gszd');
    expect(rowNames()).toEqual(['C-WEL-07 每个乡镇（街道）儿童督导员人数']);
    const row = within(screen.getByRole('region', { name: zh.consolidationHeading })).getByRole('row', { name: /C-WEL-07/ });
    expect(row).toHaveTextContent('2 名');
    expect(row).toHaveTextContent('达标');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: zh.status }), 'notMet');
    expect(screen.getByText(zh.noMatch)).toBeInTheDocument();
    expect(screen.getByText(zh.shown(0, 3))).toBeInTheDocument();
  });

  it('the plan and year selectors ask for that plan-year', async () => {
    const { calls } = renderWorkspace(PATH, {
      'GET /monitoring/children/2025/consolidation': ok(consolidationFixture()),
      'GET /monitoring/women/2025/consolidation': ok({ ...consolidationFixture({ empty: true }), plan: 'women' }),
    });
    await screen.findByRole('region', { name: zh.consolidationHeading });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: zh.plan }), 'women');
    expect(await screen.findByRole('heading', { level: 1, name: /妇女发展规划/ })).toBeInTheDocument();
    await waitFor(() => expect(calls.map((call) => call.path)).toContain('/monitoring/women/2025/consolidation'));
  });

  it('empty: 尚无单位提交', async () => {
    renderWorkspace(PATH, { 'GET /monitoring/children/2025/consolidation': ok(consolidationFixture({ empty: true })) });
    expect(await screen.findByText('尚无单位提交')).toBeInTheDocument();
  });

  it('loading and error states', async () => {
    renderWorkspace(PATH, { 'GET /monitoring/children/2025/consolidation': pending });
    expect(await screen.findByText(zh.loading)).toBeInTheDocument();
  });

  it('error: the server\u2019s message', async () => {
    renderWorkspace(PATH, { 'GET /monitoring/children/2025/consolidation': apiError(400, 'request.invalid', '年度应在2021—2030年之间（规划期）') });
    expect(await screen.findByRole('alert')).toHaveTextContent('年度应在2021—2030年之间（规划期）');
  });

  it('downloads the monitoring report and the CSV through a Blob link named by the server', async () => {
    const created: Blob[] = [];
    const clicked: string[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return `blob:report-${created.length}`;
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.download} ${this.href}`);
    });
    const { calls } = renderWorkspace(PATH, {
      'GET /monitoring/children/2025/consolidation': ok(consolidationFixture()),
      'GET /monitoring/children/2025/report.xlsx': { status: 200, bytes: new Uint8Array([0x50, 0x4b, 3, 4]), headers: { 'content-disposition': 'attachment; filename="children-2025-monitoring.xlsx"' } },
      'GET /monitoring/children/2025/report.csv': apiError(403, 'auth.bureauOnly', '只有统计局可以下载监测报告。'),
    });
    await userEvent.click(await screen.findByRole('button', { name: zh.downloadXlsx }));
    await waitFor(() => expect(clicked).toEqual(['children-2025-monitoring.xlsx blob:report-1']));
    expect(created[0]?.size).toBe(4);
    expect(calls.find((call) => call.path.endsWith('report.xlsx'))?.headers.accept).toBe('*/*');
    await userEvent.click(screen.getByRole('button', { name: zh.downloadCsv }));
    expect(await screen.findByRole('alert')).toHaveTextContent('下载失败：只有统计局可以下载监测报告。');
    click.mockRestore();
  });
});

describe('the consolidation\u2019s filters', () => {
  const lines = consolidationFixture().indicators;
  it('a per-township indicator is filtered by its roll-up, or by the township\u2019s own status', () => {
    expect(lineStatus(lines[2]!)).toBe('notMet');
    expect(lineStatus(lines[2]!, 'gszd')).toBe('met');
    expect(lineStatus(lines[2]!, 'nowhere')).toBe('missing');
    expect(filterLines(lines, { domain: '', status: 'met', township: '' }).map((line) => line.id)).toEqual(['C-HEA-04']);
    expect(filterLines(lines, { domain: '', status: 'noData', township: 'yjz' }).map((line) => line.id)).toEqual(['C-WEL-07']);
  });
});
