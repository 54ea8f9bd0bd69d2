/**
 * The demo store's loop: group-buy campaigns, coupons and the 新人礼 pack, points-mall items,
 * stores with guides, and demo members with their orders. Pure data, no I/O: demo-loop.ts turns
 * it into rows through the modules' own services. Products are named by their demo key; times are
 * offsets from the moment of seeding; money is integer fen.
 */
import type { AddressInput } from '@common/address/types';
import type { CouponKind } from '@common/coupon/types';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** A SKU of a demo product: its key and the SKU's specs (empty for single-SKU products). */
export interface DemoSkuRef {
  product: string;
  specs: Record<string, string>;
}

/** The SKU among `skus` whose specs are exactly `ref.specs`. */
export function findSku<S extends { specs: Record<string, string> }>(skus: readonly S[], ref: DemoSkuRef): S | undefined {
  const wanted = Object.entries(ref.specs);
  return skus.find((s) => Object.keys(s.specs).length === wanted.length && wanted.every(([k, v]) => s.specs[k] === v));
}

export interface DemoCampaign {
  title: string;
  sku: DemoSkuRef;
  groupPriceFen: number;
  groupSize: number;
  /** Units carved out of the SKU's stock when the campaign is scheduled. */
  stock: number;
  /** Window, relative to the seeding time. */
  startsInMs: number;
  endsInMs: number;
  groupHours: number;
  perShopperLimit: number;
}

export const DEMO_CAMPAIGNS: DemoCampaign[] = [
  {
    title: '重磅纯棉T恤 2人拼团',
    sku: { product: 'men-heavy-cotton-tee', specs: { 颜色: '白色', 尺码: 'L' } },
    groupPriceFen: 4900,
    groupSize: 2,
    stock: 60,
    startsInMs: -1 * HOUR_MS,
    endsInMs: 3 * DAY_MS,
    groupHours: 24,
    perShopperLimit: 2,
  },
  {
    title: '丝绒口红 3人拼团',
    sku: { product: 'velvet-matte-lipstick', specs: { 色号: '#01 正红' } },
    groupPriceFen: 5900,
    groupSize: 3,
    stock: 40,
    startsInMs: 1 * DAY_MS,
    endsInMs: 4 * DAY_MS,
    groupHours: 24,
    perShopperLimit: 1,
  },
];

export interface DemoCoupon {
  key: string;
  name: string;
  kind: CouponKind;
  amountOffFen?: number;
  thresholdFen?: number;
  percentOff?: number;
  maxOffFen?: number;
  validDays: number;
  totalQuota: number;
  perMemberLimit: number;
  firstOrderOnly?: boolean;
  audience: 'anyone' | 'new_members';
  /** Shown in 领券中心 (free to claim); false for the 新人礼 and points-mall coupons. */
  claimable: boolean;
}

export const DEMO_COUPONS: DemoCoupon[] = [
  { key: 'autumn-299-50', name: '秋冬上新 满299减50', kind: 'amount_off', amountOffFen: 5000, thresholdFen: 29900, validDays: 14, totalQuota: 5000, perMemberLimit: 1, audience: 'anyone', claimable: true },
  { key: 'store-99-15', name: '全场 满99减15', kind: 'amount_off', amountOffFen: 1500, thresholdFen: 9900, validDays: 7, totalQuota: 10000, perMemberLimit: 2, audience: 'anyone', claimable: true },
  { key: 'member-88off', name: '会员专享 88折', kind: 'percent_off', percentOff: 12, thresholdFen: 19900, maxOffFen: 3000, validDays: 7, totalQuota: 3000, perMemberLimit: 1, audience: 'anyone', claimable: true },
  { key: 'no-threshold-5', name: '无门槛 5元券', kind: 'no_threshold', amountOffFen: 500, validDays: 3, totalQuota: 2000, perMemberLimit: 1, audience: 'anyone', claimable: true },
  { key: 'welcome-first-10', name: '新人首单立减10元', kind: 'no_threshold', amountOffFen: 1000, validDays: 7, totalQuota: 1_000_000, perMemberLimit: 1, firstOrderOnly: true, audience: 'new_members', claimable: false },
  { key: 'points-20', name: '积分兑换 满100减20', kind: 'amount_off', amountOffFen: 2000, thresholdFen: 10000, validDays: 30, totalQuota: 100_000, perMemberLimit: 5, audience: 'anyone', claimable: false },
];

/**
 * 新人礼: granted once to every new member (coupons by key, plus points on the ledger). One
 * first-order coupon, so 确认订单 suggests it as the best on a newcomer's first order; no points,
 * as in the default pack, so a newcomer's first points are the ones they earn (签到, purchases).
 */
export const DEMO_NEW_MEMBER_PACK = { coupons: ['welcome-first-10'], points: 0 };

export type DemoMallItem =
  | { kind: 'coupon'; title: string; description: string; coupon: string; pointsPrice: number; stock: number; perMemberLimit: number }
  | { kind: 'goods'; title: string; description: string; sku: DemoSkuRef; pointsPrice: number; cashFen: number; stock: number; perMemberLimit: number };

export const DEMO_MALL_ITEMS: DemoMallItem[] = [
  { kind: 'coupon', title: '满100减20 优惠券', description: '兑换后放入卡包，30天内有效，全场通用。', coupon: 'points-20', pointsPrice: 300, stock: 500, perMemberLimit: 3 },
  { kind: 'goods', title: '北欧陶瓷马克杯（奶白）', description: '积分 + 9.9 元换购，包邮到家。', sku: { product: 'ceramic-mug', specs: { 颜色: '奶白' } }, pointsPrice: 800, cashFen: 990, stock: 50, perMemberLimit: 1 },
  { kind: 'goods', title: '化妆棉 222片', description: '纯积分兑换，每人限 2 件。', sku: { product: 'cotton-pads', specs: {} }, pointsPrice: 500, cashFen: 0, stock: 100, perMemberLimit: 2 },
];

export interface DemoGuide {
  name: string;
  wecomUserId: string;
}

export interface DemoStore {
  name: string;
  code: string;
  city: string;
  /** The first guide is the store's default guide. */
  guides: DemoGuide[];
}

export const DEMO_STORES: DemoStore[] = [
  { name: '上海静安嘉里店', code: 'SH-JA01', city: '上海', guides: [{ name: '林晓雯', wecomUserId: 'demo.linxiaowen' }, { name: '陈嘉豪', wecomUserId: 'demo.chenjiahao' }] },
  { name: '杭州湖滨银泰店', code: 'HZ-HB01', city: '杭州', guides: [{ name: '王思琪', wecomUserId: 'demo.wangsiqi' }] },
];

/** Where a demo order ends up; each step goes through the order lifecycle. */
export type DemoOrderEnd = 'paid' | 'shipped' | 'completed' | 'refunded';

export interface DemoOrder {
  lines: { sku: DemoSkuRef; quantity: number }[];
  /** A coupon this member claims in 领券中心 and uses on this order. */
  claimAndUse?: string;
  end: DemoOrderEnd;
}

export interface DemoMember {
  /** The fake WeChat openid. */
  openid: string;
  address: AddressInput;
  /** The wecomUserId of the guide whose shared card this member opened (a touch binds them). */
  touchedBy: string | null;
  orders: DemoOrder[];
  /** Checks in on 签到 (points by the sign-in rule). */
  signsIn: boolean;
  /** Opens a group of the live campaign and pays for the seat (the group waits for a partner). */
  opensGroup: boolean;
}

export const address = (name: string, phone: string, province: string, city: string, district: string, detail: string): AddressInput => ({ name, phone, province, city, district, detail, isDefault: true });
export const sku = (product: string, specs: Record<string, string> = {}): DemoSkuRef => ({ product, specs });

export const DEMO_MEMBERS: DemoMember[] = [
  {
    openid: 'demo-member-1',
    address: address('李婷', '13800000001', '上海市', '上海市', '静安区', '南京西路 1515 号 12 楼'),
    touchedBy: 'demo.linxiaowen',
    orders: [
      { lines: [{ sku: sku('women-wool-cardigan', { 颜色: '焦糖色' }), quantity: 1 }, { sku: sku('floral-hand-cream', { 香型: '玫瑰' }), quantity: 1 }], claimAndUse: 'member-88off', end: 'completed' },
      { lines: [{ sku: sku('scented-candle', { 香型: '白茶' }), quantity: 1 }], end: 'shipped' },
    ],
    signsIn: true,
    opensGroup: false,
  },
  {
    openid: 'demo-member-2',
    address: address('张伟', '13800000002', '上海市', '上海市', '徐汇区', '漕溪北路 88 号 3 号楼 502'),
    touchedBy: 'demo.linxiaowen',
    orders: [{ lines: [{ sku: sku('men-hooded-down-jacket', { 颜色: '黑色', 尺码: 'L' }), quantity: 1 }], end: 'completed' }],
    signsIn: false,
    opensGroup: true,
  },
  {
    openid: 'demo-member-3',
    address: address('周敏', '13800000003', '上海市', '上海市', '长宁区', '愚园路 1018 号'),
    touchedBy: 'demo.chenjiahao',
    orders: [{ lines: [{ sku: sku('men-heavy-cotton-tee', { 颜色: '黑色', 尺码: 'XL' }), quantity: 2 }], claimAndUse: 'store-99-15', end: 'paid' }],
    signsIn: true,
    opensGroup: false,
  },
  {
    openid: 'demo-member-4',
    address: address('王芳', '13800000004', '浙江省', '杭州市', '上城区', '湖滨路 7 号'),
    touchedBy: 'demo.wangsiqi',
    orders: [
      { lines: [{ sku: sku('hyaluronic-serum'), quantity: 1 }], end: 'completed' },
      { lines: [{ sku: sku('women-floral-dress', { 颜色: '蓝色碎花', 尺码: 'M' }), quantity: 1 }], end: 'refunded' },
    ],
    signsIn: false,
    opensGroup: false,
  },
  {
    openid: 'demo-member-5',
    address: address('刘洋', '13800000005', '浙江省', '杭州市', '西湖区', '文三路 259 号'),
    touchedBy: 'demo.wangsiqi',
    orders: [{ lines: [{ sku: sku('long-staple-cotton-towel', { 颜色: '米白', 规格: '浴巾 70×140cm' }), quantity: 2 }], end: 'shipped' }],
    signsIn: true,
    opensGroup: false,
  },
  {
    openid: 'demo-member-6',
    address: address('陈静', '13800000006', '江苏省', '苏州市', '姑苏区', '观前街 66 号'),
    touchedBy: null,
    orders: [{ lines: [{ sku: sku('cotton-pads'), quantity: 3 }], end: 'paid' }],
    signsIn: false,
    opensGroup: false,
  },
];

/** The seed's own clock offsets, for the tests. */
export const DEMO_TIME = { HOUR_MS, DAY_MS };
