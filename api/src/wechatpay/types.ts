/** WeChat Pay APIv3 resources, with WeChat's own field names. */

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

/** The transaction resource (query answer and TRANSACTION.SUCCESS notification). */
export interface WxTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type?: string;
  trade_state: TradeState;
  trade_state_desc?: string;
  success_time?: string;
  payer?: { openid: string };
  amount?: { total: number; payer_total?: number; currency: string; payer_currency?: string };
}

export type RefundState = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

/** The refund resource (refund / query answers). */
export interface WxRefund {
  refund_id: string;
  out_refund_no: string;
  transaction_id: string;
  out_trade_no: string;
  status: RefundState;
  success_time?: string;
  create_time?: string;
  amount: { total: number; refund: number; payer_total?: number; payer_refund?: number; currency: string };
}

/** The REFUND.* notification resource (note: refund_status, not status). */
export interface WxRefundNotice {
  mchid: string;
  out_trade_no: string;
  transaction_id: string;
  out_refund_no: string;
  refund_id: string;
  refund_status: RefundState;
  success_time?: string;
  amount: { total: number; refund: number; payer_total: number; payer_refund: number };
}

export interface Notification<T = unknown> {
  id: string;
  create_time: string;
  event_type: string;
  resource_type: string;
  summary: string;
  resource: T;
}
