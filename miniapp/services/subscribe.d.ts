import type { SubscribeKind } from '@common/subscriptions/rules';

/**
 * Asks the shopper's consent for the group-buy result notices (success, failure with refund),
 * for the template ids the server names. Only after a tap; on H5 there is no subscribe message
 * and it does nothing. Never throws: a refusal just means no notice.
 */
export declare function askGroupNotices(tmplIds: string[]): Promise<void>;

/**
 * Asks for the subscribe messages of `kinds` (积分过期提醒, 优惠券到账提醒) with the template ids
 * prefetched by prefetchSubscribeTemplates (call it straight from a tap: WeChat refuses an ask
 * that follows an awaited request), and records the answer (POST /api/me/subscriptions). Does
 * nothing on H5. Never throws.
 */
export declare function askSubscribe(kinds: readonly SubscribeKind[]): Promise<void>;
