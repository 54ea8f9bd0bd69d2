/**
 * 批量发货: a CSV (订单号, 快递公司, 运单号) read in the browser (shipCsv.ts); rows with a problem are
 * marked before anything is sent, then each good row is looked up by order number and shipped one
 * by one through the single 发货 route, and every row shows its own outcome.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { carrierName } from '@common/order/carriers';
import type { OrderSummaryDto } from '@common/order/types';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { MAX_SHIP_ROWS, parseShipCsv, type ShipRow } from './shipCsv';
import { shipOrder } from './ShipModal';

type Outcome = { state: 'waiting' } | { state: 'shipping' } | { state: 'shipped' } | { state: 'failed'; message: string };
type Row = ShipRow & { outcome: Outcome };

async function shipByOrderNo(row: ShipRow): Promise<void> {
  const page = await call<Page<OrderSummaryDto>>(api.GET('/api/hq/orders', { params: { query: { orderNo: row.orderNo, page: 1, pageSize: 1 } } }));
  const order = page.items[0];
  if (!order) throw new Error('订单不存在');
  await shipOrder(order.id, row.carrier!, row.trackingNo);
}

export default function BatchShip() {
  const [rows, setRows] = useState<Row[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const read = async (file: File) => {
    setFileError(null);
    const parsed = parseShipCsv(await file.text());
    if (!parsed.length) setFileError('文件里没有可发货的行');
    else if (parsed.length > MAX_SHIP_ROWS) setFileError(`一次最多 ${MAX_SHIP_ROWS} 行，本文件有 ${parsed.length} 行`);
    setRows(parsed.length > MAX_SHIP_ROWS ? [] : parsed.map((r) => ({ ...r, outcome: r.error ? { state: 'failed', message: r.error } : { state: 'waiting' } })));
    return false;
  };

  const run = async () => {
    setRunning(true);
    const set = (line: number, outcome: Outcome) => setRows((rs) => rs.map((r) => (r.line === line ? { ...r, outcome } : r)));
    for (const row of rows) {
      if (row.outcome.state !== 'waiting') continue;
      set(row.line, { state: 'shipping' });
      try {
        await shipByOrderNo(row);
        set(row.line, { state: 'shipped' });
      } catch (err) {
        set(row.line, { state: 'failed', message: err instanceof Error ? err.message : '发货失败' });
      }
    }
    setRunning(false);
  };

  const count = (s: Outcome['state']) => rows.filter((r) => r.outcome.state === s).length;
  return (
    <Card title="批量发货">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">
          上传 CSV 文件，每行一个订单：订单号,快递公司,运单号（快递公司可填编码如 SF，或名称如 顺丰速运；首行表头可有可无）。每一行的结果都会列在下方。
        </Typography.Paragraph>
        <Upload.Dragger accept=".csv,text/csv" showUploadList={false} beforeUpload={read} disabled={running} id="batch-ship-file">
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p>点击或拖入 CSV 文件</p>
        </Upload.Dragger>
        {fileError && <Alert type="error" showIcon message={fileError} />}
        {rows.length > 0 && (
          <>
            <Space>
              <Button type="primary" onClick={run} loading={running} disabled={!count('waiting')} id="batch-ship-run">
                发货 {count('waiting')} 单
              </Button>
              <span>
                已发货 {count('shipped')}，失败 {count('failed')}，待发货 {count('waiting') + count('shipping')}
              </span>
            </Space>
            <Table<Row>
              size="small"
              rowKey="line"
              pagination={false}
              dataSource={rows}
              columns={[
                { title: '行号', dataIndex: 'line', width: 70 },
                { title: '订单号', dataIndex: 'orderNo' },
                { title: '快递公司', dataIndex: 'carrier', render: (c: string | null) => (c ? carrierName(c) : '—') },
                { title: '运单号', dataIndex: 'trackingNo' },
                {
                  title: '结果',
                  render: (_, r) =>
                    ({
                      waiting: <Tag>待发货</Tag>,
                      shipping: <Tag color="processing">发货中</Tag>,
                      shipped: <Tag color="success">已发货</Tag>,
                      failed: <Tag color="error">{r.outcome.state === 'failed' ? r.outcome.message : ''}</Tag>,
                    })[r.outcome.state],
                },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
