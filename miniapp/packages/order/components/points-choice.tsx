/**
 * 确认订单's points choice (a checkout extra): a switch to use points and the amount (whole points,
 * at most what the preview's notes.points allows), with the ¥ it saves. It sets the request field
 * `pointsToUse`; the server re-checks everything.
 */
import { useEffect, useState } from 'react';
import { Input, Switch, Text, View } from '@tarojs/components';
import { formatFen } from '@common/money';
import type {} from '@common/membership/checkout-notes';
import type { CheckoutExtraProps } from '../confirm/extras';
import './points-choice.scss';


const fenOf = (points: number, pointsPerYuan: number) => Math.floor((points * 100) / pointsPerYuan);

export function PointsChoice({ preview, fields, setField }: CheckoutExtraProps) {
  const note = preview.notes.points;
  const value = typeof fields.pointsToUse === 'number' ? fields.pointsToUse : 0;
  const onChange = (points: number) => setField('pointsToUse', points > 0 ? points : undefined);
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  if (!note) return null;

  const usable = note.maxUsable > 0;
  const commit = (raw: string) => {
    const n = /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : 0;
    onChange(Math.min(n, note.maxUsable));
  };

  return (
    <View className='points-choice'>
      <View className='points-choice__row'>
        <View className='points-choice__info'>
          <Text className='points-choice__title'>积分抵扣</Text>
          <Text className='points-choice__hint'>
            {usable ? `可用 ${note.balance} 积分，本单最多抵 ${formatFen(fenOf(note.maxUsable, note.pointsPerYuan))}` : `可用 ${note.balance} 积分，本单暂不可用`}
          </Text>
        </View>
        <Switch className='points-choice__switch' checked={value > 0} disabled={!usable} color='#e8452c' onChange={(e) => onChange(e.detail.value ? note.maxUsable : 0)} />
      </View>
      {value > 0 && (
        <View className='points-choice__row'>
          <Text className='points-choice__label'>使用</Text>
          <Input className='points-choice__input' type='number' value={draft} onInput={(e) => setDraft(e.detail.value)} onBlur={(e) => commit(e.detail.value)} onConfirm={(e) => commit(e.detail.value)} />
          <Text className='points-choice__label'>积分，</Text>
          <Text className='points-choice__saved'>抵 {formatFen(fenOf(value, note.pointsPerYuan))}</Text>
        </View>
      )}
    </View>
  );
}
