/** 数据 · 口径: every metric's definition (the same words as the README), and the ROI page's actual figures. */
import { Button, Card, Descriptions, Result, Skeleton } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { ROI_DEFINITIONS } from './Roi';
import { useLoad, type MetricDef } from './shared';

const ROI_LABELS: Record<string, string> = { membersJoined: '新入会', mauShare: '活跃占比', conversion: '转化率', aovFen: '客单价', gmvFen: '私域 GMV', costFen: '成本', roiX100: 'ROI' };

export default function DefinitionsPage() {
  const [params] = useSearchParams();
  const picked = params.get('metric');
  const { data, error, reload } = useLoad(() => call<{ metrics: MetricDef[] }>(api.GET('/api/hq/metrics/definitions')), []);
  if (error) return <Result status="error" title="口径加载失败" subTitle={error} extra={<Button onClick={reload}>重试</Button>} />;
  if (!data) return <Skeleton active />;
  const mark = (key: string) => (key === picked ? { background: '#fffbe6' } : undefined);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Card size="small" title="ROI 实际值口径">
        <Descriptions column={1} size="small" bordered>
          {Object.entries(ROI_DEFINITIONS).map(([k, text]) => (
            <Descriptions.Item key={k} label={ROI_LABELS[k] ?? k} contentStyle={mark(k)}>
              {text}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Card size="small" title="指标口径（北京时间；日/周/月，全渠道、门店、导购）">
        <Descriptions column={1} size="small" bordered>
          {data.metrics.map((m) => (
            <Descriptions.Item key={m.key} label={m.label} contentStyle={mark(m.key)}>
              {m.definition}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
    </div>
  );
}
