/** Error copy of the insight metrics (数据). Merged into ERROR_MESSAGES (common/errors.ts); statuses in the API module. */
export const METRICS_ERRORS = {
  METRICS_SCOPE_NOT_FOUND: '门店或导购不存在',
  METRICS_RANGE_INVALID: '日期范围有误（开始不能晚于结束，最长 400 天）',
} as const;
