/**
 * The POS integration (issue 18): store API keys, signed counter requests, member identification
 * by member code, offline sales and returns in the same points, growth and attribution ledgers as
 * online orders, HQ's offline sales list and summary, the 双倍积分 and offline-commission settings.
 */
import { LessThan } from 'typeorm';
import { POS_NONCE_KEEP_SECONDS } from '@common/pos/signature';
import { Pos1796400000000 } from '../../db/migrations/1796400000000-pos';
import { defineModule } from '../../platform/module';
import { authModule } from '../auth';
import { couponsModule } from '../coupons';
import { guidesModule } from '../guides';
import { memberCardModule } from '../member-card';
import { membershipModule } from '../membership';
import { pickupModule } from '../pickup';
import { registerCounterRoutes } from './counter.routes';
import { PosIdentify } from './identify.service';
import { PosKeys } from './keys.service';
import { posSignatureCheck } from './pos.auth';
import { POS_ENTITIES, PosNonce } from './pos.entities';
import './pos.events';
import { PosReports } from './pos.reports';
import { POS_PREFIX, registerPosRoutes, type PosServices } from './pos.routes';
import { PosReturns } from './returns.service';
import { PosSales } from './sales.service';
import { PosSettingsService } from './settings.service';

export const posModule = defineModule({
  name: 'pos',
  entities: POS_ENTITIES,
  migrations: [Pos1796400000000],
  errors: {
    POS_SIGNATURE_MISSING: 401,
    POS_SIGNATURE_INVALID: 401,
    POS_TIMESTAMP_STALE: 401,
    POS_NONCE_REPLAYED: 401,
    POS_KEY_UNKNOWN: 401,
    POS_KEY_REVOKED: 401,
    POS_KEY_NOT_FOUND: 404,
    POS_KEY_ALREADY_REVOKED: 409,
    POS_MEMBER_CODE_INVALID: 400,
    POS_MEMBER_REF_INVALID: 400,
    POS_RECEIPT_CONFLICT: 409,
    POS_RETURN_CONFLICT: 409,
    POS_SALE_NOT_FOUND: 404,
    POS_RETURN_EXCEEDS_SALE: 409,
    POS_GUIDE_NOT_FOUND: 404,
    POS_AMOUNTS_MISMATCH: 400,
  },
  build(ctx) {
    const { ds, tx, outbox, now, config } = ctx;
    const { profiles, settings: membershipSettings } = ctx.use(membershipModule).membership;
    const auth = ctx.use(authModule).auth;
    const { guides, guideReads, guideDirectory, commission } = ctx.use(guidesModule);
    const ledgers = { profiles, settings: membershipSettings };
    const settings = new PosSettingsService(ds, tx, now);
    const keys = new PosKeys(ds, tx, config.POS_KEY_SECRET, now, (id) => guideDirectory.storeExists(id));
    const guidePorts = {
      boundGuideOf: async (memberId: number) => (await guideReads.bindingOf(memberId))?.guideId ?? null,
      activeGuideOfStore: async (guideId: number, storeId: number) => (await guideDirectory.storeOfGuide(guideId)) === storeId && (await guideReads.isActive(guideId)),
      latestAddOf: (memberId: number) => guideReads.latestAddOf(memberId),
      recordOfflineCommission: commission.recordOffline,
    };
    const identify = new PosIdentify(ds, tx, profiles, async (id) => !!(await auth.memberById(id)), ctx.use(memberCardModule).memberCard, config.SESSION_SECRET, now);
    // An unbound member's 添加导购 offers the guide of the store that just scanned their code (guides is built before us).
    guides.shopper.provideLastScan((memberId) => identify.lastScanOf(memberId));
    const services: PosServices = {
      keys,
      settings,
      identify,
      sales: new PosSales(ds, tx, outbox, ledgers, guidePorts, settings, config.SESSION_SECRET, now),
      returns: new PosReturns(ds, tx, outbox, ledgers, commission.recordOffline, now),
      reports: new PosReports(ds, (p) => guides.reports.byGuide(p)),
    };
    // Used nonces older than twice the window can never pass the window again: pruned.
    ctx.scheduler.register({
      name: 'pos-nonce-prune',
      run: async () => ({ pruned: (await ds.manager.delete(PosNonce, { createdAt: LessThan(new Date(now().getTime() - POS_NONCE_KEEP_SECONDS * 1000)) })).affected ?? 0 }),
    });
    const { findPickup, collectPickup } = ctx.use(pickupModule);
    const counter = { redeemInStore: ctx.use(couponsModule).redeemInStore, findPickup, collectPickup };
    ctx.routes((api) => {
      // Before the routes: every /api/pos request is signed, checked before its body is validated.
      api.router.use(POS_PREFIX, posSignatureCheck(ds, keys, now));
      registerPosRoutes(api, services);
      registerCounterRoutes(api, POS_PREFIX, counter);
    });
    return { pos: services };
  },
});
