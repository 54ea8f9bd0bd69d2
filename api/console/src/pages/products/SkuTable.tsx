/**
 * 规格与 SKU: up to three spec dimensions (name + values) and the matrix of their combinations,
 * each row with 售价, 划线价 (yuan), 库存 and 在售/停售. Changing the specs rebuilds the rows,
 * keeping what was typed for combinations that remain (skuMatrix.ts).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Table, Tag, type FormInstance } from 'antd';
import { useEffect } from 'react';
import type { SkuSpecs, SpecDef } from '@common/catalogue/types';
import { MAX_STOCK } from '@common/catalogue/buyable';
import { parseYuan } from '@common/money';
import { rulesFor } from '../../api/rules';
import { toFen } from '../../forms';
import { matrixRows, specLabel, type SkuRow } from './skuMatrix';
import type { ProductForm } from './ProductEdit';

/** The API's SKU body for a matrix row (fen from yuan; an empty 划线价 is none). */
export function skuBody(r: SkuRow) {
  return {
    specs: r.specs,
    priceFen: toFen(r.priceYuan),
    originalPriceFen: r.originalYuan === '' || r.originalYuan == null ? null : toFen(r.originalYuan),
    stock: r.stock ?? 0,
    status: r.status,
  };
}

export function SkuTable({ form, editing }: { form: FormInstance<ProductForm>; editing: boolean }) {
  const specs = Form.useWatch('specs', form) as SpecDef[] | undefined;
  const skus = (Form.useWatch('skus', form) as SkuRow[] | undefined) ?? [];
  useEffect(() => {
    if (!specs) return;
    const rows = matrixRows(specs.filter(Boolean).map((s) => ({ name: (s.name ?? '').trim(), values: s.values ?? [] })), form.getFieldValue('skus') ?? []);
    form.setFieldValue('skus', rows);
  }, [JSON.stringify(specs), form]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <>
      <Form.List name="specs">
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((f) => (
              <Space key={f.key} align="start">
                <Form.Item name={[f.name, 'name']} rules={rulesFor('POST /api/hq/products', 'specs.*.name', { label: '规格名' })}>
                  <Input placeholder="规格名，如 颜色" style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'values']} rules={rulesFor('POST /api/hq/products', 'specs.*.values', { label: '规格值' })}>
                  <Select mode="tags" placeholder="规格值，输入后回车" style={{ width: 420 }} open={false} tokenSeparators={[',', '，']} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除规格" />
              </Space>
            ))}
            {fields.length < 3 && (
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', values: [] })}>
                添加规格
              </Button>
            )}
          </Space>
        )}
      </Form.List>
      <Table<SkuRow>
        style={{ marginTop: 16 }}
        size="small"
        rowKey={(r) => specLabel(r.specs)}
        pagination={false}
        dataSource={skus}
        locale={{ emptyText: '请先添加规格值' }}
        columns={[
          {
            title: '规格',
            // A Form.Item, so the API's refusal of a row's combination (`skus.N.specs`) shows on the row.
            render: (_, r, i) => (
              <Form.Item name={['skus', i, 'specs']} style={{ margin: 0 }}>
                <SpecCell isNew={r.id === undefined && editing} />
              </Form.Item>
            ),
          },
          {
            title: '售价（元）',
            render: (_, _r, i) => (
              <Form.Item name={['skus', i, 'priceYuan']} rules={rulesFor('POST /api/hq/products', 'skus.*.priceFen', { label: '售价', unit: 'yuan' })} style={{ margin: 0 }}>
                <Input prefix="¥" style={{ width: 120 }} aria-label="售价" />
              </Form.Item>
            ),
          },
          {
            title: '划线价（元）',
            render: (_, _r, i) => (
              <Form.Item
                name={['skus', i, 'originalYuan']}
                dependencies={[['skus', i, 'priceYuan']]}
                style={{ margin: 0 }}
                rules={[
                  ...rulesFor('POST /api/hq/products', 'skus.*.originalPriceFen', { label: '划线价', unit: 'yuan' }),
                  ({ getFieldValue }) => ({
                    validator: async (_rule, v: string) => {
                      const orig = parseYuan(String(v ?? ''));
                      const price = parseYuan(String(getFieldValue(['skus', i, 'priceYuan']) ?? ''));
                      if (v && orig !== null && price !== null && orig <= price) throw new Error('划线价必须高于售价');
                    },
                  }),
                ]}
              >
                <Input prefix="¥" style={{ width: 120 }} placeholder="可不填" aria-label="划线价" />
              </Form.Item>
            ),
          },
          {
            title: '库存',
            render: (_, r, i) =>
              editing && r.id !== undefined ? (
                <span title="已有 SKU 的库存请在「库存」中调整并填写原因">{r.stock}</span>
              ) : (
                <Form.Item name={['skus', i, 'stock']} rules={rulesFor('POST /api/hq/products', 'skus.*.stock', { label: '库存' })} style={{ margin: 0 }}>
                  <InputNumber min={0} max={MAX_STOCK} precision={0} style={{ width: 110 }} aria-label="库存" />
                </Form.Item>
              ),
          },
          {
            title: '状态',
            render: (_, _r, i) => (
              <Form.Item name={['skus', i, 'status']} style={{ margin: 0 }}>
                <Select style={{ width: 90 }} options={[{ value: 'on_sale', label: '在售' }, { value: 'off_sale', label: '停售' }]} />
              </Form.Item>
            ),
          },
        ]}
      />
      {/* Where the API's refusal of the whole matrix (duplicate or invalid specs) is shown. */}
      <Form.Item name="skus" style={{ marginTop: 8 }}>
        <ErrorSlot />
      </Form.Item>
    </>
  );
}

/** A row's combination, read-only (the specs above make the rows); 新增 marks one not saved yet. */
function SpecCell({ value, isNew }: { value?: SkuSpecs; isNew: boolean }) {
  return (
    <Space>
      {specLabel(value ?? {})}
      {isNew && <Tag color="blue">新增</Tag>}
    </Space>
  );
}

/** Renders nothing: the Form.Item around it shows the errors set on its name. */
function ErrorSlot(_props: { value?: unknown }) {
  return null;
}
