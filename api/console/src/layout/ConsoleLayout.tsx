/**
 * The console frame: ProLayout with the menu of the pages that exist, the account in the corner,
 * and a login dialog when the session expires mid-work — the page underneath (and any form in it)
 * stays as it was, and the user carries on after logging in again.
 */
import { AlertOutlined, AppstoreOutlined, ClusterOutlined, DashboardOutlined, GiftOutlined, LineChartOutlined, LogoutOutlined, ShopOutlined, ShoppingOutlined, TeamOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { Button, Form, Input, Modal, message } from 'antd';
import { useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api, call } from '../api/client';
import type { HqRole } from '@common/auth/types';
import { HQ_ROLE_LABELS, HQ_WIDE } from '@common/hq/roles';
import { clearSession, currentSession, onSessionExpired, saveSession, type HqSession } from '../session';

const ROLE_LABELS: Record<string, string> = HQ_ROLE_LABELS;

/** Menu entries; `roles` hides one from the roles the API would refuse it to (the server decides either way). */
const MENU: { path: string; routes: { path: string; name: string; icon?: JSX.Element; roles?: readonly HqRole[]; routes?: { path: string; name: string }[] }[] } = {
  path: '/',
  routes: [
    { path: '/', name: '概览', icon: <DashboardOutlined /> },
    {
      path: '/insight',
      name: '数据',
      icon: <LineChartOutlined />,
      routes: [
        { path: '/insight/trends', name: '趋势' },
        { path: '/insight/funnel', name: '漏斗' },
        { path: '/insight/leaderboard', name: '排行' },
        { path: '/insight/alerts', name: '预警与目标' },
        { path: '/insight/roi', name: 'ROI' },
        { path: '/insight/definitions', name: '指标口径' },
      ],
    },
    { path: '/order', name: '订单', icon: <ShoppingOutlined />, routes: [{ path: '/orders', name: '订单列表' }, { path: '/orders/refunds', name: '退款审核' }, { path: '/orders/batch-ship', name: '批量发货' }] },
    { path: '/catalogue', name: '商品', icon: <AppstoreOutlined />, roles: HQ_WIDE, routes: [{ path: '/products', name: '商品列表' }, { path: '/catalogue/categories', name: '分类' }, { path: '/catalogue/banners', name: '轮播图' }] },
    { path: '/campaigns', name: '拼团秒杀', icon: <ThunderboltOutlined />, roles: HQ_WIDE },
    { path: '/coupon', name: '优惠券', icon: <GiftOutlined />, roles: HQ_WIDE, routes: [{ path: '/coupons', name: '优惠券模板' }, { path: '/coupons/new-member-pack', name: '新人礼' }] },
    { path: '/members', name: '会员与积分', icon: <TeamOutlined />, roles: HQ_WIDE, routes: [{ path: '/members/list', name: '会员' }, { path: '/members/settings', name: '等级与积分规则' }, { path: '/members/consistency', name: '积分对账' }, { path: '/members/subscriptions', name: '订阅消息' }] },
    { path: '/insight/segments', name: '会员分群', icon: <ClusterOutlined /> },
    { path: '/mall', name: '积分商城', icon: <GiftOutlined />, roles: HQ_WIDE, routes: [{ path: '/mall/items', name: '商品' }, { path: '/mall/redemptions', name: '兑换记录' }] },
    { path: '/guides', name: '门店与导购', icon: <ShopOutlined />, routes: [{ path: '/guides/stores', name: '门店' }, { path: '/guides/pickup', name: '自提核销' }, { path: '/guides/list', name: '导购' }, { path: '/guides/rates', name: '佣金比例' }, { path: '/guides/attribution', name: '归因规则' }, { path: '/pos/keys', name: 'POS 密钥' }, { path: '/pos/sales', name: '线下销售' }, { path: '/pos/settings', name: 'POS 设置' }] },
    { path: '/system', name: '系统', icon: <AlertOutlined />, roles: HQ_WIDE, routes: [{ path: '/system/accounts', name: '账号与角色' }, { path: '/system/audit', name: '操作日志' }, { path: '/system/outbox', name: '事件投递' }, { path: '/system/jobs', name: '定时任务' }] },
  ],
};

function ReLogin({ username, onDone }: { username: string; onDone: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ password }: { password: string }) => {
    setBusy(true);
    try {
      saveSession(await call<HqSession>(api.POST('/api/hq/auth/login', { body: { username, password } })));
      onDone();
    } catch (err) {
      form.setFields([{ name: 'password', errors: [err instanceof Error ? err.message : '登录失败'] }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="登录已过期，请重新登录" closable={false} maskClosable={false} footer={null}>
      <p>当前页面的内容会保留，登录后可继续操作。</p>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="账号">
          <Input value={username} disabled />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
    </Modal>
  );
}

export default function ConsoleLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const [session] = useState(currentSession);
  const [expired, setExpired] = useState(false);
  useEffect(() => onSessionExpired(() => setExpired(true)), []);

  const logout = () => {
    clearSession();
    message.success('已退出登录');
    navigate('/login', { replace: true });
  };

  return (
    <ProLayout
      title="Loopmall 总部后台"
      logo={false}
      layout="mix"
      route={{ ...MENU, routes: MENU.routes.filter((r) => !r.roles || r.roles.includes(session?.role as HqRole)) }}
      location={{ pathname: location.pathname }}
      menuItemRender={(item, dom) => <a onClick={() => item.path && navigate(item.path)}>{dom}</a>}
      avatarProps={{
        title: `${session?.username ?? ''}（${ROLE_LABELS[session?.role ?? ''] ?? session?.role ?? ''}）`,
        size: 'small',
      }}
      actionsRender={() => [
        <Button key="logout" type="link" icon={<LogoutOutlined />} onClick={logout}>
          退出
        </Button>,
      ]}
    >
      <Outlet />
      {expired && session && <ReLogin username={session.username} onDone={() => setExpired(false)} />}
    </ProLayout>
  );
}
