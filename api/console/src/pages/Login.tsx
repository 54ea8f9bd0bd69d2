/** 总部登录: username and password against /api/hq/auth/login; back to the page asked for. */
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError, call } from '../api/client';
import { rulesFor } from '../api/rules';
import { saveSession, type HqSession } from '../session';

interface Fields {
  username: string;
  password: string;
}

export function LoginPage() {
  const [form] = Form.useForm<Fields>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();

  const submit = async (values: Fields) => {
    setBusy(true);
    setError(null);
    try {
      const session = await call<HqSession>(api.POST('/api/hq/auth/login', { body: values }));
      saveSession(session);
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('/login') ? next : '/', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) {
        form.setFields(err.issues.map((i) => ({ name: i.field as keyof Fields, errors: [i.message] })));
      } else setError(err instanceof Error ? err.message : '登录失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5' }}>
      <Card title="Loopmall 总部后台" style={{ width: 360 }}>
        {error && <Alert type="error" message={error} showIcon style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="账号" name="username" rules={rulesFor('POST /api/hq/auth/login', 'username', { label: '账号' })}>
            <Input autoComplete="username" id="hq-username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={rulesFor('POST /api/hq/auth/login', 'password', { label: '密码' })}>
            <Input.Password autoComplete="current-password" id="hq-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
