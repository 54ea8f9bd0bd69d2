/**
 * Builds the membership and points services and plugs them into the extension points: the
 * checkout contributors (member discount, points), the outbox (earning, referral on
 * MemberRegistered) and the scheduler (lot expiry, 30-day reminder, monthly tier review).
 */
import type { DataSource } from 'typeorm';
import type { Transactor } from '../../db/transaction';
import type { Logger } from '../../logger';
import type { Scheduler } from '../jobs/scheduler';
import { MemberProfiles } from '../membership/profile.service';
import { MembershipSettingsService } from '../membership/settings.service';
import type { CheckoutContributors } from '../orders/checkout/contributor';
import type { OrderReads } from '../orders/orders.query';
import type { Outbox } from '../outbox/outbox';
import type { ShareTokens } from '../share/share-tokens';
import { MemberDiscountContributor, PointsContributor } from './checkout.contributors';
import { subscribeEarning } from './earning';
import { PointsAdmin } from './points.admin';
import { PointsJobs } from './points.jobs';
import { PointsReads } from './points.query';
import { Referrals } from './referrals';
import { SigninService } from './signin.service';

export interface PointsModuleDeps {
  ds: DataSource;
  tx: Transactor;
  outbox: Outbox;
  log: Logger;
  now: () => Date;
  reads: OrderReads;
  scheduler: Scheduler;
  contributors: CheckoutContributors;
  shareTokens: ShareTokens;
  memberExists: (memberId: number) => Promise<boolean>;
}

/** The expiry and reminder jobs need not run every tick: hourly is plenty for day-granular dates. */
const HOURLY = 3600_000;

export function createPointsServices(d: PointsModuleDeps) {
  const settings = new MembershipSettingsService(d.ds, d.tx, d.now);
  const profiles = new MemberProfiles(d.ds, d.tx, settings, d.now);
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
  d.scheduler.register({ name: 'membership-tier-review', run: async () => ({ lowered: await profiles.reviewAll() }), intervalMs: HOURLY });

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
