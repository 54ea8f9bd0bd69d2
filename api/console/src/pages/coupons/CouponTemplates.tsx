/** 优惠券: templates with their terms, quota and use; create, edit, and 发券 to a list of members. */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Space, Tag } from 'antd';
import { useRef, useState } from 'react';
import { COUPON_KIND_LABELS, type CouponTemplateDto } from '@common/coupon/types';
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
    { title: '名称', dataIndex: 'name' },
    { title: '类型', dataIndex: 'kind', render: (_, t) => <Tag>{COUPON_KIND_LABELS[t.kind]}</Tag> },
    { title: '优惠', dataIndex: 'summary' },
    { title: '有效期', render: (_, t) => validityText(t) },
    { title: '已发 / 总量', render: (_, t) => `${t.issuedCount} / ${t.totalQuota}` },
    { title: '领券中心', dataIndex: 'claimable', render: (_, t) => (t.claimable ? <Tag color="blue">展示</Tag> : '—') },
    { title: '门店可用', dataIndex: 'usableInStore', render: (_, t) => (t.usableInStore ? <Tag color="purple">门店可用</Tag> : '—') },
    { title: '状态', dataIndex: 'active', render: (_, t) => (t.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
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
      <ProTable<CouponTemplateDto>
        headerTitle="优惠券模板"
        rowKey="id"
        actionRef={ref}
        search={false}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: '暂无优惠券模板' }}
        toolBarRender={() => [
          <Button key="new" type="primary" onClick={() => setEditing('new')}>
            新建模板
          </Button>,
        ]}
        request={async () => ({ data: await call<CouponTemplateDto[]>(api.GET('/api/hq/coupon-templates')), success: true })}
      />
      {editing && <TemplateForm editing={editing} onDone={(saved) => (setEditing(null), saved && ref.current?.reload())} />}
      {pushing && <PushModal template={pushing} onDone={(sent) => (setPushing(null), sent && ref.current?.reload())} />}
    </>
  );
}
