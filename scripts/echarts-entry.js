// The parts of ECharts the calculator draws with. Add a chart or component here when a
// chart starts using it; ECharts ignores options whose component is not registered.
import * as echarts from 'echarts/core';
import { LineChart, BarChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  MarkLineComponent,
  MarkPointComponent,
  MarkAreaComponent,
  TitleComponent,
  AriaComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  LineChart, BarChart, ScatterChart,
  GridComponent, TooltipComponent, LegendComponent, DataZoomComponent,
  MarkLineComponent, MarkPointComponent, MarkAreaComponent, TitleComponent, AriaComponent,
  CanvasRenderer, SVGRenderer,
]);

globalThis.echarts = echarts;
