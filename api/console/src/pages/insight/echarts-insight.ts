/** The part of ECharts the 数据 pages need (lines and a funnel on canvas), loaded only through a dynamic import. */
import { FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([LineChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { init };
