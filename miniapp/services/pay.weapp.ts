/** Mini-program payment: the server signs the wx.requestPayment parameters (or pays in dev mode). */
import Taro from '@tarojs/taro';
import type { OrderDetailDto, PayStartDto } from '@common/order/types';
import { ApiError, request } from './http';

export async function payOrder(orderId: number, confirmDevPay: () => Promise<boolean>): Promise<'paid' | 'cancelled'> {
  const start = await request<PayStartDto>('POST', `/api/orders/${orderId}/pay`, { body: {} });
  if (start.mode === 'dev') {
    if (!(await confirmDevPay())) return 'cancelled';
    await request<OrderDetailDto>('POST', `/api/orders/${orderId}/dev-pay`, { body: {} });
    return 'paid';
  }
  try {
    await Taro.requestPayment({ ...start.params });
    return 'paid';
  } catch (e) {
    const msg = (e as { errMsg?: string } | undefined)?.errMsg ?? '';
    if (msg.includes('cancel')) return 'cancelled';
    throw new ApiError('PAYMENT_UNAVAILABLE', 0);
  }
}
