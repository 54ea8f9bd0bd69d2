/**
 * Quoting a prospective order: load the SKUs the client named, let every contributor shape the
 * draft (kind, unit prices, adjustments, guide), then price it with common/order/pricing.ts.
 * Every figure comes from the database and the contributors; the body never carries one. Used
 * by 确认订单 (preview) and by placing an order, outside the transaction: the contributors'
 * reserve steps re-check everything that matters with conditional writes.
 */
import type { EntityManager } from 'typeorm';
import { buyProblem } from '@common/catalogue/buyable';
import { specLabel } from '@common/catalogue/sku';
import { formatFen } from '@common/money';
import { applyPriceChanges, MAX_ORDER_FEN, priceOrder, type OrderPricing } from '@common/order/pricing';
import { acceptsAdjustment, adjustmentRefusal, type OrderKind } from '@common/order/state';
import type { CheckoutPreviewDto, OrderLineDto } from '@common/order/types';
import { AppError } from '../../../http/app-error';
import { readMember, type BoundReadPart } from './member-read';
import { draftPricingLines, type CheckoutBodyCore, type CheckoutContributor, type CheckoutContributors, type CheckoutDraft, type DraftLine } from './contributor';

export interface Quote {
  draft: CheckoutDraft;
  pricing: OrderPricing;
  /** One per input line, in input order: snapshot and figures of each. */
  lines: OrderLineDto[];
  /** Ends the contributors' holds (placing a plain order); `committed`: the order was written. Idempotent. */
  release(committed: boolean): void;
}

const field = (i: number, f: string, message: string) => [{ field: `lines.${i}.${f}`, message }];

/** Sets the draft's kind; an order has one kind, so a second, different claim is refused. */
export function claimKind(draft: CheckoutDraft, kind: OrderKind, field: string): void {
  if (draft.kind !== 'normal' && draft.kind !== kind) {
    throw new AppError('VALIDATION_FAILED', `order is already ${draft.kind}`, [{ field, message: '不能与其他活动同时使用' }]);
  }
  draft.kind = kind;
}

/**
 * Does the draft's kind accept what `c` brings? When not, a shopper who asked for it (its field
 * is in the body) is refused, naming the field: 积分兑换不能使用优惠券.
 */
function takesPart(c: CheckoutContributor, draft: CheckoutDraft): boolean {
  if (!c.adjusts || acceptsAdjustment(draft.kind, c.adjusts)) return true;
  if (c.field && draft.body[c.field.name] !== undefined) {
    throw new AppError('VALIDATION_FAILED', `${c.adjusts} on a ${draft.kind} order`, [{ field: c.field.name, message: adjustmentRefusal(draft.kind, c.adjusts) }]);
  }
  return false;
}

/**
 * Every contributor's quote, in rank order, each only where the kind accepts its adjustment.
 * The kind is claimed first (RANK.kind); should a later contributor claim it after an adjustment
 * was added, the kind still decides: its field is refused, its adjustment dropped (and its
 * reserve skipped, see CheckoutContributors.acceptedBy).
 */
async function runQuotes(contributors: CheckoutContributors, draft: CheckoutDraft): Promise<void> {
  for (const c of contributors.ordered) if (takesPart(c, draft)) await c.quote?.(draft);
  for (const c of contributors.ordered) takesPart(c, draft);
  draft.adjustments = draft.adjustments.filter((a) => acceptsAdjustment(draft.kind, a.kind));
}

async function loadLines(m: EntityManager, contributors: CheckoutContributors, body: CheckoutBodyCore): Promise<DraftLine[]> {
  const { skus, products } = await contributors.lineSource(
    m,
    body.lines.map((l) => l.skuId),
  );
  return body.lines.map((line, i) => {
    const sku = skus.get(line.skuId);
    const product = sku && products.get(sku.productId);
    // Existence and sale status are everyone's concern; stock is the stock contributor's.
    const problem = buyProblem(product, sku, 0);
    if (!sku || !product || problem === 'not_found') throw new AppError('SKU_NOT_FOUND', `sku ${line.skuId}`, field(i, 'skuId', '不存在'));
    if (problem === 'off_sale') throw new AppError('SKU_OFF_SALE', `sku ${line.skuId}`, field(i, 'skuId', '已下架'));
    return {
      skuId: sku.id,
      productId: product.id,
      categoryId: product.categoryId,
      title: product.title.slice(0, 60),
      specLabel: specLabel(product.specs, sku.specs).slice(0, 120),
      image: product.images[0] ?? null,
      quantity: line.quantity,
      skuPriceFen: sku.priceFen,
      stock: sku.stock,
      index: i,
    };
  });
}

export async function quoteCheckout(
  m: EntityManager,
  contributors: CheckoutContributors,
  memberId: number,
  body: CheckoutBodyCore,
  placing: boolean,
  now: Date,
  /** Parts checkout adds to the member read (the address); their rows end in draft.memberRows. */
  extraReads: readonly BoundReadPart[] = [],
): Promise<Quote> {
  // Refusals from memory and from the lines' own read come before every contributor's reads.
  const plain = contributors.isPlain(body);
  if (plain) for (const c of contributors.ordered) c.admit?.(body);
  const draft: CheckoutDraft = {
    memberId,
    kind: 'normal',
    body,
    lines: await loadLines(m, contributors, body),
    priceChanges: [],
    adjustments: [],
    freightWaived: false,
    guideId: null,
    placing,
    notes: {},
    now,
  };
  if (plain) for (const c of contributors.ordered) c.precheck?.(draft);
  const holds: ((committed: boolean) => void)[] = [];
  const release = (committed: boolean) => {
    for (const h of holds) h(committed);
  };
  try {
    // Placing a plain order may wait here for a place among the SKU's placements in flight,
    // before its member read: the burst beyond what the stock can cover waits, holding nothing.
    if (plain && placing) for (const c of contributors.ordered) if (c.hold) holds.push(await c.hold(draft));
    draft.memberRows = await readMember(m, contributors, memberId, now, extraReads);
    await runQuotes(contributors, draft);

    const priced = applyPriceChanges(draftPricingLines(draft), draft.priceChanges);
    if (priced.reduce((s, l) => s + l.unitPriceFen * l.quantity, 0) > MAX_ORDER_FEN) {
      throw new AppError('ORDER_AMOUNT_TOO_LARGE', 'goods over the limit', [{ field: 'lines', message: `商品金额不能超过 ${formatFen(MAX_ORDER_FEN)}` }]);
    }
    const pricing = priceOrder(priced, draft.adjustments, { freightWaived: draft.freightWaived });
    const lines = draft.lines.map((l, i) => {
      const p = pricing.lines[i];
      return {
        skuId: l.skuId,
        productId: l.productId,
        title: l.title,
        specLabel: l.specLabel,
        image: l.image,
        unitPriceFen: p.unitPriceFen,
        quantity: p.quantity,
        subtotalFen: p.subtotalFen,
        discountFen: p.discountFen,
        payableFen: p.payableFen,
      };
    });
    return { draft, pricing, lines, release };
  } catch (err) {
    release(false);
    throw err;
  }
}

export function toPreviewDto(q: Quote): CheckoutPreviewDto {
  return {
    kind: q.draft.kind,
    lines: q.lines,
    goodsFen: q.pricing.goodsFen,
    discountFen: q.pricing.discountFen,
    freightFen: q.pricing.freightFen,
    payableFen: q.pricing.payableFen,
    adjustments: q.pricing.adjustments,
    notes: q.draft.notes,
  };
}
