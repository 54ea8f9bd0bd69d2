/** 会员分群's charts: the RFM segment distribution (pie) and members per behaviour tag (bar). ECharts loads on first mount. */
import { Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { SEGMENT_LABELS } from '@common/insight/rfm';
import { RULE_TAG_LABELS } from '@common/insight/tags';
import type { SegmentDistributionDto } from '@common/insight/types';

export default function SegmentCharts({ data, onPick }: { data: SegmentDistributionDto; onPick: (segment: string) => void }) {
  const pieEl = useRef<HTMLDivElement>(null);
  const barEl = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    const charts: { dispose(): void; resize(): void }[] = [];
    const onResize = () => charts.forEach((c) => c.resize());
    import('./echarts-segments').then((echarts) => {
      if (disposed || !pieEl.current || !barEl.current) return;
      const pie = echarts.init(pieEl.current);
      pie.setOption({
        animation: false,
        tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
        legend: { orient: 'vertical', left: 0, top: 'middle' },
        series: [
          {
            type: 'pie',
            radius: ['35%', '70%'],
            center: ['62%', '50%'],
            data: data.segments.map((s) => ({ name: SEGMENT_LABELS[s.segment], value: s.members, code: s.segment })),
          },
        ],
      });
      pie.on('click', (p) => {
        const code = (p.data as { code?: string } | null)?.code;
        if (code) onPick(code);
      });
      const bar = echarts.init(barEl.current);
      bar.setOption({
        animation: false,
        grid: { left: 80, right: 24, top: 16, bottom: 24 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: data.tags.map((t) => RULE_TAG_LABELS[t.tag]) },
        series: [{ type: 'bar', name: '会员数', data: data.tags.map((t) => t.members), barMaxWidth: 24 }],
      });
      charts.push(pie, bar);
      setReady(true);
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      charts.forEach((c) => c.dispose());
    };
  }, [data, onPick]);
  const box = { height: 280, visibility: ready ? 'visible' : 'hidden' } as const;
  return (
    <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap' }}>
      {!ready && <Skeleton active paragraph={{ rows: 6 }} />}
      <div ref={pieEl} data-testid="segment-pie" style={{ ...box, flex: '1 1 420px' }} />
      <div ref={barEl} data-testid="tag-bar" style={{ ...box, flex: '1 1 320px' }} />
    </div>
  );
}
