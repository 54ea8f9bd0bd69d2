/** Error copy of member insight (segments, tags, segment pushes). Merged into ERROR_MESSAGES (common/errors.ts); statuses in the API module. */
export const INSIGHT_ERRORS = {
  INSIGHT_TAG_INVALID: '标签不符合要求',
  INSIGHT_TAG_LIMIT: '每位会员最多 10 个手动标签',
  SEGMENT_PUSH_KEY_TAKEN: '该批次号已用于另一次发券，请换一个批次号',
  SEGMENT_PUSH_NOT_FOUND: '发券记录不存在',
  SEGMENT_PUSH_EMPTY: '该分群暂无会员，无需发券',
} as const;
