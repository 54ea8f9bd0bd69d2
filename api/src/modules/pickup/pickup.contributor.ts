/**
 * 到店自提 at checkout, through the extension points (no edit inside checkout):
 * - quote: `pickupStoreId` names an enabled store; the order's kind becomes `pickup` (no address,
 *   no freight; see common/order/state.ts), and notes.pickup tells 确认订单 where to collect;
 * - reserve: one pickup_order row with a fresh random code, unique among open codes by the
 *   database key (a clash, one in tens of millions, draws again);
 * - the order's transitions move the row on (pickup.hooks.ts); nothing to release.
 */
import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { PICKUP_CODE_LENGTH } from '@common/pickup/rules';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../http/app-error';
import { zs } from '../../http/validate';
import { claimKind, RANK, type CheckoutContributor } from '../orders';
import type { PickupStores } from './pickup-stores';
import { PickupOrder } from './pickup.entities';

export const PICKUP_FIELD = 'pickupStoreId';
const MAX_DRAWS = 5;

/** 8 random digits from the CSPRNG: a code cannot be guessed from another. */
export const drawCode = (): string => String(randomInt(0, 10 ** PICKUP_CODE_LENGTH)).padStart(PICKUP_CODE_LENGTH, '0');

/**
 * Inserts the order's pickup row. The unique key on open_code is the guard: a clash with an open
 * code fails only this statement (MySQL and SQLite roll back the statement, not the transaction),
 * and another code is drawn.
 */
async function insertWithFreshCode(m: EntityManager, row: Omit<PickupOrder, 'id' | 'code' | 'openCode'>): Promise<void> {
  for (let draw = 1; ; draw++) {
    const code = drawCode();
    try {
      await m.insert(PickupOrder, { ...row, code, openCode: code });
      return;
    } catch (err) {
      if (!isUniqueViolation(err) || draw >= MAX_DRAWS) throw err;
    }
  }
}

export function pickupContributor(stores: PickupStores): CheckoutContributor {
  return {
    name: 'pickup',
    // After the kinds a price decides (group seat, points mall): a pickup with one of those is refused by claimKind.
    rank: RANK.kind + 50,
    field: { name: PICKUP_FIELD, schema: zs.bodyId().optional(), description: '到店自提的门店 id（不传则快递配送）' },
    async quote(draft) {
      const storeId = draft.body[PICKUP_FIELD] as number | undefined;
      if (storeId === undefined) return;
      const store = await stores.enabledStore(storeId);
      if (!store) throw new AppError('PICKUP_STORE_NOT_FOUND', `store ${storeId}`, [{ field: PICKUP_FIELD, message: '该门店不存在或暂不支持自提' }]);
      claimKind(draft, 'pickup', PICKUP_FIELD);
      // Nothing ships: no freight, whatever the goods total.
      draft.freightWaived = true;
      draft.notes.pickup = { storeId, name: store.name, address: store.address, hours: store.hours };
    },
    async reserve({ m, order, draft, now }) {
      const note = draft.notes.pickup;
      if (order.kind !== 'pickup' || !note) return;
      await insertWithFreshCode(m, { orderId: order.id, storeId: note.storeId, memberId: order.memberId, state: 'awaiting_payment', readyAt: null, collectedAt: null, collectedBy: null, createdAt: now, updatedAt: now });
    },
  };
}
