/** 优惠券: templates with their terms, quota and use, paged on the server (name, on/off, 领券中心); create, edit, and 发券 to a list of members or to a segment. */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Space, Tag } from 'antd';
import { useRef, useState } from 'react';
import { COUPON_KIND_LABELS, type CouponTemplateDto } from '@common/coupon/types';
import type { Page } from '@common/paging';
import { api, call } from '../../api/client';
import { beijing } from '../../format';
import { PushModal } from './PushModal';
import { TemplateForm } from './TemplateForm';

const validityText = (t: CouponTemplateDto) => (t.validity.type === 'relative' ? `领取后 ${t.validity.days} 天` : `${beijing(t.validity.from)} 至 ${beijing(t.validity.to)}`);

export default function CouponTemplates() {
  const ref = useRef<ActionType>();
  const [editing, setEditing] = useState<CouponTemplateDto | 'new' | null>(null);
  const [pushing, setPushing] = useState<CouponTemplateDto | null>(null);
  const columns: ProColumns<CouponTemplateDto>[] = [
    { title: '名称', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '名称包含', maxLength: 40 } },
    { title: '名称', dataIndex: 'name', search: false },
    { title: '类型', dataIndex: 'kind', search: false, render: (_, t) => <Tag>{COUPON_KIND_LABELS[t.kind]}</Tag> },
    { title: '优惠', dataIndex: 'summary', search: false },
    { title: '有效期', search: false, render: (_, t) => validityText(t) },
    { title: '已发 / 总量', search: false, render: (_, t) => `${t.issuedCount} / ${t.totalQuota}` },
    { title: '领券中心', dataIndex: 'claimable', valueType: 'select', valueEnum: { true: { text: '展示' }, false: { text: '不展示' } }, render: (_, t) => (t.claimable ? <Tag color="blue">展示</Tag> : '—') },
    { title: '门店可用', dataIndex: 'usableInStore', search: false, render: (_, t) => (t.usableInStore ? <Tag color="purple">门店可用</Tag> : '—') },
    { title: '状态', dataIndex: 'active', valueType: 'select', valueEnum: { true: { text: '启用' }, false: { text: '停用' } }, render: (_, t) => (t.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
    {
      title: '操作',
      valueType: 'option',
      render: (_, t) => (
        <Space>
          <a onClick={() => setEditing(t)}>编辑</a>
          {t.active && <a onClick={() => setPushing(t)}>发券</a>}
        </Space>
      ),
    },
  ];
  return (
    <>
      <ProTable<CouponTemplateDto, { keyword?: string; active?: 'true' | 'false'; claimable?: 'true' | 'false' }>
        headerTitle="优惠券模板"
        rowKey="id"
        actionRef={ref}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 个模板` }}
        locale={{ emptyText: '没有符合条件的优惠券模板，可点击「新建模板」创建' }}
        toolBarRender={() => [
          <Button key="new" type="primary" onClick={() => setEditing('new')}>
            新建模板
          </Button>,
        ]}
        request={async ({ current = 1, pageSize = 20, keyword, active, claimable }) => {
          const query = { page: current, pageSize, keyword: keyword?.trim() || undefined, active, claimable };
          const page = await call<Page<CouponTemplateDto>>(api.GET('/api/hq/coupon-templates', { params: { query } }));
          return { data: page.items, total: page.total, success: true };
        }}
      />
      {editing && <TemplateForm editing={editing} onDone={(saved) => (setEditing(null), saved && ref.current?.reload())} />}
      {pushing && <PushModal template={pushing} onDone={(sent) => (setPushing(null), sent && ref.current?.reload())} />}
    </>
  );
}
