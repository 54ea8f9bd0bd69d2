/**
 * Subscribe messages (订阅消息), as data. The mini-program asks with wx.requestSubscribeMessage and
 * posts WeChat's answer map (template id → accept / reject / ban / filter); each `accept` of a
 * one-time template allows one send. Pure: no runtime dependencies.
 */

/** The events Loopmall may send a subscribe message for; each has its template id in the config. */
export const SUBSCRIBE_KINDS = ['pointsExpiring', 'couponPushed'] as const;
export type SubscribeKind = (typeof SUBSCRIBE_KINDS)[number];
export const SUBSCRIBE_KIND_LABELS: Record<SubscribeKind, string> = { pointsExpiring: '积分过期提醒', couponPushed: '优惠券到账提醒' };

/** What wx.requestSubscribeMessage answers per template id. */
export const SUBSCRIBE_ANSWERS = ['accept', 'reject', 'ban', 'filter'] as const;
export type SubscribeAnswer = (typeof SUBSCRIBE_ANSWERS)[number];

/** WeChat asks for at most three templates at once. */
export const MAX_TEMPLATES_PER_ASK = 3;
/** Most unused one-time consents kept per member and template (far above real use; fits the column). */
export const MAX_AVAILABLE = 1000;

/** A template id as WeChat issues them (letters, digits, - and _), and as the config holds them. */
export const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface ConsentDecision {
  /** Template ids each gaining one send. */
  accepted: string[];
  /** An answer for a template this deployment does not use: the field to name in a 400. */
  unknown: string | null;
}

/**
 * Which answers count: `accept` for a configured template; reject / ban / filter change nothing
 * (a ban is WeChat's to enforce: it answers 43101). Unknown ids are refused as a whole.
 */
export function decideConsent(results: Readonly<Record<string, SubscribeAnswer>>, configured: readonly string[]): ConsentDecision {
  const known = new Set(configured.filter((t) => t !== ''));
  const ids = Object.keys(results);
  const unknown = ids.find((id) => !known.has(id)) ?? null;
  if (unknown !== null) return { accepted: [], unknown };
  return { accepted: ids.filter((id) => results[id] === 'accept'), unknown: null };
}

/** The key that makes a send happen at most once per member and event. */
export const eventKeys = {
  pointsExpiring: (expiresAt: string) => `points-expiring:${expiresAt}`,
  couponPushed: (memberCouponId: number) => `coupon-pushed:${memberCouponId}`,
};
