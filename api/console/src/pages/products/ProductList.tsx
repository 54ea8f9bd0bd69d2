/** 商品: every product (草稿, 在售, 已下架), searched and paged on the server; shelf on/off; 库存 per SKU. */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Image, Popconfirm, Space, Tag, message } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CategoryDto, ProductCardDto, ProductDetailDto, ProductStatus } from '@common/catalogue/types';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { yuan } from '../../format';
import { StockDrawer } from './StockDrawer';

export const PRODUCT_STATUS_LABELS: Record<ProductStatus, { text: string; color: string }> = {
  draft: { text: '草稿', color: 'default' },
  on_sale: { text: '在售', color: 'green' },
  off_sale: { text: '已下架', color: 'orange' },
};

type Row = ProductCardDto & { status?: ProductStatus };

export default function ProductList() {
  const navigate = useNavigate();
  const ref = useRef<ActionType>();
  const [stockOf, setStockOf] = useState<number | null>(null);
  const [categories, setCategories] = useState<CategoryDto[]>([]);

  const shelf = async (id: number, status: ProductStatus) => {
    try {
      await call<ProductDetailDto>(api.PATCH('/api/hq/products/{id}', { params: { path: { id } }, body: { status } }));
      message.success(status === 'on_sale' ? '已上架' : '已下架');
      ref.current?.reload();
    } catch (err) {
      message.error(err instanceof Error ? err.message : '操作失败');
    }
  };

  const columns: ProColumns<Row>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '商品名称' } },
    { title: '图片', dataIndex: 'cover', search: false, width: 72, render: (_, p) => <Image src={p.cover} width={48} height={48} style={{ objectFit: 'cover' }} /> },
    { title: '商品', dataIndex: 'title', search: false, render: (_, p) => <a onClick={() => navigate(`/products/${p.id}`)}>{p.title}</a> },
    {
      title: '分类',
      dataIndex: 'categoryId',
      valueType: 'select',
      fieldProps: { options: categories.map((c) => ({ label: c.name, value: c.id })) },
      render: (_, p) => categories.find((c) => c.id === p.categoryId)?.name ?? p.categoryId,
    },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(Object.entries(PRODUCT_STATUS_LABELS).map(([k, v]) => [k, { text: v.text }])),
      render: (_, p) => (p.status ? <Tag color={PRODUCT_STATUS_LABELS[p.status].color}>{PRODUCT_STATUS_LABELS[p.status].text}</Tag> : '—'),
    },
    { title: '售价', dataIndex: 'priceFen', search: false, align: 'right', render: (_, p) => `${yuan(p.priceFen)} 起` },
    { title: '销量', dataIndex: 'salesCount', search: false, align: 'right' },
    {
      title: '操作',
      valueType: 'option',
      render: (_, p) => (
        <Space>
          <a onClick={() => navigate(`/products/${p.id}`)}>编辑</a>
          <a onClick={() => setStockOf(p.id)}>库存</a>
          {p.status === 'on_sale' ? (
            <Popconfirm title="下架后顾客将看不到该商品，确定下架？" onConfirm={() => shelf(p.id, 'off_sale')}>
              <a>下架</a>
            </Popconfirm>
          ) : (
            <a onClick={() => shelf(p.id, 'on_sale')}>上架</a>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <ProTable<Row, { keyword?: string; status?: ProductStatus; categoryId?: number }>
        headerTitle="商品"
        rowKey="id"
        actionRef={ref}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: '暂无商品，点击「新建商品」添加第一个' }}
        toolBarRender={() => [
          <Button key="new" type="primary" onClick={() => navigate('/products/new')}>
            新建商品
          </Button>,
        ]}
        request={async ({ current = 1, pageSize = 20, keyword, status, categoryId }) => {
          const [page, cats] = await Promise.all([
            call<Page<Row>>(api.GET('/api/hq/products', { params: { query: { page: current, pageSize, keyword: keyword || undefined, status, categoryId, sort: 'newest' } } })),
            categories.length ? Promise.resolve(categories) : call<CategoryDto[]>(api.GET('/api/categories')),
          ]);
          if (!categories.length) setCategories(cats);
          return { data: page.items, total: page.total, success: true };
        }}
      />
      {stockOf !== null && <StockDrawer productId={stockOf} onClose={() => (setStockOf(null), ref.current?.reload())} />}
    </>
  );
}
