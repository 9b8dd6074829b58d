/**
 * Apache ECharts, only what the bureau's charts draw (docs/decisions/0012-web-charts.md): line and bar
 * charts, the grid, axes, legend, tooltip, mark lines (the target, the milestone year), the aria description,
 * drawn as SVG (crisp in print, readable by tests in jsdom). Imported by the chart component alone, which the
 * indicator page loads on demand: the library stays out of every other page's chunk.
 */
import { init, use } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

export { init };
