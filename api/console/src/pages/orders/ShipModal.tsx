/** 发货: carrier (WeChat's delivery company list) and tracking number; the API's refusal shows on its field. */
import { Form, Input, Modal, Select, message } from 'antd';
import { CARRIERS, type CarrierCode } from '@common/order/carriers';
import { api, call } from '../../api/client';
import { rulesFor } from '../../api/rules';
import { useSubmit } from '../../forms';

export const CARRIER_OPTIONS = CARRIERS.map((c) => ({ value: c.code, label: c.name }));
const SHIP = 'POST /api/hq/orders/{id}/ship';

export function shipOrder(id: number, carrier: CarrierCode, trackingNo: string) {
  return call(api.POST('/api/hq/orders/{id}/ship', { params: { path: { id } }, body: { carrier, trackingNo: trackingNo.trim() } }));
}

export function ShipModal({ orderId, orderNo, onDone }: { orderId: number; orderNo: string; onDone: (shipped: boolean) => void }) {
  const [form] = Form.useForm<{ carrier: CarrierCode; trackingNo: string }>();
  const [busy, submit] = useSubmit(form, async (v: { carrier: CarrierCode; trackingNo: string }) => {
    await shipOrder(orderId, v.carrier, v.trackingNo);
    message.success('已发货');
    onDone(true);
  });
  return (
    <Modal open title={`发货：${orderNo}`} okText="确认发货" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => onDone(false)}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="carrier" label="快递公司" rules={rulesFor(SHIP, 'carrier', { label: '快递公司' })}>
          <Select id="ship-carrier" options={CARRIER_OPTIONS} placeholder="选择快递公司" />
        </Form.Item>
        <Form.Item name="trackingNo" label="运单号" rules={rulesFor(SHIP, 'trackingNo', { label: '运单号', hint: '只能包含字母、数字和短横线' })}>
          <Input id="ship-tracking" maxLength={64} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
