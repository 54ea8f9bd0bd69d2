/**
 * Pages that need a session, opened logged out: each shows the login prompt (not an empty page),
 * and 登录 there lands back on the same page, with its query, showing its content.
 */
import type { Driver } from '../driver';
import { PAGES } from '../paths';
import { loginOnPrompt } from './steps';

export async function loginRequiredJourney(newShopper: () => Promise<Driver>): Promise<void> {
  // 签到 logged out: the prompt, then 登录 → the same page with the calendar.
  const a = await newShopper();
  await a.open(PAGES.signin);
  await a.waitFor('.login-prompt__title');
  await a.screenshot('login-prompt');
  await loginOnPrompt(a);
  await a.waitFor('.signin-calendar__grid');
  await a.waitFor('.signin-button');
  expect(await a.currentRoute()).toBe(PAGES.signin);
  expect(await a.texts('.login-prompt__title')).toEqual([]);

  // 我的优惠券 on its 已过期 tab (a query), logged out: the prompt, then the same tab.
  const b = await newShopper();
  await b.open(PAGES.myCoupons, { tab: 'expired' });
  await loginOnPrompt(b);
  await b.waitFor('.coupon-tab--active', { text: '已过期' });
  await b.waitFor('.empty-state');
  expect(await b.currentRoute()).toBe(PAGES.myCoupons);
  expect(await b.texts('.login-prompt__title')).toEqual([]);
}
