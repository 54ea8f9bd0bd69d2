import type { DataSource } from 'typeorm';
import type { Transactor } from '../../db/transaction';
import type { InsightSettings } from './insight.settings';

/** What insight reads from other modules, through their public read ports (wired in insight.module.ts). */
export interface Binding {
  guideId: number;
  storeId: number;
}

export interface InsightPorts {
  /** When the member registered; null: no such member. */
  registeredAt(memberId: number): Promise<Date | null>;
  /** Members by id after `afterId`, ascending (the nightly backfill). */
  membersAfter(afterId: number, limit: number): Promise<{ id: number; createdAt: Date }[]>;
  nicknames(memberIds: readonly number[]): Promise<Map<number, string>>;
  bindingOf(memberId: number): Promise<Binding | null>;
  bindingsOf(memberIds: readonly number[]): Promise<Map<number, Binding>>;
  /** The order as the insight row needs it; null when it is not (or no longer) a paid order. */
  paidOrder(orderId: number): Promise<{ memberId: number; paidAt: Date; payableFen: number; refundedFen: number; promo: boolean } | null>;
}

/** What the insight services share. */
export interface InsightCore {
  ds: DataSource;
  tx: Transactor;
  settings: InsightSettings;
  ports: InsightPorts;
  now: () => Date;
}
