/**
 * The shopper's side: linking a guide account by binding code, 我的导购 (the bound guide, else a
 * store's default guide: of the store whose counter just scanned the member code, else the first
 * store's), and the add-your-guide prompt after the first paid order — shown once,
 * recorded by a unique row per shopper.
 */
import type { DataSource } from 'typeorm';
import type { GuideCard } from '@common/attribution/types';
import { addFollowsScan } from '@common/pos/rules';
import { isUniqueViolation } from '../../db/errors';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import type { OrderFacts } from '../orders';
import { Guide, GuideBinding, GuidePrompt, Store } from './guides.entities';

/** The member's latest member-code scan at a store counter; provided by the POS module (built after this one). */
export type LastScanSource = (memberId: number) => Promise<{ storeId: number; scannedAt: Date } | null>;

export class GuidesShopper {
  private lastScan: LastScanSource | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly now: () => Date,
    /** The order tables' ports (orders owns them). */
    private readonly orders: Pick<OrderFacts, 'byId' | 'hasPaidBefore'>,
  ) {}

  provideLastScan(source: LastScanSource): void {
    this.lastScan = source;
  }

  async link(memberId: number, code: string): Promise<{ guideId: number; name: string }> {
    return this.tx.run(async (m) => {
      const g = await m.findOneBy(Guide, { bindingCode: code, status: 'active' });
      if (!g || !g.bindingCodeExpiresAt || g.bindingCodeExpiresAt.getTime() < this.now().getTime()) {
        throw new AppError('GUIDE_CODE_INVALID', undefined, [{ field: 'body.code', message: 'invalid' }]);
      }
      try {
        // One-time: the update is conditional on the code still being there.
        const res = await m.update(Guide, { id: g.id, bindingCode: code }, { memberId, bindingCode: null, bindingCodeExpiresAt: null });
        if (res.affected !== 1) throw new AppError('GUIDE_CODE_INVALID', undefined, [{ field: 'body.code', message: 'used' }]);
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('GUIDE_ACCOUNT_TAKEN');
        throw err;
      }
      return { guideId: g.id, name: g.name };
    });
  }

  /**
   * The guide a shopper is shown: the bound, active guide; else the default guide of the store
   * whose counter scanned the member code while an add still earns that store's 双倍积分 (only
   * its own guide counts, common/pos/rules.ts); else the default guide of the first store.
   */
  async cardFor(memberId: number): Promise<GuideCard | null> {
    const m = this.ds.manager;
    const b = await m.findOneBy(GuideBinding, { memberId });
    const bound = b ? await m.findOneBy(Guide, { id: b.guideId, status: 'active' }) : null;
    if (bound) return this.card(bound, 'bound');
    const scan = this.lastScan ? await this.lastScan(memberId) : null;
    const scanned = scan && addFollowsScan(scan.scannedAt, this.now()) ? await this.defaultGuideOf(await m.findOneBy(Store, { id: scan.storeId })) : null;
    const dflt = scanned ?? (await this.defaultGuideOf(await m.findOne(Store, { where: {}, order: { id: 'ASC' } })));
    return dflt ? this.card(dflt, 'store_default') : null;
  }

  private async defaultGuideOf(store: Store | null): Promise<Guide | null> {
    return store?.defaultGuideId ? this.ds.manager.findOneBy(Guide, { id: store.defaultGuideId, status: 'active' }) : null;
  }

  private async card(g: Guide, source: GuideCard['source']): Promise<GuideCard> {
    const store = await this.ds.manager.findOneBy(Store, { id: g.storeId });
    return { id: g.id, name: g.name, avatarUrl: g.avatarUrl, storeName: store?.name ?? '', contactConfigId: g.contactConfigId, qrCodeUrl: g.qrCodeUrl, source };
  }

  /**
   * Called by the order page after payment: answers the card to show when this is the shopper's
   * first paid order and the prompt was never shown; records the showing in the same step (the
   * unique member key makes "once" hold under double calls).
   */
  async promptAfterOrder(memberId: number, orderId: number): Promise<{ show: boolean; guide: GuideCard | null }> {
    const order = await this.orders.byId(orderId);
    if (!order || order.memberId !== memberId) throw new AppError('ORDER_NOT_FOUND');
    if (!order.paidAt) return { show: false, guide: null };
    if (await this.orders.hasPaidBefore(memberId, orderId, order.paidAt)) return { show: false, guide: null };
    const guide = await this.cardFor(memberId);
    if (!guide) return { show: false, guide: null };
    try {
      await this.tx.run((tm) => tm.insert(GuidePrompt, { memberId, orderId, shownAt: this.now() }));
    } catch (err) {
      if (isUniqueViolation(err)) return { show: false, guide: null };
      throw err;
    }
    return { show: true, guide };
  }
}
