/** 门店 › 自提设置: a store's pickup address, hours and location, and whether shoppers may pick it. */
import { Form, Input, InputNumber, Switch } from 'antd';
import type { PickupStoreDto, PickupStoreInput } from '@common/pickup/types';
import { api, call } from '../../api/client';
import { FormDialog, useSubmit } from '../../form-dialogs';

export function PickupStoreDialog({ store, onClose, onDone }: { store: PickupStoreDto; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<PickupStoreInput>();
  const { busy, submit } = useSubmit<PickupStoreInput>(
    form,
    (v) => call(api.PUT('/api/hq/pickup/stores/{id}', { params: { path: { id: store.storeId } }, body: { ...v, lat: v.lat ?? null, lng: v.lng ?? null } })),
    { success: '自提设置已保存', onDone },
  );
  const initial: PickupStoreInput = { address: store.address, hours: store.hours || '10:00-22:00', lat: store.lat, lng: store.lng, enabled: store.address ? store.enabled : true };
  return (
    <FormDialog title={`自提设置 · ${store.name}`} okText="保存" form={form} busy={busy} onFinish={submit} onClose={onClose} initialValues={initial}>
      <Form.Item name="enabled" label="开放到店自提" valuePropName="checked"><Switch /></Form.Item>
      <Form.Item name="address" label="取货地址" rules={[{ required: true, whitespace: true, message: '请输入取货地址' }]}><Input maxLength={120} placeholder="如：上海市静安区南京西路 1515 号 B1 层" /></Form.Item>
      <Form.Item name="hours" label="营业时间" rules={[{ required: true, whitespace: true, message: '请输入营业时间' }]}><Input maxLength={60} placeholder="如：10:00-22:00" /></Form.Item>
      <Form.Item label="位置（用于按距离排序，可留空）" style={{ marginBottom: 0 }}>
        <Form.Item name="lat" style={{ display: 'inline-block', width: '48%' }}><InputNumber min={-90} max={90} precision={6} placeholder="纬度" style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="lng" style={{ display: 'inline-block', width: '48%', marginLeft: '4%' }}><InputNumber min={-180} max={180} precision={6} placeholder="经度" style={{ width: '100%' }} /></Form.Item>
      </Form.Item>
    </FormDialog>
  );
}
