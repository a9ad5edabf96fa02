/**
 * ECharts with only what the dashboard draws (line and bar charts on a grid, tooltip, legend, the
 * canvas renderer): about a third of the full package. Loaded on demand by <EChart>, so neither
 * the login page nor the other pages carry it.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
