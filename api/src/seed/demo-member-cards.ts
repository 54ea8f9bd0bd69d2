/**
 * Demo member cards (开卡): the first four demo members gave their phone number, through the same
 * path a shopper's getPhoneNumber tap takes (the fake WeChat mints the button's code, the member
 * card module exchanges it with the fake's getuserphonenumber). The counter can then find them
 * by phone, and 会员码 works for them at once.
 */
import type { Services } from '../app';
import type { FakeWeChatHandle } from '../wechat/fake-wechat';
import { DEMO_MEMBERS } from './demo-loop-data';

const CARDS = 4;

export async function seedMemberCards(s: Services, fakeWechat: FakeWeChatHandle): Promise<number> {
  // Each gives the number of their shipping address (so HQ's phone search agrees with the card).
  for (const member of DEMO_MEMBERS.slice(0, CARDS)) {
    // The member's id, by logging in as the demo member again (as the seed's other steps do).
    const session = await s.auth.shopperLogin(await fakeWechat.mintCode(member.openid));
    await s.openCard(session.member.id, await fakeWechat.mintPhoneCode(member.address.phone));
  }
  return CARDS;
}
