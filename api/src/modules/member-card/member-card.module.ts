/**
 * The member card (开卡): the phone number from WeChat's phone button, stored encrypted with a
 * blind index, shown masked; the member code (会员码) the store counter scans; HQ's masked phone
 * and audited reveal. The POS module finds members by phone through this module's API.
 */
import { MemberCard1796410000000 } from '../../db/migrations/1796410000000-member-card';
import { defineModule } from '../../platform/module';
import { authModule } from '../auth';
import { MemberPhone } from './member-card.entities';
import { registerMemberCardRoutes } from './member-card.routes';
import { MemberCards } from './member-card.service';
import { rewrapPhones } from './phone-rewrap';
import { PhoneVault } from './phone-vault';

/** Re-sealing after a rotation is no hurry: hourly. */
const HOURLY = 3600_000;

export const memberCardModule = defineModule({
  name: 'member-card',
  entities: [MemberPhone],
  migrations: [MemberCard1796410000000],
  errors: { PHONE_CODE_INVALID: 400, PHONE_RATE_LIMITED: 429, PHONE_NOT_SUPPORTED: 400, MEMBER_CARD_NOT_OPENED: 409, MEMBER_PHONE_NOT_FOUND: 404 },
  build(ctx) {
    const vault = new PhoneVault(ctx.config.PHONE_KEYS, ctx.config.PHONE_INDEX_KEY);
    const cards = new MemberCards(ctx.ds, ctx.wechat, vault, ctx.config.SESSION_SECRET, ctx.now);
    const oldKeyIds = ctx.config.PHONE_KEYS.slice(1).map((k) => k.id);
    ctx.scheduler.register({ name: 'member-phone-rewrap', run: () => rewrapPhones(ctx.ds, vault, oldKeyIds), intervalMs: HOURLY });
    ctx.routes((api) => registerMemberCardRoutes(api, cards, ctx.use(authModule).members, ctx.fakeWechat));
    const memberCard: MemberCardApi = {
      findMemberIdByPhone: (phone) => cards.findMemberIdByPhone(phone),
      maskedPhoneOf: (memberId) => cards.maskedPhoneOf(memberId),
      openCard: async (memberId, phoneCode) => (await cards.open(memberId, phoneCode)).maskedPhone as string,
    };
    // Both spellings: `ctx.use(memberCardModule).findMemberIdByPhone` and `….memberCard.findMemberIdByPhone`.
    return { memberCard, ...memberCard };
  },
});

/** What other modules (the POS counter) may ask of the member card. */
export interface MemberCardApi {
  /** The member behind a phone number (any common spelling of a mainland mobile), by the keyed-hash index; never decrypts rows. */
  findMemberIdByPhone(phone: string): Promise<number | null>;
  /** `138****8000`, or null when the member has not opened the card. */
  maskedPhoneOf(memberId: number): Promise<string | null>;
  /** 开卡 with a getPhoneNumber code (the route's path; the demo seed uses it): the masked number. */
  openCard(memberId: number, phoneCode: string): Promise<string>;
}
