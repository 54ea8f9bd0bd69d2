/**
 * 概览's GMV trend line, drawn by the 数据 pages' chart component (ECharts loads with its own
 * chunk when this first mounts, so it stays out of the first screen).
 */
import { useMemo } from 'react';
import { formatFen } from '@common/money';
import InsightChart from '../insight/InsightChart';

export interface TrendPoint {
  day: string;
  gmvFen: number;
  orders: number;
}

export default function TrendChart({ points }: { points: TrendPoint[] }) {
  const option = useMemo(
    () => ({
      grid: { left: 64, right: 24, top: 24, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatFen(Math.round(Number(v) * 100)) },
      xAxis: { type: 'category', data: points.map((p) => p.day.slice(5)) },
      yAxis: { type: 'value', name: 'GMV（元）' },
      series: [{ type: 'line', name: 'GMV', smooth: true, areaStyle: { opacity: 0.1 }, data: points.map((p) => p.gmvFen / 100) }],
    }),
    [points],
  );
  return <InsightChart option={option} height={300} testId="gmv-trend" />;
}
