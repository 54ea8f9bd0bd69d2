/**
 * What the coupon rules need to know about a member, from the modules that own it: when they
 * registered (auth), their tier (membership; rank 0 until that module is wired in), and whether
 * they have ordered before (orders). The orders module exports no "has ordered" reader, so this
 * reads shop_order read-only through its entity, in one place.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { In, Not } from 'typeorm';
import type { ReceiverFacts } from '@common/coupon/rules';
import type { AuthService } from '../auth/auth.service';
import { ShopOrder } from '../orders/orders.entities';

/** Orders that count as "having ordered": everything but a cancelled one. */
const NOT_AN_ORDER = ['cancelled'];
const PAID = ['paid', 'shipped', 'completed', 'refunding', 'refunded'];

export type TierRankOf = (memberId: number) => Promise<number>;

export class MemberFacts {
  constructor(
    private readonly ds: DataSource,
    private readonly auth: AuthService,
    private readonly tierRankOf: TierRankOf = async () => 0,
  ) {}

  async receiver(memberId: number): Promise<ReceiverFacts | null> {
    const member = await this.auth.memberById(memberId);
    if (!member) return null;
    const [tierRank, paid] = await Promise.all([this.tierRankOf(memberId), this.ds.getRepository(ShopOrder).countBy({ memberId, status: In(PAID) })]);
    return { registeredAt: member.createdAt, tierRank, hasPaidOrder: paid > 0 };
  }

  /** First order: the member has no order other than cancelled ones (excluding `orderId`, the one being placed). */
  async isFirstOrder(memberId: number, m: EntityManager = this.ds.manager, orderId?: number): Promise<boolean> {
    const where = { memberId, status: Not(In(NOT_AN_ORDER)), ...(orderId ? { id: Not(orderId) } : {}) };
    return (await m.getRepository(ShopOrder).countBy(where)) === 0;
  }
}
