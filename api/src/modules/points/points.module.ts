/**
 * Builds the points services and plugs them into the extension points: the
 * checkout contributors (member discount, points), the outbox (earning, referral on
 * MemberRegistered) and the scheduler (lot expiry, 30-day reminder). Membership (tiers,
 * profiles, settings) is its own module, built before this one.
 */
import { Points1795600000000 } from '../../db/migrations/1795600000000-points';
import { defineModule, type ModuleContext } from '../../platform/module';
import { authModule } from '../auth';
import { membershipModule, type MembershipServices } from '../membership';
import { ordersModule, type OrderReads } from '../orders';
import { shareModule, type ShareTokens } from '../share';
import { MemberDiscountContributor, PointsContributor } from './checkout.contributors';
import { subscribeEarning } from './earning';
import { PointsAdmin } from './points.admin';
import { PointsJobs } from './points.jobs';
import { PointsReads } from './points.query';
import { Referrals } from './referrals';
import { MemberReferral, PointsAccount, PointsEntry, PointsLot, PointsLotUse, PointsSignin } from './points.entities';
import './points.events';
import { registerPointsRoutes } from './points.routes';
import { SigninService } from './signin.service';

/** The expiry and reminder jobs need not run every tick: hourly is plenty for day-granular dates. */
const HOURLY = 3600_000;

export const pointsModule = defineModule({
  name: 'points',
  entities: [PointsAccount, PointsEntry, PointsLot, PointsLotUse, PointsSignin, MemberReferral],
  // The points migration also created the membership tables.
  migrations: [Points1795600000000],
  errors: { POINTS_INSUFFICIENT: 409, POINTS_ALREADY_SIGNED_IN: 409 },
  build(ctx) {
    const { settings, profiles } = ctx.use(membershipModule).membership;
    const auth = ctx.use(authModule).auth;
    const points = createPointsServices({
      ...ctx,
      settings,
      profiles,
      reads: ctx.use(ordersModule).orderReads,
      shareTokens: ctx.use(shareModule).shareTokens,
      memberExists: async (id) => !!(await auth.memberById(id)),
    });
    ctx.routes((api) => registerPointsRoutes(api, points));
    return { points };
  },
});

type PointsModuleDeps = ModuleContext &
  Pick<MembershipServices, 'settings' | 'profiles'> & { reads: OrderReads; shareTokens: ShareTokens; memberExists: (memberId: number) => Promise<boolean> };

function createPointsServices(d: PointsModuleDeps) {
  const { settings, profiles } = d;
  const referrals = new Referrals(settings);
  const jobs = new PointsJobs(d.ds, d.tx, d.outbox, d.now);

  d.contributors.register(new MemberDiscountContributor(d.ds, profiles, settings)).register(new PointsContributor(d.ds, settings));
  subscribeEarning({ ds: d.ds, tx: d.tx, outbox: d.outbox, log: d.log, reads: d.reads, profiles, settings, referrals, now: d.now });
  // A referral is recorded from the registration event when its share token names another member.
  d.outbox.subscribe('MemberRegistered', 'points.referral', async (e) => {
    const token = e.shareToken ? d.shareTokens.verify(e.shareToken) : null;
    await d.tx.run((m) => referrals.record(m, e.memberId, token, d.now()));
  });
  d.scheduler.register({ name: 'points-expiry', run: async () => ({ expired: await jobs.expireDue() }), intervalMs: HOURLY });
  d.scheduler.register({ name: 'points-expiry-reminder', run: async () => ({ reminded: await jobs.remindExpiring() }), intervalMs: HOURLY });

  return {
    reads: new PointsReads(d.ds, d.now),
    signin: new SigninService(d.ds, d.tx, settings, d.now),
    admin: new PointsAdmin(d.tx, d.memberExists, d.now),
    jobs,
    profiles,
    settings,
    referrals,
  };
}
