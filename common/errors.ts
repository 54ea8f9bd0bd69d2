/**
 * Every error code the API can answer with, and the Chinese copy a page shows for it. Each
 * feature keeps its own codes and copy beside its rules (common/<feature>/errors.ts); they are
 * merged here, so pages look any code up in one place and a shopper sees the same words whichever
 * screen hit the error. The API module that throws a code declares its HTTP status.
 */
import { AUTH_ERRORS } from './auth/errors';
import { CATALOGUE_ERRORS } from './catalogue/errors';
import { CART_ERRORS } from './cart/errors';
import { ADDRESS_ERRORS } from './address/errors';
import { ORDER_ERRORS } from './order/errors';
import { PAYMENT_ERRORS } from './order/payment-errors';
import { GROUPBUY_ERRORS } from './groupbuy/errors';
import { COUPON_ERRORS } from './coupon/errors';
import { POINTSMALL_ERRORS } from './pointsmall/errors';
import { MEMBERSHIP_ERRORS } from './membership/errors';
import { GUIDE_ERRORS } from './attribution/errors';
import { SIDEBAR_ERRORS } from './sidebar/errors';
import { HQ_ERRORS } from './hq/errors';
import { MEMBER_CARD_ERRORS } from './member-card/errors';
import { PICKUP_ERRORS } from './pickup/errors';
import { INSIGHT_ERRORS } from './insight/errors';
import { POS_ERRORS } from './pos/errors';
import { METRICS_ERRORS } from './metrics/errors';
import { RATE_LIMIT_ERRORS } from './ratelimit/errors';

/** The platform's own codes: requests, sessions, bodies, the database, the network. */
export const CORE_ERRORS = {
  VALIDATION_FAILED: '请求参数有误',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '页面不存在',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  UNSUPPORTED_MEDIA_TYPE: '请以 JSON 格式提交',
  SERVICE_UNAVAILABLE: '服务维护中，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
  NETWORK: '网络不给力，请检查网络后重试',
  OUTBOX_DELIVERY_NOT_FOUND: '事件投递记录不存在',
  OUTBOX_DELIVERY_DONE: '该事件已处理完成，无需重试',
  BODY_ENCODING_INVALID: '请求内容与声明的压缩格式不符，请重新提交',
  CONTENT_ENCODING_UNSUPPORTED: '不支持该压缩格式，请以 JSON 提交',
  DB_UNAVAILABLE: '当前访问人数较多，请稍后重试',
} as const;

/** Every feature's copy; each code belongs to exactly one of them (errors.test.ts checks). */
export const ERROR_GROUPS = [CORE_ERRORS, AUTH_ERRORS, CATALOGUE_ERRORS, CART_ERRORS, ADDRESS_ERRORS, ORDER_ERRORS, PAYMENT_ERRORS, GROUPBUY_ERRORS, COUPON_ERRORS, POINTSMALL_ERRORS, MEMBERSHIP_ERRORS, GUIDE_ERRORS, SIDEBAR_ERRORS, HQ_ERRORS, MEMBER_CARD_ERRORS, PICKUP_ERRORS, INSIGHT_ERRORS, POS_ERRORS, METRICS_ERRORS, RATE_LIMIT_ERRORS] as const;

export const ERROR_MESSAGES = {
  ...CORE_ERRORS,
  ...AUTH_ERRORS,
  ...CATALOGUE_ERRORS,
  ...CART_ERRORS,
  ...ADDRESS_ERRORS,
  ...ORDER_ERRORS,
  ...PAYMENT_ERRORS,
  ...GROUPBUY_ERRORS,
  ...COUPON_ERRORS,
  ...POINTSMALL_ERRORS,
  ...MEMBERSHIP_ERRORS,
  ...GUIDE_ERRORS,
  ...SIDEBAR_ERRORS,
  ...HQ_ERRORS,
  ...MEMBER_CARD_ERRORS,
  ...PICKUP_ERRORS,
  ...INSIGHT_ERRORS,
  ...POS_ERRORS,
  ...METRICS_ERRORS,
  ...RATE_LIMIT_ERRORS,
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}

/** The copy for a code; unknown codes (a newer server, a proxy page) fall back to the generic line. */
export function errorMessage(code: string): string {
  return isErrorCode(code) ? ERROR_MESSAGES[code] : ERROR_MESSAGES.INTERNAL;
}

/** The body of every failed API response. */
export interface ApiFailure {
  ok: false;
  code: ErrorCode;
  message: string;
  /** For VALIDATION_FAILED: the first offending field, dotted (e.g. `skus.0.priceFen`). */
  field?: string;
  issues?: { field: string; message: string }[];
  requestId?: string;
}

export interface ApiSuccess<T> {
  ok: true;
  data: T;
}

export type ApiResponse<T> = ApiSuccess<T> | ApiFailure;
