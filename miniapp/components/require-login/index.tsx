/**
 * Pages that need a session: `export default withLogin(Page, '登录后即可签到领积分')`. Logged out
 * (or after the API rejected the token) the page shows a login prompt instead of an empty screen;
 * 登录 logs in right there, so the shopper stays on the same page with the same query, and the
 * page mounts and loads (its loads use usePageShow, which also runs on a late mount).
 */
import type { ComponentType } from 'react';
import { Text, View } from '@tarojs/components';
import { useSession } from '../../hooks/use-session';
import { useShareEntry } from '../../hooks/use-share';
import './index.scss';

interface LoginPromptProps {
  hint: string;
  busy: boolean;
  onLogin: () => void;
}

export function LoginPrompt({ hint, busy, onLogin }: LoginPromptProps) {
  return (
    <View className='login-prompt'>
      <View className='login-prompt__icon'>会员</View>
      <Text className='login-prompt__title'>请先登录</Text>
      <Text className='login-prompt__hint'>{hint}</Text>
      <View className={`login-prompt__button${busy ? ' login-prompt__button--busy' : ''}`} onClick={onLogin}>
        {busy ? '登录中…' : '登录'}
      </View>
    </View>
  );
}

export function withLogin<P extends object>(Page: ComponentType<P>, hint = '登录后查看你的会员信息'): ComponentType<P> {
  function LoginGate(props: P) {
    const { session, busy, login } = useSession();
    // A share card may land here logged out: keep its token now (reported once a session exists).
    useShareEntry();
    if (!session) return <LoginPrompt hint={hint} busy={busy} onLogin={() => void login()} />;
    // Keyed by member: another account gets a fresh page, not the previous one's state.
    return <Page key={session.member.id} {...props} />;
  }
  LoginGate.displayName = `withLogin(${Page.displayName ?? Page.name ?? 'Page'})`;
  return LoginGate;
}
