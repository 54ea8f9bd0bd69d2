/**
 * 库存: a product's SKUs with their stock, an adjustment (a change, with a reason — never an
 * absolute value, which would undo orders placed since the page loaded) and each SKU's history.
 */
import { Alert, AutoComplete, Button, Drawer, Form, InputNumber, Space, Spin, Table, Typography, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ProductDetailDto, SkuDto, StockMoveDto } from '@common/catalogue/types';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { beijing, yuan } from '../../format';
import { rulesFor } from '../../api/rules';
import { showApiError } from '../../forms';
import { specLabel } from './skuMatrix';


function History({ skuId, version }: { skuId: number; version: number }) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<StockMoveDto> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    call<Page<StockMoveDto>>(api.GET('/api/hq/skus/{id}/stock-adjustments', { params: { path: { id: skuId }, query: { page, pageSize: 10 } } }))
      .then(setData)
      .catch((err: Error) => setError(err.message));
  }, [skuId, page, version]);
  if (error) return <Alert type="error" showIcon message={`库存记录加载失败：${error}`} />;
  return (
    <Table<StockMoveDto>
      size="small"
      rowKey="id"
      loading={!data}
      dataSource={data?.items ?? []}
      locale={{ emptyText: '暂无库存变动记录' }}
      pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      columns={[
        { title: '时间（北京时间）', dataIndex: 'createdAt', render: (v: string) => beijing(v) },
        { title: '变动', dataIndex: 'delta', align: 'right', render: (v: number) => <Typography.Text type={v < 0 ? 'danger' : 'success'}>{v > 0 ? `+${v}` : v}</Typography.Text> },
        { title: '变动后', dataIndex: 'stockAfter', align: 'right' },
        { title: '原因', dataIndex: 'reason' },
      ]}
    />
  );
}

export function StockDrawer({ productId, onClose }: { productId: number; onClose: () => void }) {
  const [product, setProduct] = useState<ProductDetailDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [skuId, setSkuId] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ delta: number; reason: string }>();

  const load = useCallback(() => {
    call<ProductDetailDto>(api.GET('/api/hq/products/{id}', { params: { path: { id: productId } } }))
      .then((p) => {
        setProduct(p);
        setSkuId((cur) => cur ?? p.skus[0]?.id ?? null);
      })
      .catch((err: Error) => setError(err.message));
  }, [productId]);
  useEffect(load, [load]);

  const submit = async (v: { delta: number; reason: string }) => {
    if (skuId === null) return;
    setBusy(true);
    try {
      await call<SkuDto>(api.POST('/api/hq/skus/{id}/stock-adjustments', { params: { path: { id: skuId } }, body: v }));
      message.success('库存已调整');
      form.resetFields();
      setVersion((n) => n + 1);
      load();
    } catch (err) {
      showApiError(form, err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open width={720} title={product ? `库存：${product.title}` : '库存'} onClose={onClose}>
      {error && <Alert type="error" showIcon message={`商品加载失败：${error}`} />}
      {!product && !error && <Spin />}
      {product && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Table<SkuDto>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={product.skus}
            rowSelection={{ type: 'radio', selectedRowKeys: skuId ? [skuId] : [], onChange: (keys) => setSkuId(Number(keys[0])) }}
            onRow={(s) => ({ onClick: () => setSkuId(s.id) })}
            columns={[
              { title: '规格', render: (_, s) => specLabel(s.specs) },
              { title: '售价', dataIndex: 'priceFen', align: 'right', render: (v: number) => yuan(v) },
              { title: '库存', dataIndex: 'stock', align: 'right' },
            ]}
          />
          {skuId !== null && (
            <>
              <Form form={form} layout="inline" onFinish={submit}>
                <Form.Item name="delta" label="变动数量" rules={[...rulesFor('POST /api/hq/skus/{id}/stock-adjustments', 'delta', { label: '变动数量' }), { validator: async (_r, v) => { if (v === 0) throw new Error('变动数量不能为 0'); } }]}>
                  <InputNumber precision={0} placeholder="+入库 / -出库" style={{ width: 140 }} />
                </Form.Item>
                <Form.Item name="reason" label="原因" rules={rulesFor('POST /api/hq/skus/{id}/stock-adjustments', 'reason', { label: '调整原因' })}>
                  <AutoComplete style={{ width: 200 }} placeholder="选择或输入原因" options={['采购入库', '盘点盈亏', '报损', '退货入库'].map((r) => ({ value: r }))} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>
                  调整库存
                </Button>
              </Form>
              <History skuId={skuId} version={version} />
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}
