/** Chinese labels of the membership and points codes the console shows. */
import type { PointsEntryKindDto } from '@common/membership/types';

export const ENTRY_KIND_LABELS: Record<PointsEntryKindDto, string> = {
  earn: '购物获得（待生效）',
  confirm: '购物积分生效',
  void: '购物积分作废',
  signin: '签到',
  referral: '推荐奖励',
  grant: '总部发放',
  deduct: '总部扣减',
  spend: '下单抵扣',
  return: '退还',
  clawback: '退款扣回',
  expire: '过期',
};

/** +12 / -5 / 0, the way a ledger shows a change. */
export const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));
