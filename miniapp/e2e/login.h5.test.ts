/**
 * Pages that need a session, opened logged out, on the H5 build in Debian Chromium: a login
 * prompt, then back on the same page. A fresh browser per page, so each starts logged out.
 */
import { h5ShoppersSuite } from './journey-suites';
import { loginRequiredJourney } from './journeys/login-required';

jest.setTimeout(180_000);

h5ShoppersSuite(
  'login-required pages (H5, Chromium)',
  'login',
  '签到 and 我的优惠券 opened logged out show a login prompt, and 登录 lands back on the same page with its query',
  loginRequiredJourney,
);
