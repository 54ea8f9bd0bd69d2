/**
 * Pricing a prospective order: load the SKUs and products the client named, refuse what cannot
 * be bought, and price the rest with common/order/pricing.ts. Every figure comes from the
 * database; the client's body never carries one. Used by 确认订单 (preview) and by placing an
 * order (where the stock check here is only advisory: the conditional UPDATE decides).
 */
import { In, type EntityManager } from 'typeorm';
import { specLabel } from '@common/catalogue/sku';
import type { CheckoutLineInput, CheckoutPreviewDto, OrderLineDto } from '@common/order/types';
import { MAX_ORDER_FEN, priceOrder, type OrderPricing } from '@common/order/pricing';
import { formatFen } from '@common/money';
import { AppError } from '../../http/app-error';
import { Product, Sku } from '../catalogue/catalogue.entities';

export interface Quote {
  pricing: OrderPricing;
  /** One per input line, in input order: snapshot and figures of each. */
  lines: OrderLineDto[];
}

const field = (i: number, f: string, message: string) => [{ field: `lines.${i}.${f}`, message }];

export async function quoteLines(m: EntityManager, input: readonly CheckoutLineInput[]): Promise<Quote> {
  const ids = input.map((l) => l.skuId);
  const skus = new Map((await m.find(Sku, { where: { id: In(ids) } })).map((s) => [s.id, s]));
  const productIds = [...new Set([...skus.values()].map((s) => s.productId))];
  const products = new Map((productIds.length ? await m.find(Product, { where: { id: In(productIds) } }) : []).map((p) => [p.id, p]));

  const found = input.map((line, i) => {
    const sku = skus.get(line.skuId);
    const product = sku && products.get(sku.productId);
    // A draft product's SKUs are as invisible to shoppers as ones that never existed.
    if (!sku || !product || product.status === 'draft') throw new AppError('SKU_NOT_FOUND', `sku ${line.skuId}`, field(i, 'skuId', '不存在'));
    if (sku.status !== 'on_sale' || product.status !== 'on_sale') throw new AppError('SKU_OFF_SALE', `sku ${line.skuId}`, field(i, 'skuId', '已下架'));
    if (sku.stock < line.quantity) throw new AppError('OUT_OF_STOCK', `sku ${line.skuId}: ${sku.stock} left`, field(i, 'quantity', `仅剩 ${sku.stock} 件`));
    return { sku, product, quantity: line.quantity };
  });

  const pricing = priceOrder(found.map(({ sku, quantity }) => ({ skuId: sku.id, unitPriceFen: sku.priceFen, quantity })));
  if (pricing.goodsFen > MAX_ORDER_FEN) {
    throw new AppError('ORDER_AMOUNT_TOO_LARGE', `goods ${pricing.goodsFen} fen`, [{ field: 'lines', message: `商品金额不能超过 ${formatFen(MAX_ORDER_FEN)}` }]);
  }
  const lines = found.map(({ sku, product }, i) => {
    const p = pricing.lines[i];
    return {
      skuId: sku.id,
      productId: product.id,
      title: product.title.slice(0, 60),
      specLabel: specLabel(product.specs, sku.specs).slice(0, 120),
      image: product.images[0] ?? null,
      unitPriceFen: p.unitPriceFen,
      quantity: p.quantity,
      subtotalFen: p.subtotalFen,
      discountFen: p.discountFen,
      payableFen: p.payableFen,
    };
  });
  return { pricing, lines };
}

export function toPreviewDto(q: Quote): CheckoutPreviewDto {
  return {
    lines: q.lines,
    goodsFen: q.pricing.goodsFen,
    discountFen: q.pricing.discountFen,
    freightFen: q.pricing.freightFen,
    payableFen: q.pricing.payableFen,
    adjustments: q.pricing.adjustments,
  };
}
