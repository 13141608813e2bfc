// The parts of ECharts the calculator draws with: line and bar series, a plain grid, the
// scrolling legend, tooltips, zoom by wheel and by slider, and marker lines, painted on a
// canvas. Add a chart or component here when a chart starts using it; ECharts ignores
// options whose component is not registered. Each unused piece costs first-visit bytes
// (PERFORMANCE.md has the figures): scatter, mark points and areas, titles and aria were
// left out for that reason. The SVG renderer stays for the charts' SVG export.
import * as echarts from 'echarts/core';
import { LineChart, BarChart } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  LegendScrollComponent,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  MarkLineComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  LineChart, BarChart,
  GridComponent, TooltipComponent, LegendScrollComponent,
  DataZoomInsideComponent, DataZoomSliderComponent, MarkLineComponent,
  CanvasRenderer, SVGRenderer,
]);

globalThis.echarts = echarts;
