/** Payment and refund route schemas. Amounts are integer fen; a refund needs a reason. */
import { z } from 'zod';
import { REFUND_STATUSES } from '@common/order/types';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@common/paging';
import { zs } from '../../http/validate';

const reason = zs.text(80, 1);

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

/** 同意退款: all that was asked, or less (a partial refund); never more (checked against the request). */
export const HqApproveBody = z.strictObject({
  amountFen: zs.fen().min(1).optional(),
});

/** 拒绝退款: the shopper is told why. */
export const HqRejectBody = z.strictObject({
  reason: zs.text(80, 1),
});

/** 退款审核 list. */
export const HqRefundListQuery = z.object({
  status: z.enum(REFUND_STATUSES).optional(),
  ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
});
