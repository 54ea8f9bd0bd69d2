/** Membership: tiers, growth, profiles (birthday) and the membership settings; the monthly tier review. */
import { defineModule } from '../../platform/module';
import { addressModule } from '../address';
import { authModule } from '../auth';
import { MemberGrowthEntry, MemberProfile, MembershipSetting, MemberTierLog } from './membership.entities';
import { MemberProfiles } from './profile.service';
import { MembershipSettingsService } from './settings.service';
import { MemberSegments, registerMemberListRoute } from './members.hq';

/** The review need not run every tick: hourly is plenty for a monthly rule. */
const HOURLY = 3600_000;

export const membershipModule = defineModule({
  name: 'membership',
  entities: [MemberProfile, MemberGrowthEntry, MemberTierLog, MembershipSetting],
  // Its tables came with the points migration (1795600000000).
  migrations: [],
  errors: { BIRTHDAY_ALREADY_SET: 409, MEMBER_NOT_FOUND: 404 },
  build(ctx) {
    const settings = new MembershipSettingsService(ctx.ds, ctx.tx, ctx.now);
    const profiles = new MemberProfiles(ctx.ds, ctx.tx, settings, ctx.now);
    ctx.scheduler.register({ name: 'membership-tier-review', run: async () => ({ lowered: await profiles.reviewAll() }), intervalMs: HOURLY });
    const memberSegments = new MemberSegments();
    const membership: MembershipServices = { settings, profiles, memberSegments };
    ctx.routes((api) => registerMemberListRoute(api, { members: ctx.use(authModule).members, addresses: ctx.use(addressModule).addresses, segments: memberSegments }));
    return { membership };
  },
});

export interface MembershipServices {
  settings: MembershipSettingsService;
  profiles: MemberProfiles;
  /** The insight module provides the member list's segment column and filter. */
  memberSegments: MemberSegments;
}
