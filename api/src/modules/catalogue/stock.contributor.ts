/**
 * The catalogue's part in checkout: the stock contributor. Before any SQL it refuses a SKU marked
 * sold out (sku-sold-out.ts); once the lines are read, and before any other contributor's reads,
 * it refuses what the stock read cannot cover (advisory: "仅剩 3 件"), marking a SKU found
 * empty; reserve takes the units by conditional UPDATE (stock.ts), last of all contributors so
 * the hot SKU rows stay locked as briefly as possible; a cancel gives them back. A refund gives
 * no stock back (the goods may have shipped; returns go back on the shelf by an HQ adjustment).
 *
 * An order kind whose units are held elsewhere (a group-buy seat takes a unit of its campaign's
 * allocation, already taken off the SKU when the campaign was scheduled) registers itself with
 * holdElsewhere(kind) and takes no SKU stock at checkout.
 */
import { AppError } from '../../http/app-error';
import type { OrderKind } from '@common/order/state';
import { RANK, type CheckoutBodyCore, type CheckoutContributor, type CheckoutDraft, type ReleaseContext, type ReserveContext } from '../orders';
import { SkuGate } from './sku-gate';
import { observedAt, type SkuSoldOut } from './sku-sold-out';
import { releaseStock, reserveStock } from './stock';

const outOfStock = (skuId: number, index: number, left: number) =>
  new AppError('OUT_OF_STOCK', `sku ${skuId}: ${left} left`, [{ field: `lines.${index}.quantity`, message: `仅剩 ${Math.max(0, left)} 件` }]);

export class StockContributor implements CheckoutContributor {
  readonly name = 'stock';
  readonly rank = RANK.stock;
  private readonly elsewhere = new Set<OrderKind>();
  /** When each plain order was admitted: its stock read began after this (a mark must not predate a clear). */
  private readonly admittedAt = new WeakMap<CheckoutBodyCore, number>();
  /** Each plain order's lines' committed counts before its stock read (the gate's "since the read"). */
  private readonly takenAtRead = new WeakMap<CheckoutBodyCore, number[]>();

  constructor(
    private readonly soldOut: SkuSoldOut | null = null,
    readonly gate = new SkuGate(),
  ) {}

  holdElsewhere(kind: OrderKind): this {
    this.elsewhere.add(kind);
    return this;
  }

  admit(body: CheckoutBodyCore): void {
    // Asked again before the transaction: the first admission is when the stock read began.
    if (!this.admittedAt.has(body)) {
      this.admittedAt.set(body, observedAt());
      this.takenAtRead.set(body, body.lines.map((l) => this.gate.takenOf(l.skuId)));
    }
    body.lines.forEach((l, i) => {
      if (this.soldOut?.isSoldOut(l.skuId)) throw outOfStock(l.skuId, i, 0);
    });
  }

  precheck(draft: CheckoutDraft): void {
    const since = this.admittedAt.get(draft.body);
    for (const l of draft.lines) {
      if (l.stock <= 0 && since !== undefined) this.soldOut?.seenEmpty(l.skuId, since);
    }
    this.check(draft);
  }

  /** Waits for a place among the SKUs' placements in flight (sku-gate.ts); a mark set meanwhile refuses. */
  hold(draft: CheckoutDraft): Promise<(committed: boolean) => void> {
    const lines = draft.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity, stock: l.stock }));
    const taken = this.takenAtRead.get(draft.body) ?? lines.map((l) => this.gate.takenOf(l.skuId));
    return this.gate.enter(lines, taken, () => this.admit(draft.body));
  }

  quote(draft: CheckoutDraft): void {
    if (!this.elsewhere.has(draft.kind)) this.check(draft);
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

  private check(draft: CheckoutDraft): void {
    for (const l of draft.lines) if (l.stock < l.quantity) throw outOfStock(l.skuId, l.index, l.stock);
  }
}
