/**
 * Apache ECharts, only what the bureau's charts draw (docs/decisions/0012-web-charts.md): line and bar
 * charts on a grid with a legend, drawn as SVG (crisp in print, readable by tests in jsdom). No tooltip, mark
 * lines or aria module: the target is a series of its own (so the legend names it), the target year is
 * written under its axis label, and the page gives the chart its accessible name and a table with every
 * figure. Each of those modules would cost 10–30 KiB on top of ~530 KiB (ECharts 345 KiB and its renderer
 * zrender 182 KiB, two chunks: the web budget allows 512 KiB per file). Imported by the chart component alone, which the indicator page
 * loads on demand: the library stays out of every other page's chunk.
 */
import { init, use } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, BarChart, GridComponent, LegendComponent, SVGRenderer]);

export { init };
