/**
 * Points-mall goods at checkout, through the extension points: a body naming `mallItemId` makes
 * the order a points_redemption of one unit of the item's SKU, priced at the item's cash part by
 * a PriceChange (0 when wholly in points: a zero-cash order, paid at creation by checkout's
 * zero-cash path), freight waived. Reserve takes the member's holding, one unit of the item and
 * the points (mall-redeem.ts) in the order's transaction; release on a cancel or a full refund
 * gives them back once (the redemption's `active → returned` compare-and-set).
 */
import type { MallCheckoutNote } from '@common/pointsmall/checkout-notes';
import { AppError } from '../../http/app-error';
import { zs } from '../../http/validate';
import { claimKind } from '../orders';
import { RANK, type CheckoutContributor } from '../orders';
import type { MallItems } from './mall-items';
import type { MallRedemptions } from './mall-redeem';
import { MallItem } from './pointsmall.entities';

export const MALL_FIELD = 'mallItemId';

export function pointsMallContributor(items: MallItems, redemptions: MallRedemptions): CheckoutContributor {
  const refuse = (code: 'MALL_ITEM_NOT_FOUND' | 'MALL_ITEM_KIND_MISMATCH' | 'MALL_ITEM_SOLD_OUT' | 'MALL_LINES_MISMATCH', detail: string, field = MALL_FIELD) =>
    new AppError(code, detail, [{ field, message: code === 'MALL_LINES_MISMATCH' ? '积分兑换每次只能兑换一件该商品' : '请重新选择兑换商品' }]);
  return {
    name: 'pointsmall',
    rank: RANK.kind,
    field: { name: MALL_FIELD, schema: zs.bodyId().optional(), description: '积分商城兑换的商品（实物）' },
    async quote(draft) {
      const id = draft.body[MALL_FIELD] as number | undefined;
      if (id === undefined) return;
      const item = await items.require(id).catch(() => null);
      if (!item || !item.active) throw refuse('MALL_ITEM_NOT_FOUND', `item ${id}`);
      if (item.kind !== 'goods' || !item.skuId) throw refuse('MALL_ITEM_KIND_MISMATCH', `item ${id} is ${item.kind}`);
      const [line, ...more] = draft.lines;
      if (!line || more.length || line.skuId !== item.skuId || line.quantity !== 1) throw refuse('MALL_LINES_MISMATCH', `item ${id}`, 'lines');
      if (item.stock < 1) throw refuse('MALL_ITEM_SOLD_OUT', `item ${id}`);
      claimKind(draft, 'points_redemption', MALL_FIELD);
      draft.priceChanges.push({ skuId: item.skuId, unitPriceFen: item.cashFen, label: '积分兑换价' });
      draft.freightWaived = true;
      const note: MallCheckoutNote = { itemId: item.id, points: item.pointsPrice, cashFen: item.cashFen };
      draft.notes.pointsmall = note;
      // The holding rows are made outside the order transaction (see ensureRow).
      if (draft.placing) await redemptions.prepare(item, draft.memberId);
    },
    async reserve({ m, order, draft, now }) {
      const id = draft.body[MALL_FIELD] as number | undefined;
      if (id === undefined) return;
      const item = await m.findOneBy(MallItem, { id });
      if (!item) throw refuse('MALL_ITEM_NOT_FOUND', `item ${id}`);
      await redemptions.take(m, item, order.memberId, now, order.id);
    },
    async release({ m, order, reason, refund, now }) {
      if (order.kind !== 'points_redemption') return;
      if (reason === 'cancel' || refund?.fullyRefunded) await redemptions.giveBackForOrder(m, order.id, now);
    },
  };
}
