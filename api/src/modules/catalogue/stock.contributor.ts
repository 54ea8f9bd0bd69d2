/**
 * The catalogue's part in checkout: the stock contributor. Quote warns early (advisory: "仅剩 3
 * 件"); reserve takes the units by conditional UPDATE (stock.ts), last of all contributors so
 * the hot SKU rows stay locked as briefly as possible; a cancel gives them back. A refund gives
 * no stock back (the goods may have shipped; returns go back on the shelf by an HQ adjustment).
 *
 * An order kind whose units are held elsewhere (a group-buy seat takes a unit of its campaign's
 * allocation, already taken off the SKU when the campaign was scheduled) registers itself with
 * holdElsewhere(kind) and takes no SKU stock at checkout.
 */
import { AppError } from '../../http/app-error';
import type { OrderKind } from '@common/order/state';
import { RANK, type CheckoutContributor, type CheckoutDraft, type ReleaseContext, type ReserveContext } from '../orders';
import { releaseStock, reserveStock } from './stock';

export class StockContributor implements CheckoutContributor {
  readonly name = 'stock';
  readonly rank = RANK.stock;
  private readonly elsewhere = new Set<OrderKind>();

  holdElsewhere(kind: OrderKind): this {
    this.elsewhere.add(kind);
    return this;
  }

  quote(draft: CheckoutDraft): void {
    if (this.elsewhere.has(draft.kind)) return;
    for (const l of draft.lines) {
      if (l.stock < l.quantity) {
        throw new AppError('OUT_OF_STOCK', `sku ${l.skuId}: ${l.stock} left`, [{ field: `lines.${l.index}.quantity`, message: `仅剩 ${Math.max(0, l.stock)} 件` }]);
      }
    }
  }

  async reserve(ctx: ReserveContext): Promise<void> {
    if (this.elsewhere.has(ctx.order.kind)) return;
    await reserveStock(
      ctx.m,
      ctx.draft.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity, field: `lines.${l.index}` })),
      ctx.now,
    );
  }

  async release(ctx: ReleaseContext): Promise<void> {
    if (ctx.reason !== 'cancel' || this.elsewhere.has(ctx.order.kind)) return;
    await releaseStock(ctx.m, ctx.lines, ctx.now);
  }
}
