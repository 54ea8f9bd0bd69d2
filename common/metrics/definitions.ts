/**
 * The loop's metrics as data: what the aggregates count, and how each metric is computed from
 * them. Rates are basis points (1 % = 100), money is fen. The README's "Metric definitions"
 * section states the same definitions in words; the console shows `definition` beside a figure.
 */

/** Additive counters kept per (day, scope): sums over days give any longer period. */
export interface DailyCounters {
  /** Members registered that day (chain); members who became the store's/guide's customers (store, guide). */
  newMembers: number;
  /** Orders paid that day (a paid order stays counted when it is refunded later). */
  paidOrders: number;
  /** Payable of the orders paid that day. */
  gmvFen: number;
  /** Refunded of the orders paid that day (booked on the day the order was paid). */
  refundFen: number;
  /** Of the paid orders, those attributed to a guide, and their payable. */
  guideOrders: number;
  guideGmvFen: number;
  /** Paid orders that were their member's first paid order. */
  firstPurchases: number;
  /** Group-buy groups that succeeded / failed that day (chain only: a group has no one store). */
  groupsSucceeded: number;
  groupsFailed: number;
  /** Coupons used in the orders paid that day, and what they took off (their face value as applied). */
  couponsUsed: number;
  couponFen: number;
  /** Points redeemed (积分抵扣) in the orders paid that day. */
  pointsSpent: number;
  /** Touches that day: guide share/card opens (one per member, guide and hour), WeCom adds and coupon pushes. */
  touches: number;
  /** Coupons issued to members that day, any source (chain only: a copy has no store). */
  couponsIssued: number;
  /** Points credited that day (purchase, sign-in, referral, HQ grant) and points spent (checkout and points mall); chain only. */
  pointsEarned: number;
  pointsUsed: number;
  /** Of the day's first purchases, those whose member is (or became) a WeCom contact of a guide after it. */
  firstBuyersAddedGuide: number;
  /** Offline (POS) sales posted that day, their amount, and the amount of returns posted that day. */
  offlineSales: number;
  offlineGmvFen: number;
  offlineReturnFen: number;
}

export const DAILY_COUNTERS: readonly (keyof DailyCounters)[] = [
  'newMembers',
  'paidOrders',
  'gmvFen',
  'refundFen',
  'guideOrders',
  'guideGmvFen',
  'firstPurchases',
  'groupsSucceeded',
  'groupsFailed',
  'couponsUsed',
  'couponFen',
  'pointsSpent',
  'touches',
  'couponsIssued',
  'pointsEarned',
  'pointsUsed',
  'firstBuyersAddedGuide',
  'offlineSales',
  'offlineGmvFen',
  'offlineReturnFen',
];

export const zeroDaily = (): DailyCounters => Object.fromEntries(DAILY_COUNTERS.map((k) => [k, 0])) as unknown as DailyCounters;

export function addDaily(a: DailyCounters, b: Partial<DailyCounters>): DailyCounters {
  const out = { ...a };
  for (const k of DAILY_COUNTERS) out[k] += b[k] ?? 0;
  return out;
}

/** Distinct members per period (day, week or month) and scope: not additive across periods. */
export interface PeriodCounters {
  /** Members who visited or paid an order in the period (DAU / WAU / MAU). */
  activeMembers: number;
  /** Active members who signed in (签到) in the period. */
  signedInMembers: number;
  /** Members who paid at least one order in the period. */
  payingMembers: number;
  /** Members who paid two or more orders in the period. */
  repeatMembers: number;
  /** The touch funnel: members touched in the period; of them, those whose first-ever paid order fell in the period; of those, who paid again in the period. */
  touchedMembers: number;
  touchedFirstBuyers: number;
  touchedRepeatBuyers: number;
}

export const PERIOD_COUNTERS: readonly (keyof PeriodCounters)[] = ['activeMembers', 'signedInMembers', 'payingMembers', 'repeatMembers', 'touchedMembers', 'touchedFirstBuyers', 'touchedRepeatBuyers'];
export const zeroPeriod = (): PeriodCounters => Object.fromEntries(PERIOD_COUNTERS.map((k) => [k, 0])) as unknown as PeriodCounters;

export type MetricKey =
  | 'newMembers'
  | 'activeMembers'
  | 'mauShare'
  | 'signInShare'
  | 'conversion'
  | 'repurchaseRate'
  | 'aovFen'
  | 'gmvFen'
  | 'netGmvFen'
  | 'guideOrderShare'
  | 'guideGmvShare'
  | 'firstPurchases'
  | 'groupSuccessRate'
  | 'couponsUsed'
  | 'pointsSpent'
  | 'incentiveFen'
  | 'touchedMembers'
  | 'touchFirstRate'
  | 'touchRepeatRate'
  | 'couponsIssued'
  | 'couponUseRate'
  | 'pointsEarned'
  | 'pointsUsed'
  | 'addGuideRate'
  | 'offlineGmvFen'
  | 'totalGmvFen';

export type MetricUnit = 'count' | 'fen' | 'bp';

export interface MetricDefinition {
  key: MetricKey;
  label: string;
  unit: MetricUnit;
  definition: string;
}

export const METRICS: readonly MetricDefinition[] = [
  { key: 'newMembers', label: '新会员', unit: 'count', definition: '全渠道：当期注册的会员；门店/导购：当期成为其导购客户的会员' },
  { key: 'activeMembers', label: '活跃会员（DAU/WAU/MAU）', unit: 'count', definition: '当期访问过小程序或支付过订单的去重会员数（日/周/月分别为 DAU/WAU/MAU）' },
  { key: 'mauShare', label: '活跃占比', unit: 'bp', definition: '当期活跃会员 ÷ 截至当期末的累计会员' },
  { key: 'signInShare', label: '签到占比', unit: 'bp', definition: '当期签到的活跃会员 ÷ 当期活跃会员' },
  { key: 'conversion', label: '转化率', unit: 'bp', definition: '当期支付过订单的会员 ÷ 当期活跃会员' },
  { key: 'repurchaseRate', label: '复购率', unit: 'bp', definition: '当期支付 2 笔及以上订单的会员 ÷ 当期支付过订单的会员' },
  { key: 'aovFen', label: '客单价', unit: 'fen', definition: '当期支付订单的实付合计（扣除退款）÷ 当期支付订单数' },
  { key: 'gmvFen', label: 'GMV', unit: 'fen', definition: '当期支付订单的应付合计（按支付日计，不扣退款）' },
  { key: 'netGmvFen', label: '私域 GMV（扣退款）', unit: 'fen', definition: '当期支付订单的应付合计 − 这些订单的已退款金额' },
  { key: 'guideOrderShare', label: '导购订单占比', unit: 'bp', definition: '当期归属导购的支付订单 ÷ 当期支付订单' },
  { key: 'guideGmvShare', label: '导购 GMV 占比', unit: 'bp', definition: '当期归属导购的支付订单应付 ÷ 当期 GMV' },
  { key: 'firstPurchases', label: '首购', unit: 'count', definition: '当期支付的、会员的第一笔支付订单' },
  { key: 'groupSuccessRate', label: '拼团成功率', unit: 'bp', definition: '当期成团的团 ÷（成团 + 失败的团）；仅全渠道' },
  { key: 'couponsUsed', label: '用券订单', unit: 'count', definition: '当期支付订单中使用的优惠券张数' },
  { key: 'pointsSpent', label: '积分抵扣', unit: 'count', definition: '当期支付订单中抵扣使用的积分' },
  { key: 'incentiveFen', label: '激励成本', unit: 'fen', definition: '当期支付订单中优惠券抵扣的金额 + 抵扣积分（100 积分 = ¥1）' },
  { key: 'touchedMembers', label: '触达会员', unit: 'count', definition: '当期被触达的去重会员：打开导购分享/名片链接、添加导购企业微信、收到推送的优惠券（推送仅计全渠道）' },
  { key: 'touchFirstRate', label: '触达→首购', unit: 'bp', definition: '当期触达会员中，第一笔支付订单也在当期的会员 ÷ 当期触达会员' },
  { key: 'touchRepeatRate', label: '首购→复购', unit: 'bp', definition: '上述触达后首购的会员中，当期又支付了订单的会员 ÷ 触达后首购的会员' },
  { key: 'couponsIssued', label: '发券', unit: 'count', definition: '当期发到会员券包的优惠券张数（领取、推送、新人礼等全部来源；仅全渠道）' },
  { key: 'couponUseRate', label: '用券率', unit: 'bp', definition: '当期支付订单中使用的优惠券张数 ÷ 当期发出的优惠券张数（仅全渠道）' },
  { key: 'pointsEarned', label: '积分发放', unit: 'count', definition: '当期记入会员的积分：购物（含待确认）、签到、邀请、总部发放（仅全渠道）' },
  { key: 'pointsUsed', label: '积分消耗', unit: 'count', definition: '当期会员花掉的积分：下单抵扣与积分商城兑换（仅全渠道）' },
  { key: 'addGuideRate', label: '首购加导购率', unit: 'bp', definition: '当期首购会员中，首购后已是导购企业微信好友的会员 ÷ 当期首购（按首购日计）' },
  { key: 'offlineGmvFen', label: '线下 GMV（扣退货）', unit: 'fen', definition: '当期门店 POS 登记的线下销售额 − 当期登记的线下退货额（按登记日计）' },
  { key: 'totalGmvFen', label: '线上 + 线下 GMV', unit: 'fen', definition: '私域 GMV（扣退款）+ 线下 GMV（扣退货）' },
];

export const METRIC_KEYS = METRICS.map((m) => m.key);

export type MetricValues = Record<MetricKey, number>;

/** Basis points of part over whole, 0 when the whole is 0. */
export const bp = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 10_000) : 0);

/**
 * A period's metrics from its summed daily counters, its distinct counters and the members
 * registered up to the period's end (the denominator of the MAU share).
 */
export function metricsOf(d: DailyCounters, p: PeriodCounters, membersToDate: number): MetricValues {
  const net = d.gmvFen - d.refundFen;
  return {
    newMembers: d.newMembers,
    activeMembers: p.activeMembers,
    mauShare: bp(p.activeMembers, membersToDate),
    signInShare: bp(p.signedInMembers, p.activeMembers),
    conversion: bp(p.payingMembers, p.activeMembers),
    repurchaseRate: bp(p.repeatMembers, p.payingMembers),
    aovFen: d.paidOrders > 0 ? Math.round(net / d.paidOrders) : 0,
    gmvFen: d.gmvFen,
    netGmvFen: net,
    guideOrderShare: bp(d.guideOrders, d.paidOrders),
    guideGmvShare: bp(d.guideGmvFen, d.gmvFen),
    firstPurchases: d.firstPurchases,
    groupSuccessRate: bp(d.groupsSucceeded, d.groupsSucceeded + d.groupsFailed),
    couponsUsed: d.couponsUsed,
    pointsSpent: d.pointsSpent,
    incentiveFen: d.couponFen + d.pointsSpent,
    touchedMembers: p.touchedMembers,
    touchFirstRate: bp(p.touchedFirstBuyers, p.touchedMembers),
    touchRepeatRate: bp(p.touchedRepeatBuyers, p.touchedFirstBuyers),
    couponsIssued: d.couponsIssued,
    couponUseRate: bp(d.couponsUsed, d.couponsIssued),
    pointsEarned: d.pointsEarned,
    pointsUsed: d.pointsUsed,
    addGuideRate: bp(d.firstBuyersAddedGuide, d.firstPurchases),
    offlineGmvFen: d.offlineGmvFen - d.offlineReturnFen,
    totalGmvFen: net + d.offlineGmvFen - d.offlineReturnFen,
  };
}
