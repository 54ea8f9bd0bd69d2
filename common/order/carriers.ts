/**
 * Delivery companies HQ can ship with. The code is WeChat's delivery company id (运力 id, the
 * `express_company` of upload_shipping_info); the order stores the code, pages show the name.
 */

export const CARRIERS = [
  { code: 'SF', name: '顺丰速运' },
  { code: 'ZTO', name: '中通快递' },
  { code: 'YTO', name: '圆通速递' },
  { code: 'STO', name: '申通快递' },
  { code: 'YD', name: '韵达快递' },
  { code: 'JD', name: '京东快递' },
  { code: 'EMS', name: '中国邮政 EMS' },
  { code: 'JTSD', name: '极兔速递' },
] as const;

export type CarrierCode = (typeof CARRIERS)[number]['code'];

export const CARRIER_CODES = CARRIERS.map((c) => c.code) as [CarrierCode, ...CarrierCode[]];

/** WeChat requires a (masked) receiver contact for these carriers: shipping_list[].contact. */
export const CARRIERS_NEEDING_CONTACT: readonly CarrierCode[] = ['SF'];

export function isCarrierCode(x: unknown): x is CarrierCode {
  return typeof x === 'string' && CARRIERS.some((c) => c.code === x);
}

/** 顺丰速运 for 'SF'; an unknown code (an order shipped before the table) shows as itself. */
export function carrierName(code: string): string {
  return CARRIERS.find((c) => c.code === code)?.name ?? code;
}
