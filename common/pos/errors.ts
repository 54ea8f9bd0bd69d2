/** Error copy of the POS integration (the store counter). Merged into ERROR_MESSAGES (common/errors.ts); statuses in the API module. */
export const POS_ERRORS = {
  POS_SIGNATURE_MISSING: '缺少 POS 签名请求头',
  POS_SIGNATURE_INVALID: 'POS 签名不正确',
  POS_TIMESTAMP_STALE: 'POS 请求时间戳超出 5 分钟窗口',
  POS_NONCE_REPLAYED: 'POS 请求的 nonce 已使用过',
  POS_KEY_UNKNOWN: 'POS 密钥不存在',
  POS_KEY_REVOKED: 'POS 密钥已吊销',
  POS_KEY_NOT_FOUND: 'POS 密钥不存在',
  POS_KEY_ALREADY_REVOKED: '该 POS 密钥已吊销',
  POS_MEMBER_CODE_INVALID: '会员码无效或已过期，请让顾客刷新会员码',
  POS_MEMBER_REF_INVALID: '会员标识无效或已过期，请重新识别会员',
  POS_RECEIPT_CONFLICT: '该小票号已提交过不同的销售内容',
  POS_RETURN_CONFLICT: '该退货单号已提交过不同的退货内容',
  POS_SALE_NOT_FOUND: '小票不存在',
  POS_RETURN_EXCEEDS_SALE: '退货金额超过该小票可退金额',
  POS_GUIDE_NOT_FOUND: '导购不存在或不属于本门店',
  POS_AMOUNTS_MISMATCH: '小票金额与明细不一致',
} as const;
