/** The lines of 确认订单 in its page query (pure: no Taro, so it is unit-tested). */
import type { CheckoutLineInput } from '@common/order/types';

/** 确认订单's query: `lines=12x2,15x1` (skuId x quantity) and `from=cart`. */
export function encodeLines(lines: CheckoutLineInput[]): string {
  return lines.map((l) => `${l.skuId}x${l.quantity}`).join(',');
}

export function decodeLines(raw: string | undefined): CheckoutLineInput[] {
  if (!raw) return [];
  const out: CheckoutLineInput[] = [];
  for (const part of decodeURIComponent(raw).split(',')) {
    const m = /^(\d{1,12})x(\d{1,4})$/.exec(part.trim());
    if (m) out.push({ skuId: Number(m[1]), quantity: Number(m[2]) });
  }
  return out;
}
