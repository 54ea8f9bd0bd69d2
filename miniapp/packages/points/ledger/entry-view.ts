/** How one ledger entry reads on 积分明细: the figure that moved, and a tag for pending or debt. */
import type { PointsEntryDto } from '@common/membership/types';

export const KIND_LABEL: Record<PointsEntryDto['kind'], string> = {
  earn: '购物',
  confirm: '购物',
  void: '退款',
  signin: '签到',
  referral: '邀请',
  grant: '赠送',
  deduct: '扣减',
  spend: '抵扣',
  return: '退回',
  clawback: '退款',
  expire: '过期',
};

export function entryFigure(e: PointsEntryDto): { text: string; tone: 'plus' | 'minus' | 'pending'; tag: string | null } {
  const sign = (n: number) => (n > 0 ? `+${n}` : `${n}`);
  if (e.balanceDelta === 0 && e.pendingDelta !== 0) return { text: sign(e.pendingDelta), tone: 'pending', tag: e.pendingDelta > 0 ? '待入账' : '待入账扣回' };
  const repaid = e.debtDelta < 0 ? `抵还欠分 ${-e.debtDelta}` : null;
  const owed = e.debtDelta > 0 ? `欠分 ${e.debtDelta}` : null;
  return { text: sign(e.balanceDelta), tone: e.balanceDelta >= 0 ? 'plus' : 'minus', tag: repaid ?? owed };
}
