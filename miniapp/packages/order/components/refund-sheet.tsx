/** 申请退款: a bottom sheet to pick the reason (REFUND_REASONS), then submit. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatFen } from '@common/money';
import { REFUND_REASONS } from '@common/order/types';
import { Check } from '../../../components/check';
import './refund-sheet.scss';

interface RefundSheetProps {
  amountFen: number;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

export function RefundSheet({ amountFen, onSubmit, onClose }: RefundSheetProps) {
  const [reason, setReason] = useState<string | null>(null);
  return (
    <View className='refund-sheet' catchMove>
      <View className='refund-sheet__mask' onClick={onClose} />
      <View className='refund-sheet__panel'>
        <View className='refund-sheet__head'>
          <Text className='refund-sheet__title'>申请退款</Text>
          <Text className='refund-sheet__close' onClick={onClose}>
            ×
          </Text>
        </View>
        <Text className='refund-sheet__amount'>退款金额 {formatFen(amountFen)}（原路退回）</Text>
        <Text className='refund-sheet__label'>请选择退款原因</Text>
        {REFUND_REASONS.map((r) => (
          <View key={r} className='refund-sheet__reason' onClick={() => setReason(r)}>
            <Text>{r}</Text>
            <Check checked={reason === r} onChange={() => setReason(r)} />
          </View>
        ))}
        <View
          className={`refund-sheet__submit${reason ? '' : ' refund-sheet__submit--off'}`}
          onClick={() => reason && onSubmit(reason)}
        >
          提交申请
        </View>
      </View>
    </View>
  );
}
