/**
 * What the coupon rules need to know about a member, from the modules that own it: when they
 * registered (auth), their tier (membership; rank 0 when none is given), and whether
 * they have ordered before (the orders module's has-ordered ports).
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { ReceiverFacts } from '@common/coupon/rules';
import type { AuthService } from '../auth';
import type { OrderFacts } from '../orders';

export type TierRankOf = (memberId: number) => Promise<number>;

export class MemberFacts {
  constructor(
    private readonly ds: DataSource,
    private readonly auth: Pick<AuthService, 'memberById'>,
    private readonly orders: Pick<OrderFacts, 'hasPaidOrder' | 'hasOrdered'>,
    private readonly tierRankOf: TierRankOf = async () => 0,
  ) {}

  async receiver(memberId: number): Promise<ReceiverFacts | null> {
    const member = await this.auth.memberById(memberId);
    if (!member) return null;
    const [tierRank, hasPaidOrder] = await Promise.all([this.tierRankOf(memberId), this.orders.hasPaidOrder(memberId)]);
    return { registeredAt: member.createdAt, tierRank, hasPaidOrder };
  }

  /** First order: the member has no order other than cancelled ones (excluding `orderId`, the one being placed). */
  async isFirstOrder(memberId: number, m: EntityManager = this.ds.manager, orderId?: number): Promise<boolean> {
    return !(await this.orders.hasOrdered(memberId, m, orderId));
  }
}
