/**
 * 会员详情 → 手机号: masked for every role that sees members; owner and finance may reveal the full
 * number (a POST the audit log records — who, when, which member — without the number itself).
 */
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { HqRole } from '@common/auth/types';
import { HQ_FINANCE } from '@common/hq/roles';
import type { MemberPhoneDto, MemberPhoneRevealDto } from '@common/member-card/types';
import { api, call } from '../../api/client';
import { beijing } from '../../format';
import { loadError } from '../../form-dialogs';
import { currentSession } from '../../session';

export function MemberPhone({ memberId }: { memberId: number }) {
  const [phone, setPhone] = useState<MemberPhoneDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [full, setFull] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);
  const mayReveal = HQ_FINANCE.includes((currentSession()?.role ?? '') as HqRole);

  useEffect(() => {
    call<MemberPhoneDto>(api.GET('/api/hq/members/{id}/phone', { params: { path: { id: memberId } } })).then(setPhone, (err) => setError(loadError(err)));
  }, [memberId]);

  const reveal = () =>
    Modal.confirm({
      title: '查看完整手机号',
      content: '查看记录（操作人、时间、会员）将写入操作日志。',
      okText: '查看',
      cancelText: '取消',
      onOk: async () => {
        setRevealing(true);
        try {
          setFull((await call<MemberPhoneRevealDto>(api.POST('/api/hq/members/{id}/phone/reveal', { params: { path: { id: memberId } } }))).fullPhone);
        } catch (err) {
          setError(loadError(err));
        } finally {
          setRevealing(false);
        }
      },
    });

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!phone) return <span>加载中…</span>;
  if (!phone.maskedPhone) return <Typography.Text type="secondary">未开卡（未登记手机号）</Typography.Text>;
  return (
    <Space size="small" style={{ whiteSpace: 'nowrap' }}>
      <span data-testid="member-phone">{full ?? phone.maskedPhone}</span>
      {phone.verifiedAt && <Typography.Text type="secondary">（{beijing(phone.verifiedAt)} 验证）</Typography.Text>}
      {mayReveal && !full && (
        <Button size="small" type="link" loading={revealing} onClick={reveal}>
          查看完整号码
        </Button>
      )}
    </Space>
  );
}
