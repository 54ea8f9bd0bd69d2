/**
 * The part of ECharts 概览 needs (a line chart with grid and tooltip on canvas), imported by name so
 * the bundler leaves the other charts and components out. Loaded only through a dynamic import.
 */
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export { init };
