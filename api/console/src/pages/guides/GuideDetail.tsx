/**
 * 导购详情 (a direct URL such as /guides/12): the guide and their commission figures. A store
 * manager asking for another store's guide gets 404 from the API, shown as 无权访问.
 */
import { Button, Card, Descriptions, Result, Skeleton, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError, api, call } from '../../api/client';
import { yuan } from '../../format';
import { NoAccess } from '../NoAccess';

interface Guide {
  id: number;
  name: string;
  storeId: number;
  status: string;
  linked: boolean;
}
interface Commission {
  figures: { accruedFen: number; heldFen: number; releasedFen: number; reversedFen: number };
}

type State = { kind: 'loading' } | { kind: 'denied' } | { kind: 'error'; message: string } | { kind: 'ok'; guide: Guide; commission: Commission };

export default function GuideDetailPage() {
  const id = Number(useParams().id);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const path = { params: { path: { id } } };
      const [guide, commission] = await Promise.all([call<Guide>(api.GET('/api/hq/guides/{id}', path)), call<Commission>(api.GET('/api/hq/guides/{id}/commission', path))]);
      setState({ kind: 'ok', guide, commission });
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 403 || err.status === 400)) setState({ kind: 'denied' });
      else setState({ kind: 'error', message: err instanceof Error ? err.message : '加载失败' });
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <Skeleton active />;
  if (state.kind === 'denied') return <NoAccess />;
  if (state.kind === 'error') return <Result status="error" title="导购信息加载失败" subTitle={state.message} extra={<Button onClick={load}>重试</Button>} />;
  const { guide, commission } = state;
  return (
    <Card title={`导购：${guide.name}`}>
      <Descriptions column={2} bordered size="small">
        <Descriptions.Item label="门店">#{guide.storeId}</Descriptions.Item>
        <Descriptions.Item label="状态">{guide.status === 'active' ? <Tag color="green">在职</Tag> : <Tag>已离职</Tag>}</Descriptions.Item>
        <Descriptions.Item label="已绑定小程序账号">{guide.linked ? '是' : '否'}</Descriptions.Item>
        <Descriptions.Item label="累计佣金（元）">{yuan(commission.figures.accruedFen)}</Descriptions.Item>
        <Descriptions.Item label="待结算（元）">{yuan(commission.figures.heldFen)}</Descriptions.Item>
        <Descriptions.Item label="已结算（元）">{yuan(commission.figures.releasedFen)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
