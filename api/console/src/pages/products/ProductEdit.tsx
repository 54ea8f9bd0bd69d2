/**
 * 新建/编辑商品: fields, pictures, specs and the SKU matrix (every combination of the spec values,
 * each with 售价, 划线价 and stock). A new product is one POST, an edit one PATCH carrying the
 * fields and every matrix row: all saved or, on a refusal shown next to its row's field, nothing.
 * An existing SKU's stock changes only through 库存 (with a reason).
 */
import { Alert, Button, Card, Form, Input, Result, Select, Skeleton, Space, message } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { CategoryDto, ProductDetailDto, ProductStatus, SpecDef } from '@common/catalogue/types';
import { api, call } from '../../api/client';
import { rulesFor } from '../../api/rules';
import { showApiError, toYuanText } from '../../forms';
import { ImageUpload } from './ImageUpload';
import { PRODUCT_STATUS_LABELS } from './ProductList';
import { SkuTable, skuBody } from './SkuTable';
import { matrixRows, type SkuRow } from './skuMatrix';

export interface ProductForm {
  title: string;
  subtitle: string;
  categoryId?: number;
  images: string[];
  description: string;
  tags: string[];
  status: ProductStatus;
  specs: SpecDef[];
  skus: SkuRow[];
}

/** The API names fen fields; the form holds yuan text. */
export const RENAME = { priceFen: 'priceYuan', originalPriceFen: 'originalYuan' };

const EMPTY: ProductForm = { title: '', subtitle: '', categoryId: undefined, images: [], description: '', tags: [], status: 'draft', specs: [], skus: matrixRows([], []) };

function fromDetail(p: ProductDetailDto): ProductForm {
  const rows: SkuRow[] = p.skus.map((s) => ({ id: s.id, specs: s.specs, priceYuan: toYuanText(s.priceFen), originalYuan: toYuanText(s.originalPriceFen), stock: s.stock, status: s.status }));
  return { title: p.title, subtitle: p.subtitle, categoryId: p.categoryId, images: p.images, description: p.description, tags: p.tags, status: p.status, specs: p.specs, skus: matrixRows(p.specs, rows) };
}

export default function ProductEdit() {
  const { id } = useParams();
  const productId = id && id !== 'new' ? Number(id) : null;
  const navigate = useNavigate();
  const [form] = Form.useForm<ProductForm>();
  const [categories, setCategories] = useState<CategoryDto[] | null>(null);
  const [saved, setSaved] = useState<ProductDetailDto | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all([
      call<CategoryDto[]>(api.GET('/api/categories')),
      productId ? call<ProductDetailDto>(api.GET('/api/hq/products/{id}', { params: { path: { id: productId } } })) : Promise.resolve(null),
    ])
      .then(([cats, p]) => {
        setCategories(cats);
        setSaved(p);
        form.setFieldsValue(p ? fromDetail(p) : EMPTY);
      })
      .catch((err: Error) => setLoadError(err.message));
  }, [productId, form]);

  const create = async (v: ProductForm) => {
    const { skus, ...fields } = v;
    const p = await call<ProductDetailDto>(api.POST('/api/hq/products', { body: { ...fields, categoryId: fields.categoryId ?? 0, skus: skus.map(skuBody) } }));
    message.success('商品已创建');
    navigate(`/products/${p.id}`, { replace: true });
  };

  const update = async (id: number, v: ProductForm) => {
    const { skus, ...fields } = v;
    // Every matrix row, in the form's order, so a refusal's `skus.N.…` is the row on screen.
    const rows = skus.map((row) => {
      const { specs, stock, ...prices } = skuBody(row);
      return row.id === undefined ? { specs, stock, ...prices } : { id: row.id, ...prices };
    });
    const p = await call<ProductDetailDto>(api.PATCH('/api/hq/products/{id}', { params: { path: { id } }, body: { ...fields, categoryId: fields.categoryId ?? 0, skus: rows } }));
    setSaved(p);
    form.setFieldsValue(fromDetail(p));
    message.success('已保存');
  };

  const submit = async (v: ProductForm) => {
    setBusy(true);
    try {
      if (productId && saved) await update(productId, v);
      else await create(v);
    } catch (err) {
      showApiError(form, err, RENAME);
    } finally {
      setBusy(false);
    }
  };

  if (loadError) return <Result status="error" title="商品加载失败" subTitle={loadError} extra={<Button onClick={() => navigate('/products')}>返回商品列表</Button>} />;
  if (!categories) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={EMPTY} scrollToFirstError>
      <Card title={productId ? `编辑商品 #${productId}` : '新建商品'} extra={<a onClick={() => navigate('/products')}>返回列表</a>}>
        {!categories.length && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="还没有分类，请先到「分类」页添加" />}
        <Form.Item name="title" label="商品名称" rules={rulesFor('POST /api/hq/products', 'title', { label: '商品名称' })}>
          <Input id="product-title" maxLength={60} showCount />
        </Form.Item>
        <Form.Item name="subtitle" label="副标题" rules={rulesFor('POST /api/hq/products', 'subtitle', { label: '副标题' })}>
          <Input maxLength={120} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="categoryId" label="分类" rules={rulesFor('POST /api/hq/products', 'categoryId', { label: '分类', pick: true })}>
            <Select id="product-category" style={{ width: 200 }} placeholder="选择分类" options={categories.map((c) => ({ label: c.name, value: c.id }))} />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select id="product-status" style={{ width: 140 }} options={Object.entries(PRODUCT_STATUS_LABELS).map(([value, l]) => ({ value, label: l.text }))} />
          </Form.Item>
          <Form.Item name="tags" label="标签（最多 5 个）" rules={rulesFor('POST /api/hq/products', 'tags', { label: '标签' })}>
            <Select mode="tags" style={{ width: 320 }} placeholder="输入后回车" maxTagTextLength={8} />
          </Form.Item>
        </Space>
        <Form.Item name="images" label="商品图片（第一张为封面，PNG/JPEG/WebP，每张不超过 2 MB）" rules={rulesFor('POST /api/hq/products', 'images', { label: '商品图片' })}>
          <ImageUpload />
        </Form.Item>
        <Form.Item name="description" label="商品详情" rules={rulesFor('POST /api/hq/products', 'description', { label: '商品详情' })}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Card>
      <Card title="规格与 SKU" style={{ marginTop: 16 }}>
        <SkuTable form={form} editing={productId !== null} />
      </Card>
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={busy} id="product-save">
          保存
        </Button>
        <Button onClick={() => navigate('/products')}>取消</Button>
      </Space>
    </Form>
  );
}
