/**
 * Type of the per-platform payment step; webpack picks pay.weapp.ts or pay.h5.ts, TypeScript
 * reads this declaration.
 */

/**
 * Pays an order: 'paid' once the payment went through (the order page re-reads the status,
 * since WeChat's notification may land a moment later), 'cancelled' when the shopper closed the
 * payment sheet. Throws ApiError for anything else.
 *
 * In WeChat Pay mode the sheet is WeChat's own (wx.requestPayment). In the development mode
 * (embedded demo, H5, tests) the page's stand-in cashier asks instead: `confirmDevPay` answers
 * true to pay, false when the shopper closed it.
 */
export declare function payOrder(orderId: number, confirmDevPay: () => Promise<boolean>): Promise<'paid' | 'cancelled'>;
