/**
 * The indicator page's charts, drawn by ECharts as SVG: the trend (监测值 by year, the plan's 2020 baseline,
 * the target as a dashed line named 目标值 in the legend and at its end, the target year's axis label naming
 * the milestone or final target) and the townships' bars against the same 目标值 line. Loaded on demand
 * (React.lazy) with the library; the chart is an image with an accessible name, and the page shows the same
 * figures as a table below it, which is what a screen reader reads and what always prints.
 */
import { useEffect, useRef } from 'react';
import { init } from './echarts-setup';
import type { TownshipData, TrendData } from './chart-data';

export interface ChartLabels {
  readonly observed: string;
  readonly target: string;
  readonly targetLine: (value: string, year: number) => string;
  readonly milestone: (year: number) => string;
  readonly finalTarget: (year: number) => string;
  /** The chart's description for assistive technology (the table says the rest). */
  readonly description: string;
}

export type IndicatorChartProps = { readonly labels: ChartLabels; readonly unit: string } & ({ readonly kind: 'trend'; readonly data: TrendData } | { readonly kind: 'township'; readonly data: TownshipData });

const HEIGHT = 320;
const TARGET_COLOR = '#c50f1f';
const VALUE_COLOR = '#0f6cbd';
const FONT = '"Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';

/** The ECharts option of a chart: plain data in, the option out (exported for tests). */
export function chartOption(props: IndicatorChartProps): Record<string, unknown> {
  const { labels, unit } = props;
  const common = {
    animation: false,
    textStyle: { fontFamily: FONT },
    legend: { top: 0 },
    // room on the right for the target line's end label (目标值 5（2030年）)
    grid: { left: 56, right: props.kind === 'trend' ? 150 : 32, top: 40, bottom: 32, containLabel: true },
    yAxis: { type: 'value', name: unit, scale: true },
  };
  if (props.kind === 'trend') {
    const { rows, target } = props.data;
    const years = rows.map((row) => String(row.year));
    const targetYear = target ? String(target.year) : null;
    const targetWord = target ? (target.role === 'milestone' ? labels.milestone(target.year) : labels.finalTarget(target.year)) : '';
    return {
      ...common,
      xAxis: {
        type: 'category',
        data: years,
        boundaryGap: false,
        // the target year is named under its label: 2030 / 终期目标（2030年）
        axisLabel: { interval: 0, formatter: (year: string) => (year === targetYear ? `${year}\n${targetWord}` : year) },
      },
      series: [
        {
          name: labels.observed,
          type: 'line',
          data: rows.map((row) => row.value),
          connectNulls: true,
          symbolSize: 8,
          itemStyle: { color: VALUE_COLOR },
          label: { show: true, position: 'top' },
        },
        ...(target
          ? [
              {
                name: labels.target,
                type: 'line',
                data: rows.map(() => target.value),
                symbol: 'none',
                lineStyle: { color: TARGET_COLOR, type: 'dashed', width: 2 },
                itemStyle: { color: TARGET_COLOR },
                endLabel: { show: true, formatter: labels.targetLine(String(target.value), target.year), color: TARGET_COLOR },
              },
            ]
          : []),
      ],
    };
  }
  const { rows, threshold } = props.data;
  return {
    ...common,
    xAxis: { type: 'category', data: rows.map((row) => row.name), axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 } },
    series: [
      {
        name: labels.observed,
        type: 'bar',
        itemStyle: { color: VALUE_COLOR },
        data: rows.map((row) => ({ value: row.value, itemStyle: { color: row.meets === false ? TARGET_COLOR : VALUE_COLOR } })),
        label: { show: true, position: 'top' },
      },
      ...(threshold !== null
        ? [
            {
              name: labels.target,
              type: 'line',
              data: rows.map(() => threshold),
              symbol: 'none',
              step: 'middle',
              lineStyle: { color: TARGET_COLOR, type: 'dashed', width: 2 },
              itemStyle: { color: TARGET_COLOR },
            },
          ]
        : []),
    ],
  };
}

export default function IndicatorChart(props: IndicatorChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const option = chartOption(props);
  // what the chart says: redrawn only when it changes (the option itself holds functions)
  const said = JSON.stringify([props.kind, props.data, props.unit, props.labels.description]);
  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const width = element.clientWidth || 720;
    const chart = init(element, null, { renderer: 'svg', width, height: HEIGHT });
    chart.setOption(option);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => element.clientWidth > 0 && chart.resize({ width: element.clientWidth, height: HEIGHT }));
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      chart.dispose();
    };
  }, [said]);
  return <div ref={container} className="bureau-chart" role="img" aria-label={props.labels.description} style={{ width: '100%', height: HEIGHT }} />;
}
