/**
 * 导购助手: the guide's page in WeCom's chat toolbar (聊天工具栏), H5 only. Opened beside a
 * one-to-one chat it shows who the customer is; beside a customer group, the group's figures;
 * either way one tap sends a product, group-buy, coupon or 新人礼 card into that chat.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { SendTarget } from '@common/sidebar/types';
import { isApiError, messageOf } from '../../../services/http';
import { clearGuideSession } from '../../../services/sidebar';
import { isWecomClientError } from '../../../services/wecom-errors';
import { toast } from '../../../utils/toast';
import { bootSidebar, type Boot, type Step } from './boot';
import { ContactPanel } from './contact-panel';
import { GroupPanel } from './group-panel';
import { Failed } from './parts';
import { sendCard, type SendResult } from './send';
import { SendPanel } from './send-panel';
import './index.scss';
import './panels.scss';

type State = { kind: 'loading'; step: Step } | { kind: 'failed'; message: string; detail?: string } | Boot;

export default function Sidebar() {
  const [state, setState] = useState<State>({ kind: 'loading', step: '正在登录…' });
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [lastError, setLastError] = useState<Extract<SendResult, { ok: false }> | null>(null);

  const boot = () => {
    setState({ kind: 'loading', step: '正在登录…' });
    bootSidebar((step) => setState({ kind: 'loading', step })).then(setState, (e) => {
      if (isWecomClientError(e)) return setState({ kind: 'failed', message: e.message, detail: e.errMsg || undefined });
      // A kept guide session the API no longer accepts (expired, or the guide left since): drop it.
      if (isApiError(e) && (e.status === 401 || e.code === 'SIDEBAR_NOT_A_GUIDE')) {
        clearGuideSession();
        return setState(e.status === 401 ? { kind: 'reopen', message: '登录已失效，请关闭侧边栏后从聊天工具栏重新打开' } : { kind: 'refused', message: e.message });
      }
      setState({ kind: 'failed', message: messageOf(e) });
    });
  };
  useEffect(boot, []);

  if (state.kind === 'loading' || state.kind === 'leaving') {
    return (
      <View className='sb-page sb-page--center'>
        <Text className='sb-loading'>{state.kind === 'loading' ? state.step : '正在跳转企业微信登录…'}</Text>
      </View>
    );
  }
  if (state.kind === 'refused' || state.kind === 'reopen' || state.kind === 'no_chat') {
    const message = state.kind === 'no_chat' ? '请在与客户的单聊或客户群里，从聊天工具栏打开导购助手' : state.message;
    return (
      <View className={`sb-page sb-page--center sb-notice sb-notice--${state.kind}`}>
        <Text className='sb-notice__title'>{state.kind === 'refused' ? '无法使用导购助手' : '请重新打开'}</Text>
        <Text className='sb-notice__message'>{message}</Text>
      </View>
    );
  }
  if (state.kind === 'failed') {
    return (
      <View className='sb-page sb-page--center'>
        <Failed message={state.message} detail={state.detail} onRetry={boot} />
      </View>
    );
  }

  const { guide, chat } = state;
  const send = async (t: Pick<SendTarget, 'kind' | 'id'>) => {
    const key = `${t.kind}:${t.id ?? ''}`;
    setBusyKey(key);
    setLastError(null);
    const res = await sendCard(chat, t);
    setBusyKey(null);
    if (res.ok) return toast('已发送到当前聊天', 'success');
    setLastError(res);
    toast(res.cancelled ? '已取消发送' : res.message);
  };
  return (
    <View className='sb-page'>
      <View className='sb-head'>
        <Text className='sb-head__guide'>
          {guide.name} · {guide.storeName}
        </Text>
        <Text className={`sb-tag sb-head__chat sb-head__chat--${chat.kind}`}>{chat.kind === 'single' ? '客户单聊' : '客户群'}</Text>
      </View>
      {chat.kind === 'single' ? (
        <ContactPanel externalUserId={chat.externalUserId} sending={busyKey === 'newcomer:'} onSendNewcomer={() => void send({ kind: 'newcomer', id: null })} />
      ) : (
        <GroupPanel chatId={chat.chatId} />
      )}
      <SendPanel send={(t) => void send(t)} busyKey={busyKey} lastError={lastError} />
    </View>
  );
}
