/**
 * Checkout contributors: the extension point through which stock, the cart, group-buy, coupons,
 * points and guide attribution take part in placing an order, without checkout naming any of
 * them. A contributor brings up to three parts:
 *
 * - `quote`   read-only, outside the transaction, for preview and for placing alike: it may set
 *             the order's kind, change a line's unit price (a group price), add an order-level
 *             adjustment (a coupon, a points deduction, a member discount), waive freight, set
 *             the order's guide, refuse (throw AppError naming its field), and leave notes for
 *             its own `reserve` and for the preview page.
 * - `reserve` inside the order transaction, after the order and its lines are written:
 *             conditional writes only (`UPDATE … WHERE n >= ?`, affected rows checked), throwing
 *             AppError to refuse; any throw rolls back every contributor's writes and the order.
 *             Never an external call (the transaction may be retried).
 * - `release` inside the transaction that cancels, times out or refunds the order: gives back
 *             what `reserve` took. The runner calls it at most once per order for a cancel and
 *             once per refund (a guard decides; see checkout/release.ts), so a contributor's
 *             release need not guard itself, but it must never fail for lack of room (returning
 *             stock cannot be refused).
 *
 * Each contributor reads only its own named field of the checkout body (`couponId`,
 * `pointsToUse`, `groupId`, `shareToken` …); the field's zod schema joins the checkout body
 * schema and the OpenAPI document, and the request hash covers it. `rank` orders them: quote and
 * reserve run in ascending rank, release in descending.
 */
import type { EntityManager } from 'typeorm';
import type { ZodType } from 'zod';
import type { SkuSpecs, SpecDef } from '@common/catalogue/types';
import type { CheckoutNotes } from '@common/order/checkout-notes';
import { linesBefore, type AdjustmentKind, type AppliedAdjustment, type Adjustment, type LineBefore, type OrderPricing, type PricedLineInput, type PriceChange } from '@common/order/pricing';
import { acceptsAdjustment, type OrderKind } from '@common/order/state';

/** Ranks of the built-in contributors; features pick a rank between them. */
export const RANK = {
  /** Price changes that decide the kind (group seat, points mall): first. */
  kind: 100,
  cart: 200,
  memberDiscount: 300,
  coupon: 400,
  points: 500,
  attribution: 600,
  /** Stock last: the hot SKU rows stay locked as briefly as possible. */
  stock: 900,
} as const;

/** One line as checkout knows it, loaded from the catalogue before any contributor runs. */
export interface DraftLine {
  skuId: number;
  productId: number;
  categoryId: number;
  title: string;
  specLabel: string;
  image: string | null;
  quantity: number;
  /** The SKU's own price now. */
  skuPriceFen: number;
  /** The SKU's stock now (advisory; reservation decides). */
  stock: number;
  /** Index of the line in the request (for naming fields: `lines.N.quantity`). */
  index: number;
}

/** The body of POST /api/orders and /api/checkout/preview, as parsed. */
export interface CheckoutBodyCore {
  lines: { skuId: number; quantity: number }[];
  addressId?: number;
  remark?: string;
  fromCart?: boolean;
  /** Every contributor field, by its name, as its schema parsed it. */
  [field: string]: unknown;
}

/** What the contributors build together during `quote`. */
export interface CheckoutDraft {
  memberId: number;
  /** 'normal' unless a contributor says otherwise (one kind per order; a second claim is refused). */
  kind: OrderKind;
  body: CheckoutBodyCore;
  lines: DraftLine[];
  priceChanges: PriceChange[];
  adjustments: Adjustment[];
  freightWaived: boolean;
  /** The guide the order is attributed to (set by the attribution contributor). */
  guideId: number | null;
  /** true while placing an order, false for a preview (a contributor may be lenient in preview). */
  placing: boolean;
  /**
   * Per contributor: what its reserve needs and what the preview page shows (by contributor
   * name), each in the shape its feature declares in common/<feature>/checkout-notes.ts.
   */
  notes: CheckoutNotes;
  now: Date;
  /** Each contributor's rows of the member read, by contributor name (absent: read by itself). */
  memberRows?: ReadonlyMap<string, MemberRow[]>;
}

/**
 * One part of the member read: a SELECT (or a UNION ALL of them) of exactly the columns
 * k, n1, n2, n3, s1, s2, s3, t1 in that order (NULL where unused): k names the row's kind, n* are
 * integers, s* text and t1 a DATETIME column (hydrate it with the driver). An ORDER BY / LIMIT
 * goes inside a derived table (`SELECT * FROM (… LIMIT 200) x`), as both databases require.
 */
export interface MemberReadPart {
  sql: string;
  params(memberId: number, now: Date): unknown[];
}

export interface MemberRow {
  k: string;
  n1: number | null;
  n2: number | null;
  n3: number | null;
  s1: string | null;
  s2: string | null;
  s3: string | null;
  t1: unknown;
}

/** The draft's lines at their SKU prices, as pricing takes them. */
export const draftPricingLines = (draft: CheckoutDraft): PricedLineInput[] =>
  draft.lines.map((l) => ({ skuId: l.skuId, unitPriceFen: l.skuPriceFen, quantity: l.quantity }));

/**
 * The price before an adjustment of `kind`: the draft's lines after the unit-price changes and
 * the adjustments ranked before it (common/order/pricing.ts linesBefore). What a contributor
 * computes its own adjustment on.
 */
export const priceBefore = (draft: CheckoutDraft, kind: AdjustmentKind): LineBefore[] =>
  linesBefore(draftPricingLines(draft), draft.priceChanges, draft.adjustments, kind);

/** The order as written, for reserve. */
export interface PlacedOrderRef {
  id: number;
  orderNo: string;
  memberId: number;
  kind: OrderKind;
  guideId: number | null;
  payableFen: number;
}

export interface ReserveContext {
  m: EntityManager;
  order: PlacedOrderRef;
  draft: CheckoutDraft;
  pricing: OrderPricing;
  /** This contributor's own applied adjustments (matched by kind and ref), with real amounts. */
  applied(kind: Adjustment['kind'], ref?: string): AppliedAdjustment | undefined;
  now: Date;
}

/** One order line as stored, for release. */
export interface ReleaseLine {
  skuId: number;
  productId: number;
  quantity: number;
  subtotalFen: number;
  discountFen: number;
  payableFen: number;
}

export interface ReleaseContext {
  m: EntityManager;
  order: PlacedOrderRef & { status: string; refundedFen: number; adjustments: AppliedAdjustment[] };
  lines: ReleaseLine[];
  /** cancel: the whole order is given up (shopper, timeout, group failed before paying). refund: money went back. */
  reason: 'cancel' | 'refund';
  /** For reason 'refund': which refund, how much, and whether the order is now fully refunded. */
  refund?: { refundNo: string; amountFen: number; fullyRefunded: boolean };
  now: Date;
}

export interface CheckoutContributor {
  /** Unique, short: 'stock', 'cart', 'coupon'. Names its notes and its release guard. */
  name: string;
  rank: number;
  /** The body field it reads, with its schema (optional fields: use `.optional()`). */
  field?: { name: string; schema: ZodType; description?: string };
  /**
   * The price adjustment it brings, if any. The runner then runs its quote and reserve only on
   * orders whose kind accepts that adjustment (ACCEPTED_ADJUSTMENTS in common/order/state.ts) and
   * refuses its field on the others: the contributor never tests the kind itself.
   */
  adjusts?: AdjustmentKind;
  /**
   * Its part of checkout's one member read (member-read.ts): what its quote would otherwise read
   * of the member by itself (the tier, the guide binding …), folded with every other part into a
   * single statement before the quotes run. The rows reach its quote as draft.memberRows.
   */
  memberRead?: MemberReadPart;
  /**
   * Before any SQL, from memory only (a sold-out mark): refuse a plain order outright. "Plain":
   * no kind-claiming contributor (rank <= RANK.kind) has its field in the body, so units come
   * from where the catalogue says. Skipped for other orders; `quote` still decides for them.
   * Asked again for the same body right before the transaction, so a mark set meanwhile (by the
   * order that took the last unit) spares the waiting ones a transaction: it must be repeatable.
   */
  admit?(body: CheckoutBodyCore): void;
  /** After the lines are loaded, before any contributor's quote (and its reads), for a plain order: synchronous, no SQL. */
  precheck?(draft: CheckoutDraft): void;
  /**
   * Placing a plain order, after precheck and before the member read: may wait for a place (the
   * catalogue's per-SKU placement gate). Answers what ends the hold; checkout calls it once the
   * transaction has ended, `committed` when the order was written.
   */
  hold?(draft: CheckoutDraft): Promise<(committed: boolean) => void>;
  quote?(draft: CheckoutDraft): Promise<void> | void;
  reserve?(ctx: ReserveContext): Promise<void>;
  release?(ctx: ReleaseContext): Promise<void>;
}

/** What checkout needs to know of a SKU and its product to build a draft line. */
export interface LineSku {
  id: number;
  productId: number;
  specs: SkuSpecs;
  priceFen: number;
  stock: number;
  status: 'on_sale' | 'off_sale';
}
export interface LineProduct {
  id: number;
  categoryId: number;
  title: string;
  specs: SpecDef[];
  images: string[];
  status: 'draft' | 'on_sale' | 'off_sale';
}
/** Loads the SKUs of a checkout and their products; the catalogue module, which owns them, supplies it. */
export type LineSource = (m: EntityManager, skuIds: readonly number[]) => Promise<{ skus: Map<number, LineSku>; products: Map<number, LineProduct> }>;

/** The ordered registry. Registered while the services are built, before the routes. */
export class CheckoutContributors {
  private readonly list: CheckoutContributor[] = [];
  private frozen = false;
  private source: LineSource | null = null;

  /** The one source of draft lines (the catalogue's SKUs); checkout itself reads no catalogue table. */
  useLineSource(source: LineSource): this {
    if (this.source) throw new Error('checkout line source registered twice');
    this.source = source;
    return this;
  }

  get lineSource(): LineSource {
    if (!this.source) throw new Error('no checkout line source registered (is the catalogue module listed?)');
    return this.source;
  }

  register(c: CheckoutContributor): this {
    if (this.frozen) throw new Error(`checkout contributor ${c.name} registered after the routes were built`);
    if (this.list.some((x) => x.name === c.name)) throw new Error(`checkout contributor ${c.name} registered twice`);
    if (c.field && this.list.some((x) => x.field?.name === c.field!.name)) throw new Error(`checkout field ${c.field.name} claimed twice`);
    this.list.push(c);
    this.list.sort((a, b) => a.rank - b.rank);
    return this;
  }

  /** A plain order: no contributor that claims the kind (rank <= RANK.kind) was asked to by its field. */
  isPlain(body: CheckoutBodyCore): boolean {
    return !this.list.some((c) => c.rank <= RANK.kind && c.field && body[c.field.name] !== undefined);
  }

  /** Ascending rank: the order of quote and reserve. */
  get ordered(): readonly CheckoutContributor[] {
    return this.list;
  }

  /**
   * The ones that take part in an order of `kind` (reserve): those bringing no adjustment and
   * those whose adjustment the kind accepts. Release asks every contributor (see release.ts).
   */
  acceptedBy(kind: OrderKind): CheckoutContributor[] {
    return this.list.filter((c) => !c.adjusts || acceptsAdjustment(kind, c.adjusts));
  }

  /** The body fields contributors read (the route schema is built from these, once). */
  fields(): { name: string; schema: ZodType; description?: string }[] {
    this.frozen = true;
    return this.list.flatMap((c) => (c.field ? [c.field] : []));
  }
}
