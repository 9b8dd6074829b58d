/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import { bureauStrings } from '../../../../src/apps/web/bureau/bureau-strings';
import { targetOf, townshipData, trendData } from '../../../../src/apps/web/bureau/charts/chart-data';
import { chartOption } from '../../../../src/apps/web/bureau/charts/IndicatorChart';
import { ConsolidationSchema, SeriesSchema } from '../../../../src/contract/monitoring';
import { apiError, consolidationFixture, ok, pending, progress, renderWorkspace, seriesFixture, valid } from './bureau-test-kit';

// The real ECharts draws the charts here, as SVG in jsdom. Jest does not compile the library's ES modules
// (echarts/core …, which the app's webpack build tree-shakes), so the one module that imports them is given
// the library's own CommonJS build, which registers every chart and component.
jest.mock('../../../../src/apps/web/bureau/charts/echarts-setup', () => ({ init: (jest.requireActual('echarts/dist/echarts.js') as { init: unknown }).init }));

const zh = bureauStrings['zh-CN'];

beforeAll(() => {
  // jsdom has no canvas: ECharts measures text without one (its estimate), say nothing about it
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});

const routes = {
  'GET /monitoring/children/2025/series': ok(seriesFixture()),
  'GET /monitoring/children/2025/consolidation': ok(consolidationFixture()),
};

describe('指标 (an indicator\u2019s page)', () => {
  it('the trend chart draws the observed values and a 目标值 line with its target year, and its table says the same', async () => {
    const { container } = renderWorkspace('/web/bureau/indicators/children/C-HEA-04?year=2025', routes);
    expect(await screen.findByRole('heading', { level: 1, name: 'C-HEA-04 婴儿死亡率' })).toBeInTheDocument();
    expect(screen.getByText(/进展：进展顺利/)).toBeInTheDocument();
    const figure = screen.getByRole('figure', { name: zh.trendCaption('婴儿死亡率', '‰') });
    // the chart: an SVG whose legend names the target line, and the target's end label
    await waitFor(() => expect(figure.querySelector('svg')).not.toBeNull());
    const svgText = figure.querySelector('svg')?.textContent ?? '';
    expect(svgText).toContain('目标值');
    expect(svgText).toContain('监测值');
    expect(svgText).toContain('目标值 5（2030年）');
    expect(svgText).toContain('终期目标（2030年）');
    // the dashed target line is drawn (a path in the target's colour)
    expect(figure.querySelector('path[stroke="#c50f1f"]')).not.toBeNull();
    expect(figure.querySelector('.bureau-chart')).toHaveAttribute('aria-label', expect.stringContaining(zh.trendCaption('婴儿死亡率', '‰')));
    // the table alternative: every year 2020 … 2030, the target in every row
    const table = within(figure).getByRole('region', { name: `${zh.trendCaption('婴儿死亡率', '‰')} · ${zh.chartTable}` });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows[0]).toEqual(['2020', '5.94', '规划基期值', '5']);
    expect(rows[1]).toEqual(['2021', '—', '', '5']);
    expect(rows[5]).toEqual(['2025', '4.8', '监测值', '5']);
    expect(rows[10]).toEqual(['2030', '—', '', '5 · 终期目标（2030年）']);
    expect(rows).toHaveLength(11);
    expect(container.querySelector('.bureau-chart')).not.toBeNull();
  });

  it('a per-township indicator: bars per township against the 目标值, and the table says who meets it', async () => {
    renderWorkspace('/web/bureau/indicators/children/C-WEL-07?year=2025', routes);
    const figure = await screen.findByRole('figure', { name: zh.townshipCaption('每个乡镇（街道）儿童督导员人数', '名') });
    await waitFor(() => expect(figure.querySelector('svg')).not.toBeNull());
    const svgText = figure.querySelector('svg')?.textContent ?? '';
    expect(svgText).toContain('目标值');
    expect(svgText).toContain('桂山街道');
    const rows = within(figure).getAllByRole('row').slice(1).map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['桂山街道', '2', '1', '达到', '达标'],
      ['古城街道', '0', '1', '未达到', '未达标'],
      ['扬武镇', '—', '1', '', '无数据'],
    ]);
  });

  it('an indicator without numbers (text, yes/no): no chart, its value as reported', async () => {
    const series = seriesFixture();
    const consolidation = consolidationFixture();
    const textSeries = { ...series, indicators: [...series.indicators, { ...series.indicators[0]!, id: 'C-HEA-01', name: '儿童健康服务体系', unit: '文字', points: [], progress: null }] };
    const textLine = { ...consolidation.indicators[0]!, id: 'C-HEA-01', name: '儿童健康服务体系', unit: '文字', value: '建成县乡村三级服务网络', text: '建成县乡村三级服务网络', status: 'notAssessable', conflict: false };
    renderWorkspace('/web/bureau/indicators/children/C-HEA-01?year=2025', {
      'GET /monitoring/children/2025/series': ok(valid(SeriesSchema, textSeries)),
      'GET /monitoring/children/2025/consolidation': ok(valid(ConsolidationSchema, { ...consolidation, indicators: [...consolidation.indicators, textLine] })),
    });
    expect(await screen.findByText(zh.noSeries)).toBeInTheDocument();
    expect(screen.getByText(/本年值：建成县乡村三级服务网络 · 不作评估/)).toBeInTheDocument();
    expect(document.querySelector('.bureau-chart')).toBeNull();
  });

  it('an unknown indicator, loading, and an error', async () => {
    const first = renderWorkspace('/web/bureau/indicators/children/C-NOPE-01?year=2025', routes);
    expect(await screen.findByText(zh.indicatorMissing('C-NOPE-01'))).toBeInTheDocument();
    first.unmount();
    const second = renderWorkspace('/web/bureau/indicators/children/C-HEA-04?year=2025', { ...routes, 'GET /monitoring/children/2025/series': pending });
    expect(await screen.findByText(zh.loading)).toBeInTheDocument();
    second.unmount();
    renderWorkspace('/web/bureau/indicators/children/C-HEA-04?year=2025', { ...routes, 'GET /monitoring/children/2025/series': apiError(503, 'server.busy', '服务器繁忙，请稍后再试。') });
    expect(await screen.findByRole('alert')).toHaveTextContent('服务器繁忙，请稍后再试。');
  });
});

describe('the charts\u2019 data', () => {
  const series = seriesFixture().indicators;

  it('trendData: a row per year from the first point to the target year; the target only in the value\u2019s own terms', () => {
    const trend = trendData(series[0]!);
    expect(trend.target).toEqual({ value: 5, year: 2030, role: 'final' });
    expect(trend.rows.map((row) => row.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(trend.rows.filter((row) => row.value !== null).map((row) => [row.year, row.value, row.source])).toEqual([
      [2020, 5.94, 'baseline'],
      [2023, 5.1, 'observed'],
      [2025, 4.8, 'observed'],
    ]);
    expect(targetOf(progress({ measure: 'share', targetValue: 60 }))).toBeNull();
    expect(targetOf(progress({ measure: 'value', targetValue: null }))).toBeNull();
    expect(targetOf(null)).toBeNull();
    expect(trendData({ ...series[0]!, points: [{ year: 2025, value: { left: 2, right: 3 }, source: 'observed' }] }).rows).toEqual([]);
  });

  it('townshipData: each township against the threshold, in the direction of the target', () => {
    const line = consolidationFixture().indicators[2]!;
    expect(townshipData(line, series[1]).threshold).toBe(1);
    expect(townshipData(line, series[1]).rows.map((row) => row.meets)).toEqual([true, false, null]);
    expect(townshipData(line, undefined)).toMatchObject({ threshold: null, rows: [{ meets: null }, { meets: null }, { meets: null }] });
  });

  it('chartOption: the target is a series of its own named 目标值 (the legend), dashed, and marks its year', () => {
    const labels = { observed: zh.observed, target: zh.target, targetLine: zh.targetLine, milestone: zh.milestone, finalTarget: zh.finalTarget, description: 'x' };
    const option = chartOption({ kind: 'trend', data: { rows: [{ year: 2020, value: 5.94, source: 'baseline' }, { year: 2025, value: 4.8, source: 'observed' }], target: { value: 5, year: 2025, role: 'milestone' } }, unit: '‰', labels }) as {
      series: { name: string; data: unknown[]; lineStyle?: { type: string } }[];
    };
    expect(option.series.map((item) => item.name)).toEqual(['监测值', '目标值']);
    expect(option.series[1]).toMatchObject({ data: [5, 5], lineStyle: { type: 'dashed' } });
    const axis = (option as unknown as { xAxis: { axisLabel: { formatter: (year: string) => string } } }).xAxis;
    expect(axis.axisLabel.formatter('2025')).toBe('2025\n中期目标（2025年）');
    expect(axis.axisLabel.formatter('2020')).toBe('2020');
    const noTarget = chartOption({ kind: 'trend', data: { rows: [{ year: 2020, value: 1, source: 'baseline' }], target: null }, unit: '', labels }) as { series: { name: string }[] };
    expect(noTarget.series.map((item) => item.name)).toEqual(['监测值']);
  });
});
