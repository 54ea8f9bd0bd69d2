/**
 * The part of ECharts 会员分群 needs (a pie and a bar chart with tooltip, legend and grid on
 * canvas), imported by name and loaded only through a dynamic import.
 */
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([PieChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { init };
