/** Public entry of the membership module: tiers, profiles and settings. */
export { membershipModule, type MembershipServices } from './membership.module';
export type { MemberProfiles } from './profile.service';
export type { MembershipSettingsService } from './settings.service';
export { TierReads } from './tier-reads';
export type { MemberSegmentSource, MemberSegments } from './members.hq';
