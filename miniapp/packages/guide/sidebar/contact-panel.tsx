/**
 * One-to-one chat: who the customer is (tier, points, growth to the next tier, last orders, usable
 * coupons, binding, touches, segment and tags, my notes), or, for a contact with no member link,
 * the prompt to send the 新人礼 card.
 */
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { formatFen } from '@common/money';
import { ORDER_STATUS_LABELS } from '@common/order/state';
import { messageOf } from '../../../services/http';
import { addNote, fetchContact, type ContactProfile } from '../../../services/sidebar';
import { toast } from '../../../utils/toast';
import { formatDateCn, formatDateTimeCn } from '../../../utils/format';
import { Block, Failed, useLoad } from './parts';

type Known = Extract<ContactProfile, { known: true }>;

/** What a touched card showed, from its landing path. */
function cardOf(path: string): string {
  if (path.includes('/groupbuy/')) return '拼团卡片';
  if (path.includes('/coupons/')) return '优惠券卡片';
  if (path.includes('/product/')) return '商品卡片';
  return '店铺卡片';
}

export function ContactPanel({ externalUserId, onSendNewcomer, sending }: { externalUserId: string; onSendNewcomer: () => void; sending: boolean }) {
  const [state, load, edit] = useLoad(() => fetchContact(externalUserId), externalUserId);

  if (state.kind === 'loading') return <View className='sb-card sb-skeleton' />;
  if (state.kind === 'error') return <Failed message={state.message} onRetry={load} />;
  const p = state.data;
  if (!p.known) {
    return (
      <View className='sb-card sb-unknown'>
        <Text className='sb-unknown__title'>未识别的客户</Text>
        <Text className='sb-unknown__hint'>{p.hint}</Text>
        {p.addedThisGuide && <Text className='sb-unknown__meta'>TA 已添加你为企业微信好友</Text>}
        <View className='sb-button sb-unknown__send' onClick={() => !sending && onSendNewcomer()}>
          {sending ? '发送中…' : '发送新人礼卡片'}
        </View>
      </View>
    );
  }
  return <KnownProfile profile={p} onNote={(n) => edit({ ...p, notes: [n, ...p.notes] })} />;
}

function KnownProfile({ profile: p, onNote }: { profile: Known; onNote: (n: Known['notes'][number]) => void }) {
  const binding = p.boundToMe ? '已绑定我' : p.boundToOther ? `已绑定导购 ${p.boundToOther}` : '未绑定导购';
  const progress = p.next ? Math.min(100, Math.round((p.growth / (p.growth + p.next.missing)) * 100)) : 100;
  return (
    <View className='sb-profile'>
      <View className='sb-card sb-profile__head'>
        <View className='sb-profile__row'>
          <Text className='sb-profile__name'>{p.nickname}</Text>
          <Text className={`sb-tag sb-tag--tier-${p.tier} sb-profile__tier`}>{p.tierLabel}</Text>
          <Text className={`sb-tag sb-profile__bound${p.boundToMe ? ' sb-profile__bound--me' : ''}`}>{binding}</Text>
        </View>
        <View className='sb-stats'>
          <View className='sb-stat'>
            <Text className='sb-stat__value sb-profile__points'>{p.points}</Text>
            <Text className='sb-stat__label'>积分</Text>
          </View>
          <View className='sb-stat'>
            <Text className='sb-stat__value sb-profile__growth'>{p.growth}</Text>
            <Text className='sb-stat__label'>成长值</Text>
          </View>
        </View>
        <View className='sb-progress'>
          <View className='sb-progress__bar' style={{ width: `${progress}%` }} />
        </View>
        <Text className='sb-profile__next'>{p.next ? `再得 ${p.next.missing} 成长值升级为${p.next.label}` : '已是最高等级'}</Text>
        {(p.segment || (p.tags && p.tags.length > 0)) && (
          <View className='sb-profile__tags'>
            {p.segment && <Text className='sb-tag sb-tag--segment'>{p.segment}</Text>}
            {p.tags?.map((t) => (
              <Text key={t} className='sb-tag'>
                {t}
              </Text>
            ))}
          </View>
        )}
      </View>

      <Block title={`最近订单（${p.lastOrders.length}）`} empty={p.lastOrders.length === 0 ? '还没有订单' : null}>
        {p.lastOrders.map((o) => (
          <View key={o.orderId} className='sb-line sb-order'>
            <View className='sb-line__main'>
              <Text className='sb-line__title'>{o.summary}</Text>
              <Text className='sb-line__meta'>
                {formatDateCn(o.createdAt)} · {ORDER_STATUS_LABELS[o.status as keyof typeof ORDER_STATUS_LABELS] ?? o.status}
              </Text>
            </View>
            <Text className='sb-line__figure'>{formatFen(o.payableFen)}</Text>
          </View>
        ))}
      </Block>

      <Block title={`可用优惠券（${p.usableCoupons.length}）`} empty={p.usableCoupons.length === 0 ? '暂无可用优惠券' : null}>
        {p.usableCoupons.map((c) => (
          <View key={c.id} className='sb-line sb-coupon'>
            <View className='sb-line__main'>
              <Text className='sb-line__title'>{c.name}</Text>
              <Text className='sb-line__meta'>
                {c.summary} · {formatDateCn(c.validTo)}到期
              </Text>
            </View>
          </View>
        ))}
      </Block>

      <Block title='最近互动' empty={p.touches.length === 0 ? '还没打开过你分享的卡片' : null}>
        {p.touches.map((t) => (
          <View key={`${t.at}-${t.path}`} className='sb-line sb-touch'>
            <Text className='sb-line__meta'>
              {formatDateTimeCn(t.at).slice(5, 16)} {t.groupChatId ? '在群里' : ''}打开了{cardOf(t.path)}
            </Text>
          </View>
        ))}
      </Block>

      <Notes externalUserId={p.externalUserId} notes={p.notes} onNote={onNote} />
    </View>
  );
}

function Notes({ externalUserId, notes, onNote }: { externalUserId: string; notes: Known['notes']; onNote: (n: Known['notes'][number]) => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const value = text.trim();
    if (!value || busy) return;
    if (value.length > 500) return toast('备注最多 500 字');
    setBusy(true);
    try {
      onNote(await addNote(externalUserId, value));
      setText('');
      toast('已保存', 'success');
    } catch (e) {
      toast(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Block title='我的备注' empty={null}>
      <View className='sb-note-form'>
        <Input className='sb-note-form__input' value={text} maxlength={500} placeholder='记录客户喜好、尺码、到店时间…' onInput={(e) => setText(e.detail.value)} onConfirm={() => void save()} />
        <View className='sb-button sb-button--small sb-note-form__save' onClick={() => void save()}>
          {busy ? '保存中…' : '保存'}
        </View>
      </View>
      {notes.length === 0 && <Text className='sb-empty'>还没有备注，只有你自己能看到</Text>}
      {notes.map((n) => (
        <View key={n.id} className='sb-note'>
          <Text className='sb-note__text'>{n.text}</Text>
          <Text className='sb-line__meta'>{formatDateTimeCn(n.createdAt).slice(0, 16)}</Text>
        </View>
      ))}
    </Block>
  );
}
