/**
 * 自提核销 (the store counter in the console): pick the store (a store manager has only their
 * own), scan or type the 8-digit pickup code, see the order, and 确认取货 — which completes it.
 * A code of another store is "not found"; one already collected says so.
 */
import { Alert, Button, Card, Descriptions, Empty, Input, Result, Select, Space, Spin, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { formatFen } from '@common/money';
import { PICKUP_STATE_LABELS, type PickupStoreDto, type PickupView } from '@common/pickup/types';
import { isPickupCode } from '@common/pickup/rules';
import { api, call } from '../../api/client';
import { beijing } from '../../format';
import { loadError } from '../../form-dialogs';

export default function PickupDesk() {
  const [stores, setStores] = useState<PickupStoreDto[] | null>(null);
  const [storesError, setStoresError] = useState<string | null>(null);
  const [storeId, setStoreId] = useState<number | undefined>();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<PickupView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<PickupView | null>(null);

  const loadStores = () => {
    setStoresError(null);
    call<PickupStoreDto[]>(api.GET('/api/hq/pickup/stores')).then(
      (list) => {
        setStores(list);
        setStoreId((cur) => cur ?? list[0]?.storeId);
      },
      (err) => setStoresError(loadError(err)),
    );
  };
  useEffect(loadStores, []);

  const lookup = async (raw: string) => {
    const c = raw.replace(/\s/g, '');
    setCode(c);
    setFound(null);
    setDone(null);
    setError(null);
    if (!isPickupCode(c)) return setError('提货码为 8 位数字');
    if (storeId === undefined) return setError('请先选择门店');
    setBusy(true);
    try {
      setFound(await call<PickupView>(api.GET('/api/hq/pickup/lookup', { params: { query: { code: c, storeId } } })));
    } catch (err) {
      setError(loadError(err));
    } finally {
      setBusy(false);
    }
  };

  const collect = async () => {
    if (!found || storeId === undefined) return;
    setBusy(true);
    try {
      const view = await call<PickupView>(api.POST('/api/hq/pickup/collect', { body: { code, storeId } }));
      setDone(view);
      setFound(null);
    } catch (err) {
      setError(loadError(err));
    } finally {
      setBusy(false);
    }
  };

  if (storesError) return <Result status="error" title="门店加载失败" subTitle={storesError} extra={<Button onClick={loadStores}>重试</Button>} />;
  if (!stores) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (!stores.length) return <Empty style={{ marginTop: 80 }} description="还没有门店；请先在「门店」中新建门店并开放自提" />;

  return (
    <Card title="自提核销">
      <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 720 }}>
        <Space wrap>
          <Select id="pickup-store" style={{ minWidth: 220 }} value={storeId} onChange={(v: number) => { setStoreId(v); setFound(null); setDone(null); setError(null); }} options={stores.map((s) => ({ value: s.storeId, label: s.name }))} />
          <Input.Search
            id="pickup-code"
            style={{ width: 320 }}
            placeholder="扫码枪扫描或输入 8 位提货码"
            enterButton="查询"
            maxLength={12}
            allowClear
            autoFocus
            loading={busy && !found}
            onSearch={(v) => void lookup(v)}
          />
        </Space>
        {error && <Alert type="error" showIcon message={error} />}
        {done && <Alert id="pickup-done" type="success" showIcon message={`已取货：订单 ${done.orderNo}（${beijing(done.collectedAt)}）`} />}
        {!found && !error && !done && <Empty description="输入或扫描顾客出示的提货码" />}
        {found && (
          <Card type="inner" title={`订单 ${found.orderNo}`} extra={<Tag color={found.state === 'ready' ? 'green' : 'default'}>{PICKUP_STATE_LABELS[found.state]}</Tag>}>
            <Descriptions column={2} size="small">
              <Descriptions.Item label="实付">{formatFen(found.payFen)}</Descriptions.Item>
              <Descriptions.Item label="备货完成">{beijing(found.readyAt)}</Descriptions.Item>
            </Descriptions>
            <Table size="small" rowKey={(_, i) => String(i)} pagination={false} dataSource={found.lines} columns={[{ title: '商品', dataIndex: 'title' }, { title: '数量', dataIndex: 'quantity', width: 80 }]} />
            <Button id="pickup-collect" type="primary" style={{ marginTop: 16 }} disabled={found.state !== 'ready'} loading={busy} onClick={() => void collect()}>
              确认取货
            </Button>
          </Card>
        )}
      </Space>
    </Card>
  );
}
