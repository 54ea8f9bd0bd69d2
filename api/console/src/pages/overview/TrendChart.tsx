/**
 * 概览's GMV trend line. ECharts (core + the line chart, grid and tooltip only) is imported when
 * this component first mounts, so it is a chunk of its own and stays out of the first screen.
 */
import { Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { formatFen } from '@common/money';

export interface TrendPoint {
  day: string;
  gmvFen: number;
  orders: number;
}

export default function TrendChart({ points }: { points: TrendPoint[] }) {
  const el = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const onResize = () => chart?.resize();
    import('./echarts-line').then((echarts) => {
      if (disposed || !el.current) return;
      const c = echarts.init(el.current);
      c.setOption({
        // No draw-in animation: the figures are read at a glance, and a screenshot shows the whole line.
        animation: false,
        grid: { left: 64, right: 24, top: 24, bottom: 32 },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `¥${formatFen(Math.round(Number(v) * 100))}` },
        xAxis: { type: 'category', data: points.map((p) => p.day.slice(5)) },
        yAxis: { type: 'value', name: 'GMV（元）' },
        series: [{ type: 'line', name: 'GMV', smooth: true, areaStyle: { opacity: 0.1 }, data: points.map((p) => p.gmvFen / 100) }],
      });
      chart = c;
      setReady(true);
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [points]);
  return (
    <div style={{ position: 'relative' }}>
      {!ready && <Skeleton active paragraph={{ rows: 6 }} />}
      <div ref={el} data-testid="gmv-trend" style={{ height: 300, visibility: ready ? 'visible' : 'hidden', position: ready ? 'static' : 'absolute', inset: 0 }} />
    </div>
  );
}
