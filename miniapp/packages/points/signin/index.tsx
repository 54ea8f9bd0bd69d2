/** 签到: today's button, the streak, and this month's calendar with the days already signed. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { SigninStatusDto } from '@common/membership/types';
import { fetchSignin, signIn } from '../../../services/points';
import { messageOf } from '../../../services/http';
import { ErrorState } from '../../../components/empty-state';
import { withLogin } from '../../../components/require-login';
import { usePageShow } from '../../../hooks/use-page-show';
import { toast } from '../../../utils/toast';
import { monthCells } from './calendar';
import './index.scss';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

function SigninPage() {
  const [s, setS] = useState<SigninStatusDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = () =>
    fetchSignin().then(
      (next) => {
        setS(next);
        setError(null);
      },
      (e) => setError(messageOf(e)),
    );
  usePageShow(() => void load());

  const doSignin = async () => {
    if (busy || !s || s.signedToday) return;
    setBusy(true);
    try {
      const r = await signIn();
      toast(r.bonus ? `签到成功 +${r.points}（含连签奖励）` : `签到成功 +${r.points}`);
    } catch (e) {
      toast(messageOf(e));
    } finally {
      setBusy(false);
      void load();
    }
  };

  if (!s && error) return <ErrorState message={error} onRetry={() => void load()} />;
  if (!s) return <View className='signin-page signin-page--loading shimmer' />;
  const signed = new Set(s.days);
  return (
    <View className='signin-page'>
      <View className='signin-head'>
        <Text className='signin-head__streak'>已连续签到 {s.streak} 天</Text>
        <View className={`signin-button${s.signedToday ? ' signin-button--done' : ''}`} onClick={() => void doSignin()}>
          {s.signedToday ? '今日已签到' : `签到 +${s.todayPoints}`}
        </View>
        <Text className='signin-head__rule'>每天签到领积分，连续签到有额外奖励</Text>
      </View>
      <View className='signin-calendar'>
        <Text className='signin-calendar__month'>{s.month.replace('-', ' 年 ')} 月</Text>
        <View className='signin-calendar__grid'>
          {WEEK.map((w) => (
            <Text key={w} className='signin-calendar__week'>
              {w}
            </Text>
          ))}
          {monthCells(s.month).map((day, i) => (
            <View
              key={day ?? `pad-${i}`}
              className={`signin-day${day && signed.has(day) ? ' signin-day--signed' : ''}${day === s.today ? ' signin-day--today' : ''}`}
            >
              {day ? Number(day.slice(8)) : ''}
            </View>
          ))}
        </View>
      </View>
    </View>
  );
}

export default withLogin(SigninPage, '登录后即可每日签到领积分');
