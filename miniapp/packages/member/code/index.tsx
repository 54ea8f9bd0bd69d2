/**
 * 我的 → 会员码: the barcode and QR code of a signed member token the store counter scans. A
 * token is fetched every 60 s and the counter accepts it for 2 minutes; the last one is kept in
 * storage, so offline the page still shows it until it stops being accepted. The screen stays on
 * and bright while the page shows. First use without a card asks for the phone number (开卡).
 * Below the code: the store's guide to add on WeCom (添加导购). It is fetched with every token,
 * so within a minute of a counter scan (and on every show) it names the scanning store's guide:
 * only an add of that store's guide earns the store's 双倍积分.
 */
import { useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { cacheOf, RETRY_MS, viewOf, type CodeView } from '@common/member-card/code-cache';
import { withLogin } from '../../../components/require-login';
import { ErrorState } from '../../../components/empty-state';
import { CodeCanvas } from '../../../components/code-canvas';
import { GuideContact } from '../../../components/guide-contact';
import { fetchMyGuide, type GuideCard } from '../../../services/guides';
import { isApiError, messageOf } from '../../../services/http';
import { fetchCardStatus, fetchMemberCode, openCard, readCachedCode, saveCachedCode } from '../../../services/member-card';
import { keepScreenBright } from '../../../services/screen';
import { readSession } from '../../../services/session';
import { toast } from '../../../utils/toast';
import { OpenCardPanel } from '../open-card';
import '../member.scss';

type CardState = 'loading' | 'opened' | 'closed' | 'error';

function MemberCodePage() {
  const memberId = readSession()?.member.id ?? 0;
  const [card, setCard] = useState<CardState>('loading');
  const [error, setError] = useState('');
  const [view, setView] = useState<CodeView>(() => viewOf(readCachedCode(), memberId, Date.now()));
  const [offline, setOffline] = useState(false);
  const [busy, setBusy] = useState(false);
  const [guide, setGuide] = useState<GuideCard | null>(null);
  const nextFetchAt = useRef(0);
  const inflight = useRef(false);

  const loadStatus = () => {
    setError('');
    fetchCardStatus().then(
      (s) => setCard(s.opened ? 'opened' : 'closed'),
      (e: unknown) => {
        // Offline with a token still accepted: show it; otherwise the error.
        if (viewOf(readCachedCode(), memberId, Date.now()).kind !== 'none') {
          setCard('opened');
          setOffline(true);
        } else {
          setError(messageOf(e));
          setCard('error');
        }
      },
    );
  };

  // The card follows the latest counter scan (the API answers the scanning store's guide); keep the last one on failure.
  const loadGuide = () => {
    fetchMyGuide().then(setGuide, () => undefined);
  };

  const fetchCode = () => {
    inflight.current = true;
    loadGuide();
    fetchMemberCode()
      .then((code) => {
        const cached = cacheOf(memberId, code, Date.now());
        saveCachedCode(cached);
        const v = viewOf(cached, memberId, Date.now());
        nextFetchAt.current = Date.now() + (v.kind === 'live' ? v.refreshInMs : RETRY_MS);
        setView(v);
        setOffline(false);
      })
      .catch((e: unknown) => {
        if (isApiError(e) && e.code === 'MEMBER_CARD_NOT_OPENED') setCard('closed');
        nextFetchAt.current = Date.now() + RETRY_MS;
        setOffline(true);
      })
      .finally(() => {
        inflight.current = false;
      });
  };

  // One clock drives the page: it re-reads what the stored token allows and fetches when due.
  const tick = () => {
    setView(viewOf(readCachedCode(), memberId, Date.now()));
    if (card === 'opened' && !inflight.current && Date.now() >= nextFetchAt.current) fetchCode();
  };
  const retryNow = () => {
    nextFetchAt.current = 0;
    tick();
  };
  const tickRef = useRef(tick);
  tickRef.current = tick;

  const shown = useRef<(() => void) | null>(null);
  const start = () => {
    if (shown.current) return;
    const undoBright = keepScreenBright();
    const timer = setInterval(() => tickRef.current(), 1000);
    shown.current = () => {
      clearInterval(timer);
      undoBright();
    };
  };
  const stop = () => {
    shown.current?.();
    shown.current = null;
  };
  useEffect(() => {
    loadStatus();
    start();
    return stop;
  }, []);
  useDidShow(() => {
    nextFetchAt.current = 0;
    start();
  });
  useDidHide(stop);
  useEffect(() => {
    if (card === 'opened') tick();
  }, [card]);

  const open = async (code: string) => {
    setBusy(true);
    try {
      await openCard(code);
      nextFetchAt.current = 0;
      setCard('opened');
    } catch (e) {
      toast(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (card === 'error') return <ErrorState message={error} onRetry={loadStatus} />;
  if (card === 'loading') return <View className='member-page shimmer' />;
  if (card === 'closed') {
    return (
      <View className='member-page'>
        <OpenCardPanel
          title='开卡后使用会员码'
          hint='会员码用于门店结账时累积积分、使用优惠券。首次使用需用微信绑定的手机号开卡。'
          declinedHint='不开卡也可以正常网购，需要时随时回来开卡。'
          label='开卡并使用会员码'
          busy={busy}
          onCode={(code) => void open(code)}
        />
      </View>
    );
  }

  return (
    <View className='member-page'>
      <View className='member-code'>
        {view.kind === 'none' ? (
          offline ? (
            <View className='member-code__gone'>
              <Text>网络不可用，会员码已失效</Text>
              <Text className='member-link' onClick={retryNow}>
                点击重试
              </Text>
            </View>
          ) : (
            <View className='member-code__placeholder shimmer' />
          )
        ) : (
          <View className='member-code__body' data-token={view.token}>
            <CodeCanvas id='member-code-bar' className='member-code__bar' kind='bar' text={view.token} width={300} height={72} />
            <Text className='member-code__token'>{view.token}</Text>
            <CodeCanvas id='member-code-qr' className='member-code__qr' kind='qr' text={view.token} width={180} height={180} />
            <Text className='member-code__hint'>
              {view.kind === 'stale' ? `网络不可用，当前会员码 ${Math.ceil(view.validForMs / 1000)} 秒内有效` : '每 60 秒自动刷新，仅限本人到店出示'}
            </Text>
          </View>
        )}
      </View>
      {guide && (
        <View className='member-block member-guide'>
          <Text className='member-block__title'>添加导购</Text>
          <Text className='member-block__hint'>
            {guide.storeName} · {guide.name}：加企业微信，专属优惠与到店服务
          </Text>
          <GuideContact guide={guide} />
        </View>
      )}
    </View>
  );
}

export default withLogin(MemberCodePage, '登录后出示会员码');
