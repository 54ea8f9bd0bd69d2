/**
 * H5 payment: only the development mode (the embedded demo, browser tests). WeChat Pay's JSAPI
 * needs the mini-program, so a server in wechat mode is refused with PAYMENT_NOT_SUPPORTED.
 */
import type { OrderDetailDto, PayStartDto } from '@common/order/types';
import { ApiError, request } from './http';

export async function payOrder(orderId: number, confirmDevPay: () => Promise<boolean>): Promise<'paid' | 'cancelled'> {
  const start = await request<PayStartDto>('POST', `/api/orders/${orderId}/pay`, { body: {} });
  if (start.mode !== 'dev') throw new ApiError('PAYMENT_NOT_SUPPORTED', 0);
  if (!(await confirmDevPay())) return 'cancelled';
  await request<OrderDetailDto>('POST', `/api/orders/${orderId}/dev-pay`, { body: {} });
  return 'paid';
}
