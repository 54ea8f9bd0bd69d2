/**
 * 新建/编辑拼团秒杀: the API's rules are the form's rules — group size, hours and limits from
 * common/groupbuy/rules, the window and price check (checkCampaignTerms) against the chosen SKU's
 * price, times typed in Beijing time. Once scheduled only title, end, limit and a stock change
 * (a delta) may be edited, as the API allows.
 */
import { Alert, Form, Input, InputNumber, Modal, Select, message } from 'antd';
import { useEffect, useState } from 'react';
import type { ProductCardDto, ProductDetailDto } from '@common/catalogue/types';
import type { CampaignDto } from '@common/groupbuy/types';
import { CAMPAIGN_STOCK_MAX, GROUP_HOURS_MAX, GROUP_SIZE_MAX, GROUP_SIZE_MIN, PER_SHOPPER_LIMIT_MAX, checkCampaignTerms } from '@common/groupbuy/rules';
import { ERROR_MESSAGES } from '@common/errors';
import { parseYuan } from '@common/money';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { BEIJING_INPUT, beijingInput, fromBeijingInput, yuan } from '../../format';
import { rulesFor } from '../../api/rules';
import { toFen, toYuanText, useSubmit } from '../../forms';
import { specLabel } from '../products/skuMatrix';

interface Fields {
  title: string;
  productId?: number;
  skuId?: number;
  groupPriceYuan: string;
  groupSize: number;
  stock: number;
  stockDelta: number;
  startAt: string;
  endAt: string;
  groupHours: number;
  perShopperLimit: number;
}

const RENAME = { groupPriceFen: 'groupPriceYuan' };
const TIME_RULES = [
  { required: true, message: '请输入时间' },
  { pattern: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, message: `格式为 ${BEIJING_INPUT}（北京时间）` },
];

export function CampaignForm({ editing, onDone }: { editing: CampaignDto | 'new'; onDone: (saved: boolean) => void }) {
  const [form] = Form.useForm<Fields>();
  const [products, setProducts] = useState<ProductCardDto[]>([]);
  const [product, setProduct] = useState<ProductDetailDto | null>(null);
  const isNew = editing === 'new';
  const locked = !isNew && editing.status !== 'draft';
  const productId = Form.useWatch('productId', form);
  const skuId = Form.useWatch('skuId', form);
  const skuPrice = isNew ? product?.skus.find((s) => s.id === skuId)?.priceFen : editing.soloPriceFen;

  const search = (keyword?: string) =>
    call<Page<ProductCardDto>>(api.GET('/api/hq/products', { params: { query: { keyword: keyword || undefined, page: 1, pageSize: 20, sort: 'newest' } } }))
      .then((p) => setProducts(p.items))
      .catch(() => setProducts([]));
  useEffect(() => {
    if (isNew) void search();
  }, [isNew]);
  useEffect(() => {
    if (!productId) return setProduct(null);
    call<ProductDetailDto>(api.GET('/api/hq/products/{id}', { params: { path: { id: productId } } })).then(setProduct, () => setProduct(null));
  }, [productId]);

  const initial: Partial<Fields> = isNew
    ? { groupSize: 2, groupHours: 24, perShopperLimit: 1, stockDelta: 0 }
    : { ...editing, groupPriceYuan: toYuanText(editing.groupPriceFen), startAt: beijingInput(editing.startAt), endAt: beijingInput(editing.endAt), stock: editing.stockTotal, stockDelta: 0 };

  const [busy, submit] = useSubmit(
    form,
    async (v: Fields) => {
      const common = { title: v.title, endAt: v.endAt, perShopperLimit: v.perShopperLimit };
      const terms = { groupPriceFen: toFen(v.groupPriceYuan), groupSize: v.groupSize, startAt: v.startAt, groupHours: v.groupHours };
      if (isNew) await call(api.POST('/api/hq/groupbuy/campaigns', { body: { ...common, ...terms, skuId: v.skuId!, stock: v.stock } }));
      else await call(api.PATCH('/api/hq/groupbuy/campaigns/{id}', { params: { path: { id: editing.id } }, body: { ...common, ...(locked ? {} : terms), ...(v.stockDelta ? { stockDelta: v.stockDelta } : {}) } }));
      message.success('已保存');
      onDone(true);
    },
    { rename: RENAME },
  );

  /** checkCampaignTerms, the API's own rule, run on what is typed. */
  const termsRule = (field: 'endAt' | 'groupPriceFen') => ({
    validator: async () => {
      const price = parseYuan(String(form.getFieldValue('groupPriceYuan') ?? ''));
      const [start, end] = [form.getFieldValue('startAt'), form.getFieldValue('endAt')];
      if (price === null || skuPrice === undefined || !/\d{2}:\d{2}$/.test(start ?? '') || !/\d{2}:\d{2}$/.test(end ?? '')) return;
      const check = checkCampaignTerms({ startAt: fromBeijingInput(start), endAt: fromBeijingInput(end), groupPriceFen: price }, skuPrice);
      if (!check.ok && check.field === field) throw new Error(ERROR_MESSAGES[check.code]);
    },
  });

  return (
    <Modal open width={640} title={isNew ? '新建拼团秒杀' : `编辑：${editing.title}`} okText="保存" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => onDone(false)}>
      {locked && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="活动已发布：只能修改标题、结束时间、每人限购和增减库存" />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="title" label="活动标题" rules={rulesFor('POST /api/hq/groupbuy/campaigns', 'title', { label: '活动标题' })}>
          <Input id="campaign-title" maxLength={60} />
        </Form.Item>
        {isNew ? (
          <>
            <Form.Item name="productId" label="商品" rules={[{ required: true, message: '请选择商品' }]}>
              <Select id="campaign-product" showSearch filterOption={false} onSearch={search} placeholder="搜索商品名称" options={products.map((p) => ({ value: p.id, label: p.title }))} onChange={() => form.setFieldValue('skuId', undefined)} />
            </Form.Item>
            <Form.Item name="skuId" label="规格" rules={rulesFor('POST /api/hq/groupbuy/campaigns', 'skuId', { label: '规格', pick: true })}>
              <Select id="campaign-sku" placeholder="选择规格" options={(product?.skus ?? []).map((s) => ({ value: s.id, label: `${specLabel(s.specs)}　${yuan(s.priceFen)}　库存 ${s.stock}` }))} />
            </Form.Item>
          </>
        ) : (
          <p>商品：{editing.specLabel}（单独购买 {yuan(editing.soloPriceFen)}）</p>
        )}
        <Form.Item name="groupPriceYuan" label={`拼团价（元）${skuPrice !== undefined ? `，须低于 ${yuan(skuPrice)}` : ''}`} dependencies={['skuId']} rules={[...rulesFor('POST /api/hq/groupbuy/campaigns', 'groupPriceFen', { label: '拼团价', unit: 'yuan' }), termsRule('groupPriceFen')]}>
          <Input prefix="¥" disabled={locked} id="campaign-price" />
        </Form.Item>
        <Form.Item name="groupSize" label={`成团人数（${GROUP_SIZE_MIN}–${GROUP_SIZE_MAX}）`} rules={rulesFor('POST /api/hq/groupbuy/campaigns', 'groupSize', { label: '成团人数' })}>
          <InputNumber min={GROUP_SIZE_MIN} max={GROUP_SIZE_MAX} precision={0} disabled={locked} />
        </Form.Item>
        {isNew ? (
          <Form.Item name="stock" label="活动库存（发布时从商品库存划出）" rules={rulesFor('POST /api/hq/groupbuy/campaigns', 'stock', { label: '活动库存' })}>
            <InputNumber min={1} max={CAMPAIGN_STOCK_MAX} precision={0} id="campaign-stock" />
          </Form.Item>
        ) : (
          <Form.Item name="stockDelta" label={`库存增减（当前总量 ${editing.stockTotal}，剩余 ${editing.left}；负数为减少）`}>
            <InputNumber min={-editing.left} max={CAMPAIGN_STOCK_MAX} precision={0} />
          </Form.Item>
        )}
        <Form.Item name="startAt" label="开始时间（北京时间）" rules={TIME_RULES}>
          <Input placeholder={BEIJING_INPUT} disabled={locked} id="campaign-start" />
        </Form.Item>
        <Form.Item name="endAt" label="结束时间（北京时间）" dependencies={['startAt', 'groupPriceYuan']} rules={[...TIME_RULES, termsRule('endAt')]}>
          <Input placeholder={BEIJING_INPUT} id="campaign-end" />
        </Form.Item>
        <Form.Item name="groupHours" label={`成团时限（小时，1–${GROUP_HOURS_MAX}）`} rules={rulesFor('POST /api/hq/groupbuy/campaigns', 'groupHours', { label: '成团时限' })}>
          <InputNumber min={1} max={GROUP_HOURS_MAX} precision={0} disabled={locked} />
        </Form.Item>
        <Form.Item name="perShopperLimit" label={`每人限购（1–${PER_SHOPPER_LIMIT_MAX}）`} rules={rulesFor('POST /api/hq/groupbuy/campaigns', 'perShopperLimit', { label: '每人限购' })}>
          <InputNumber min={1} max={PER_SHOPPER_LIMIT_MAX} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
