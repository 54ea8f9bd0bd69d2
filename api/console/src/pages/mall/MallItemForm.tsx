/** 上架 or 编辑 a points-mall item: goods (a SKU shipped as an order) or a coupon (issued at once); cash part in yuan. Editing keeps the kind, its SKU or coupon and the stock (调整库存 changes that). */
import { Form, Input, InputNumber, Radio, Select, message } from 'antd';
import { useEffect, useState } from 'react';
import type { CouponTemplateDto } from '@common/coupon/types';
import { fenToYuanString, parseYuan } from '@common/money';
import type { MallItemDto, MallItemKind } from '@common/pointsmall/types';
import { api, ApiError, call } from '../../api/client';
import { couponTemplates } from '../../api/options';
import { rulesFor } from '../../api/rules';
import { FormDialog, useSubmit } from '../../forms';

interface Fields {
  kind: MallItemKind;
  title: string;
  image?: string;
  description?: string;
  skuId?: number;
  templateId?: number;
  pointsPrice: number;
  cashYuan?: string;
  stock: number;
  perMemberLimit: number;
}

const editValues = (i: MallItemDto): Partial<Fields> => ({
  kind: i.kind,
  title: i.title,
  image: i.image ?? undefined,
  description: i.description,
  pointsPrice: i.pointsPrice,
  cashYuan: i.cashFen ? fenToYuanString(i.cashFen) : undefined,
  stock: i.stock,
  perMemberLimit: i.perMemberLimit,
});

export function MallItemForm({ open, item, onClose, onDone }: { open: boolean; item?: MallItemDto; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Fields>();
  const [templates, setTemplates] = useState<CouponTemplateDto[]>([]);
  const kind = Form.useWatch('kind', form);
  useEffect(() => {
    if (open && kind === 'coupon' && !templates.length) couponTemplates().then(setTemplates, () => message.error('优惠券模板加载失败'));
  }, [open, kind, templates.length]);

  const [busy, submit] = useSubmit<Fields>(
    form,
    async (v) => {
      const cashFen = v.cashYuan ? parseYuan(v.cashYuan) : 0;
      // The API takes fen; what is not a yuan amount is refused here, by the same field.
      if (cashFen === null) throw new ApiError(400, 'VALIDATION_FAILED', '金额格式不正确', [{ field: 'cashYuan', message: '请输入金额，最多两位小数' }]);
      if (item) {
        const body = { title: v.title, image: v.image?.trim() || null, description: v.description ?? '', pointsPrice: v.pointsPrice, perMemberLimit: v.perMemberLimit, ...(item.kind === 'goods' ? { cashFen } : {}) };
        return call(api.PATCH('/api/hq/pointsmall/items/{id}', { params: { path: { id: item.id } }, body }));
      }
      await call(
        api.POST('/api/hq/pointsmall/items', {
          body: {
            kind: v.kind,
            title: v.title,
            image: v.image?.trim() || null,
            description: v.description ?? '',
            skuId: v.kind === 'goods' ? (v.skuId ?? null) : null,
            templateId: v.kind === 'coupon' ? (v.templateId ?? null) : null,
            pointsPrice: v.pointsPrice,
            cashFen,
            stock: v.stock,
            perMemberLimit: v.perMemberLimit,
          },
        }),
      );
    },
    {
      success: item ? '已保存' : '已上架',
      rename: { cashFen: 'cashYuan' },
      onDone: () => {
        form.resetFields();
        onDone();
      },
    },
  );

  return (
    <FormDialog title={item ? `编辑：${item.title}` : '上架积分商城商品'} okText={item ? '保存' : '上架'} open={open} form={form} busy={busy} onFinish={submit} onClose={onClose} width={560} initialValues={item ? editValues(item) : { kind: 'goods', perMemberLimit: 1, stock: 100 }}>
      <Form.Item name="kind" label="类型" hidden={!!item}>
        <Radio.Group optionType="button" options={[{ label: '实物商品', value: 'goods' }, { label: '优惠券', value: 'coupon' }]} />
      </Form.Item>
      <Form.Item name="title" label="名称" rules={rulesFor('POST /api/hq/pointsmall/items', 'title', { label: '名称' })}>
        <Input maxLength={40} />
      </Form.Item>
      {item ? null : kind === 'coupon' ? (
        <Form.Item name="templateId" label="优惠券" rules={rulesFor('POST /api/hq/pointsmall/items', 'templateId', { label: '优惠券', required: true, pick: true })}>
          <Select options={templates.map((t) => ({ value: t.id, label: `${t.name}（${t.summary}）` }))} placeholder="选择优惠券模板" notFoundContent="暂无优惠券模板" />
        </Form.Item>
      ) : (
        <Form.Item name="skuId" label="SKU 编号" rules={rulesFor('POST /api/hq/pointsmall/items', 'skuId', { label: 'SKU 编号', required: true })}>
          <InputNumber precision={0} min={1} style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item name="pointsPrice" label="所需积分" rules={rulesFor('POST /api/hq/pointsmall/items', 'pointsPrice', { label: '所需积分' })}>
        <InputNumber precision={0} style={{ width: '100%' }} />
      </Form.Item>
      {kind !== 'coupon' && (
        <Form.Item name="cashYuan" label="另付现金（元）" rules={rulesFor('POST /api/hq/pointsmall/items', 'cashFen', { label: '另付现金', unit: 'yuan' })}>
          <Input prefix="¥" placeholder="0.00，纯积分兑换留空" />
        </Form.Item>
      )}
      <Form.Item name="stock" label="库存" rules={rulesFor('POST /api/hq/pointsmall/items', 'stock', { label: '库存' })} hidden={!!item}>
        <InputNumber precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="perMemberLimit" label="每人限兑" rules={rulesFor('POST /api/hq/pointsmall/items', 'perMemberLimit', { label: '每人限兑数量', required: true })}>
        <InputNumber precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="image" label="图片地址">
        <Input maxLength={255} placeholder="可选" />
      </Form.Item>
      <Form.Item name="description" label="说明">
        <Input.TextArea maxLength={500} rows={3} />
      </Form.Item>
    </FormDialog>
  );
}
