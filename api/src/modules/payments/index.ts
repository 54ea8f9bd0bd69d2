/** Public entry of the payments module: payments, refunds, and the notify path WeChat Pay calls. */
export { paymentsModule } from './payments.module';
export { NOTIFY_PATH } from './notify';
export type { MarkPaidResult, PaidReport, PaymentsService } from './payments.service';
export type { RefundsService } from './refunds.service';
