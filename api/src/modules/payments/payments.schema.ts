/** Payment and refund route schemas. Amounts are integer fen; a refund needs a reason. */
import { z } from 'zod';
import { zs } from '../../http/validate';

const reason = zs.text(80).pipe(z.string().min(1, '请填写退款原因'));

/** 申请退款 (shopper): the amount defaults to everything not yet refunded. */
export const RefundRequestBody = z.strictObject({
  reason,
  amountFen: zs.fen().min(1).optional(),
});

/** HQ-issued refund: the amount is required (partial refunds allowed). */
export const HqRefundBody = z.strictObject({
  amountFen: zs.fen().min(1),
  reason,
});
