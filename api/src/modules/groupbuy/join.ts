/**
 * POST /api/groupbuy/join: the route the opening second hits. Before the checkout path (which
 * reads the address, the SKU and the campaign), a per-instance gate refuses cheaply:
 * - before the start, after the end: from the campaign's window, cached here for a few seconds;
 * - once sold out: from the sold-out mark (the core board: set when a reserve, a quote or the
 *   Redis gate finds no unit left, cleared when a unit comes back, trusted for a few seconds
 *   otherwise; with Redis both travel to every instance at once).
 * Such refusals cause no SQL statement at all. With Redis, a join then takes an admission ticket
 * (admission.ts): only admitted joins reach the database, and every instance shares the count.
 * What passes goes through checkout like any order, with the `groupBuy` field, so the seat is
 * placed by the contributors in one short transaction.
 */
import { campaignPhase } from '@common/groupbuy/rules';
import { AppError } from '../../http/app-error';
import type { CheckoutService, PlacedOrder } from '../orders';
import type { CheckoutInput } from '../orders';
import type { FlashAdmission } from './admission';
import type { CampaignStock } from './campaign.stock';
import { GbSeat, type GbCampaign } from './groupbuy.entities';

/** How long this instance trusts its copy of a campaign's window and SKU. */
const WINDOW_TTL_MS = 3_000;

export interface JoinInput {
  campaignId: number;
  groupId?: number;
  quantity: number;
  addressId: number;
}

export class JoinGate {
  private readonly windows = new Map<number, { at: number; c: Pick<GbCampaign, 'status' | 'startAt' | 'endAt' | 'skuId'> | null }>();

  constructor(
    private readonly stock: CampaignStock,
    private readonly checkout: CheckoutService,
    private readonly now: () => Date,
    /** The Redis admission gate; null without REDIS_URL. */
    private readonly admission: FlashAdmission | null = null,
  ) {}

  async join(memberId: number, input: JoinInput, idempotencyKey: string | null): Promise<PlacedOrder & { groupId: number }> {
    // The flag first: after the sell-out not even the window's copy is re-read.
    if (this.stock.isSoldOut(input.campaignId)) throw new AppError('GROUPBUY_SOLD_OUT');
    const c = await this.window(input.campaignId);
    const now = this.now();
    if (!c || c.status === 'draft') throw new AppError('GROUPBUY_CAMPAIGN_NOT_FOUND', undefined, [{ field: 'campaignId', message: '' }]);
    const phase = campaignPhase(c, now);
    if (phase === 'upcoming') throw new AppError('GROUPBUY_NOT_STARTED');
    if (phase === 'ended') throw new AppError('GROUPBUY_ENDED');
    const body = {
      lines: [{ skuId: c.skuId, quantity: input.quantity }],
      addressId: input.addressId,
      remark: '',
      groupBuy: input.groupId ? { campaignId: input.campaignId, groupId: input.groupId } : { campaignId: input.campaignId },
    } satisfies CheckoutInput;
    const ticket = await this.admission?.admit(input.campaignId, memberId, input.quantity, idempotencyKey !== null);
    let placed: PlacedOrder;
    try {
      placed = await this.checkout.placeOrder(memberId, body, idempotencyKey);
    } catch (err) {
      if (ticket) {
        this.admission!.giveBack(ticket);
        // The database found none left although Redis did: copy it again now, not at the next job run.
        if (err instanceof AppError && err.code === 'GROUPBUY_SOLD_OUT') this.admission!.changed(input.campaignId);
      }
      throw err;
    }
    // A replay took no unit: its ticket goes back.
    if (ticket) (placed.created ? this.admission!.settle(ticket) : this.admission!.giveBack(ticket));
    const seat = await this.stock.manager().findOneByOrFail(GbSeat, { orderId: placed.order.id });
    return { ...placed, groupId: seat.groupId };
  }

  private async window(id: number) {
    const hit = this.windows.get(id);
    const t = this.now().getTime();
    if (hit && t - hit.at < WINDOW_TTL_MS) return hit.c;
    const row = await this.stock.find(id);
    const c = row && { status: row.status, startAt: row.startAt, endAt: row.endAt, skuId: row.skuId };
    this.windows.set(id, { at: t, c });
    return c;
  }

  /** HQ changed a campaign in this instance: forget its cached window. */
  forget(id: number): void {
    this.windows.delete(id);
  }
}
