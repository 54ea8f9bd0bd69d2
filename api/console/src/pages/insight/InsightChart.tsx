/** One ECharts chart of the 数据 pages; ECharts loads with this component's own chunk. */
import { Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';

export default function InsightChart({ option, height = 320, testId }: { option: Record<string, unknown>; height?: number; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const onResize = () => chart?.resize();
    import('./echarts-insight').then((echarts) => {
      if (disposed || !el.current) return;
      const c = echarts.init(el.current);
      // No draw-in animation: figures are read at a glance, and a screenshot shows the whole line.
      c.setOption({ animation: false, ...option });
      chart = c;
      setReady(true);
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [option]);
  return (
    <div style={{ position: 'relative' }}>
      {!ready && <Skeleton active paragraph={{ rows: 6 }} />}
      <div ref={el} data-testid={testId} style={{ height, visibility: ready ? 'visible' : 'hidden', position: ready ? 'static' : 'absolute', inset: 0 }} />
    </div>
  );
}
