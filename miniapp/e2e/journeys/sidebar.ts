/**
 * The guide's sidebar in WeCom's chat toolbar (导购助手), on H5 with a fake WeCom client (the
 * JS-SDK's WeixinJSBridge, fake-wecom-client.ts) and the fake WeCom server behind the API.
 *
 * A guide opens the sidebar beside a one-to-one chat with a contact nobody knows yet and sends the
 * 新人礼 card; a shopper opens it, buys, taps the guide's QR, and adds the guide on WeCom (the
 * fake posts the callback, which links the contact). Reopened beside that customer, the sidebar
 * shows their profile and keeps a note. Beside a customer group (快闪群) it shows the group and
 * sends a group-buy campaign card: the recorded sendChatMessage payload is checked field by
 * field, and a 领券中心 coupon card. A new shopper opens the campaign's page path (without `.html`),
 * opens a group and pays: HQ sees the order attributed to the guide with the group chat as
 * evidence; another opens the coupon card on 领券中心; the group's report counts both opens.
 * Also: a failed send (no permission), a non-guide, a used code, a browser outside WeCom.
 */
import { errorMessage } from '@common/errors';
import { DEFAULT_SETTINGS } from '@common/membership/settings';
import { formatFen } from '@common/money';
import type { SidebarOauthConfig } from '@common/sidebar/types';
import { WECOM_FAILURE_COPY } from '../../services/wecom-errors';
import { waitUntil, type Driver } from '../driver';
import type { FakeWecomClient } from '../fake-wecom-client';
import type { H5Driver } from '../h5-driver';
import { PAGES } from '../paths';
import { scheduleCampaign } from './guide-cards';
import { buyNowAndPay, orderIdOf, type HqApi } from './guides';
import { takeSeatAndPay } from './groupbuy';
import { loginOnPrompt } from './steps';

const SIDEBAR_ROUTE = PAGES.guideSidebar;

export interface SidebarWorld {
  base: string;
  hq: HqApi;
  oauth: SidebarOauthConfig;
  /** The guide's browser, with the fake client installed and WeCom's user agent. */
  guide: H5Driver;
  client: FakeWecomClient;
  /** A fresh browser for a new shopper. */
  newShopper(): Promise<Driver>;
  /** A browser outside WeCom. */
  plainBrowser(): Promise<H5Driver>;
  /** WeCom 3.0.36 (older than sendChatMessage's mini-program cards), with the fake client. */
  oldClientBrowser(): Promise<H5Driver>;
  /** Another WeCom browser with the same fake client, for the refusals (their 403/400 are expected). */
  refusalBrowser(): Promise<H5Driver>;
  /** The storefront's WeCom control port (api/test/storefront-with-wecom.ts). */
  control<T>(path: string, body: unknown): Promise<T>;
}

async function post<T>(base: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as { ok: boolean; data: T };
  if (!json.ok) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json.data;
}

/** The code WeCom's web login gives this member (minted by the fake WeCom). */
const mintCode = (w: SidebarWorld, userid: string) => post<{ code: string }>(w.base, '/api/sidebar/dev-code', { userid }).then((r) => r.code);

/** Opens the sidebar as WeCom's OAuth redirect lands on it: the code in the query, the route after the #. */
async function openSidebar(d: H5Driver, code: string): Promise<void> {
  await d.openAddress(`/?code=${code}&state=loopmall_sidebar#/${SIDEBAR_ROUTE}`);
}

/** The last sendChatMessage's payload, the card the client put into the chat. */
function lastSent(client: FakeWecomClient): { msgtype: string; miniprogram: { appid: string; title: string; imgUrl: string; page: string } } {
  const sends = client.callsOf('sendChatMessage');
  expect(sends.length).toBeGreaterThan(0);
  return sends[sends.length - 1].params as never;
}

/** `packages/…/index.html?id=1&t=…` → the H5 route and its query. */
function routeOf(page: string): { route: string; query: Record<string, string> } {
  const [path, qs = ''] = page.split('?');
  expect(path.endsWith('.html')).toBe(true);
  return { route: path.replace(/\.html$/, ''), query: Object.fromEntries(new URLSearchParams(qs)) };
}

export async function sidebarJourney(w: SidebarWorld): Promise<void> {
  const { guide: g, client, hq } = w;
  const campaign = await scheduleCampaign(hq);
  const coupon = { name: `群专享券${Date.now() % 1000}`, id: 0 };
  coupon.id = (await hq.call<{ id: number }>('POST', '/api/hq/coupon-templates', { name: coupon.name, kind: 'no_threshold', amountOffFen: 500, validity: { type: 'relative', days: 7 }, totalQuota: 100, claimable: true })).id;
  const suffix = Date.now() % 100000;
  const store = await hq.call('POST', '/api/hq/stores', { name: '万象城店', code: `WX${suffix}`, city: '深圳' });
  const guide = await hq.call('POST', '/api/hq/guides', { name: '陈导购', wecomUserId: `chendg${suffix}`, storeId: store.id });
  await hq.call('POST', `/api/hq/guides/${guide.id}/contact-ways`);

  // 1. Beside a one-to-one chat with a contact Loopmall does not know: the 新人礼 prompt.
  const firstCode = await mintCode(w, guide.wecomUserId);
  client.chat = { entry: 'single_chat_tools', externalUserId: `wmunknown${suffix}` };
  await openSidebar(g, firstCode);
  await g.waitFor('.sb-head__guide', { text: guide.name });
  // The code left the address before the JS-SDK signed it; agentConfig carried the agent's signature.
  expect(g.address()).not.toContain(firstCode);
  const [config] = client.callsOf('agentConfig');
  expect(config.page).not.toContain('code=');
  expect(config.params.jsApiList).toEqual(expect.arrayContaining(['getContext', 'getCurExternalContact', 'getCurExternalChat', 'sendChatMessage']));
  await g.waitFor('.sb-unknown__send');
  await g.tap('.sb-unknown__send');
  await waitUntil('the 新人礼 card sent', async () => client.callsOf('sendChatMessage').length === 1);
  const welcome = lastSent(client);
  expect(welcome.msgtype).toBe('miniprogram');
  const landing = routeOf(welcome.miniprogram.page);
  expect(landing.route).toBe(PAGES.home);
  expect(landing.query.g).toBeUndefined(); // a one-to-one chat is no group evidence
  const token = landing.query.t;
  expect(token).toMatch(/^[0-9A-Za-z.]{8,32}$/);

  // 2. A shopper opens that card, buys, taps the guide's QR; then adds the guide on WeCom.
  const a = await w.newShopper();
  await a.open(landing.route, landing.query);
  // Signed in (我的导购), the kept token is reported: the card's open binds the shopper to the guide.
  await a.open(PAGES.myGuide);
  await loginOnPrompt(a);
  await a.waitFor('.my-guide__name', { text: guide.name });
  const product = await firstSimpleProduct(hq);
  await a.open(PAGES.product, { id: String(product) });
  await a.waitFor('.product-title');
  await buyNowAndPay(a, true);
  await a.waitFor('.guide-prompt__name', { text: guide.name });
  await a.tap('.guide-contact'); // the tap the callback's link falls back to (no unionid here)
  // 签到 (purchase points stay pending until the order completes): points now, a sign-in this week.
  await a.open(PAGES.signin);
  await a.waitFor('.signin-button', { text: `签到 +${DEFAULT_SETTINGS.earn.signinPoints}` });
  await a.tap('.signin-button');
  await a.waitFor('.signin-button', { text: '今日已签到' });
  const added = await w.control<{ externalUserId: string; text: string }>('/customers', { userId: guide.wecomUserId, state: `g${guide.id}`, unionid: null, name: '顾客小林' });
  expect(added.text).toBe('success');

  // 3. Beside that customer: the profile, and a note.
  client.chat = { entry: 'single_chat_tools', externalUserId: added.externalUserId };
  await waitUntil('the contact linked', async () => {
    await openSidebar(g, await mintCode(w, guide.wecomUserId));
    await g.waitFor('.sb-profile__name, .sb-unknown');
    return (await g.texts('.sb-profile__name')).length === 1;
  }, 20_000);
  await g.waitFor('.sb-profile__bound', { text: '已绑定我' });
  expect(await g.texts('.sb-profile__points')).toEqual([String(DEFAULT_SETTINGS.earn.signinPoints)]);
  expect((await g.texts('.sb-touch')).length).toBeGreaterThan(0);
  await g.type('.sb-note-form__input', '喜欢浅色，M 码，周末到店');
  await g.waitFor('.sb-note__text', { text: '喜欢浅色，M 码，周末到店' });
  // Reopened from the toolbar (a new code), the note is still there.
  await openSidebar(g, await mintCode(w, guide.wecomUserId));
  await g.waitFor('.sb-note__text', { text: '喜欢浅色，M 码，周末到店' });
  await g.screenshot('sidebar-contact');
  expect(await g.texts('.sb-order .sb-line__title')).toHaveLength(1);

  // 4. A customer group (快闪群) with that customer in it, synced and tagged by HQ.
  const { chatId } = await w.control<{ chatId: string }>('/groups', { name: '周末快闪群', owner: guide.wecomUserId, members: [{ userid: added.externalUserId, type: 2 }] });
  await hq.call('POST', '/api/hq/wecom-groups/sync');
  await hq.call('PUT', `/api/hq/wecom-groups/${chatId}/kind`, { kind: 'flash' });

  // 5. Beside the group: its view; a send the client refuses; then the campaign card.
  client.chat = { entry: 'group_chat_tools', chatId };
  await openSidebar(g, await mintCode(w, guide.wecomUserId));
  await g.waitFor('.sb-group__name', { text: '周末快闪群' });
  await g.waitFor('.sb-group__kind', { text: '快闪群' });
  await g.waitFor('.sb-group__shopper');
  expect(await g.texts('.sb-group__signins')).toEqual(['1']);
  await g.tap('.sb-tab--campaign');
  await g.waitFor('.sb-target--campaign .sb-target__title', { text: campaign.title });
  const campaignRow = (await g.texts('.sb-target--campaign .sb-target__title')).indexOf(campaign.title);
  client.failNextSend = 'fail no permission';
  await g.tap('.sb-target--campaign .sb-target__send', { index: campaignRow });
  await g.waitFor('.sb-send__error-message', { text: WECOM_FAILURE_COPY.no_permission });
  const before = client.callsOf('sendChatMessage').length;
  await g.tap('.sb-target--campaign .sb-target__send', { index: campaignRow });
  await waitUntil('the campaign card sent', async () => client.callsOf('sendChatMessage').length === before + 1);

  // The card, field by field.
  const card = lastSent(client);
  expect(card.msgtype).toBe('miniprogram');
  expect(card.miniprogram.appid).toMatch(/^wx[0-9a-zA-Z]{16}$/);
  expect(card.miniprogram.title.startsWith(`【拼团】${campaign.title.slice(0, 6)}`)).toBe(true);
  expect(Buffer.byteLength(card.miniprogram.title)).toBeLessThanOrEqual(64); // WeCom's limit
  expect(card.miniprogram.imgUrl).toMatch(/^https?:\/\/[^\s]+$/);
  const target = routeOf(card.miniprogram.page);
  expect(target.route).toBe(PAGES.groupCampaign);
  expect(target.query).toEqual({ id: String(campaign.id), t: expect.stringMatching(/^[0-9A-Za-z.]{8,32}$/), g: chatId });

  // A 领券中心 coupon card too: its page is 领券中心 with the template (`tpl`).
  await g.tap('.sb-tab--coupon');
  await g.waitFor('.sb-target--coupon .sb-target__title', { text: coupon.name });
  await g.tap('.sb-target--coupon .sb-target__send', { index: (await g.texts('.sb-target--coupon .sb-target__title')).indexOf(coupon.name) });
  await waitUntil('the coupon card sent', async () => client.callsOf('sendChatMessage').length === before + 2);
  const couponCard = routeOf(lastSent(client).miniprogram.page);
  expect(couponCard.route).toBe(PAGES.couponCenter);
  expect(couponCard.query).toEqual({ tpl: String(coupon.id), t: expect.stringMatching(/^[0-9A-Za-z.]{8,32}$/), g: chatId });

  // 6. A new shopper opens the campaign card's page path, opens a group and pays.
  const b = await w.newShopper();
  await b.open(target.route, target.query);
  await loginOnPrompt(b);
  await b.waitFor('.open-group', { text: '发起拼团' });
  await b.tap('.open-group');
  await takeSeatAndPay(b);
  await b.open(PAGES.orderList); // all orders: a paid seat waits in 待成团
  await b.waitFor('.order-card__no');
  const [noText] = await b.texts('.order-card__no');
  const orderId = await orderIdOf(hq, noText.replace('订单号', '').trim());

  // Another opens the coupon card: 领券中心 with the coupon, and a touch from the group.
  const c = await w.newShopper();
  await c.open(couponCard.route, couponCard.query);
  await loginOnPrompt(c);
  await c.waitFor('.center-coupon', { text: coupon.name });

  // 7. HQ: attributed to the guide, with the group as evidence; the group's report counts it.
  const attribution = await waitUntil('attribution written', () => hq.call('GET', `/api/hq/orders/${orderId}/attribution`).catch(() => null));
  expect(attribution).toMatchObject({ guideId: guide.id, sharingGuideId: guide.id, tokenId: target.query.t, groupChatId: chatId });
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  // Two cards sent (the refused one is no send), two opens from the group, one order.
  const report = await waitUntil('both opens from the group recorded', async () => {
    const r = await hq.call('GET', `/api/hq/wecom-groups/${chatId}/report?from=${today}&to=${today}`);
    return r.touches >= 2 ? r : null;
  });
  expect(report).toMatchObject({ chatId, sends: 2, touches: 2, orders: 1 });
  expect(report.gmvFen).toBeGreaterThan(0);

  // Reopened beside the group, the sidebar counts that order.
  await openSidebar(g, await mintCode(w, guide.wecomUserId));
  await g.waitFor('.sb-group__orders', { text: '1' });
  expect(await g.texts('.sb-group__gmv')).toEqual([formatFen(report.gmvFen)]);
  await g.tap('.sb-tab--campaign');
  await g.waitFor('.sb-target--campaign .sb-target__title', { text: campaign.title });
  await g.screenshot('sidebar-group');

  await refusals(w, firstCode, guide.wecomUserId);
}

/** A member who is not a guide; a used code; a browser that is not WeCom. */
async function refusals(w: SidebarWorld, usedCode: string, guideUserId: string): Promise<void> {
  const g = await w.refusalBrowser();
  await openSidebar(g, await mintCode(w, `stranger${Date.now() % 100000}`));
  await g.waitFor('.sb-notice--refused .sb-notice__message', { text: errorMessage('SIDEBAR_NOT_A_GUIDE') });
  await openSidebar(g, usedCode);
  await g.waitFor('.sb-notice--reopen .sb-notice__message', { text: errorMessage('WECOM_CODE_INVALID') });
  // In WeCom, but not from a chat's toolbar (e.g. from the workbench): no chat to work with.
  w.client.chat = { entry: 'normal' };
  await openSidebar(g, await mintCode(w, guideUserId));
  await g.waitFor('.sb-notice--no_chat .sb-notice__message', { text: '从聊天工具栏打开导购助手' });
  for (const [open, copy] of [[w.plainBrowser, WECOM_FAILURE_COPY.not_in_wecom], [w.oldClientBrowser, WECOM_FAILURE_COPY.old_client]] as const) {
    const d = await open();
    await openSidebar(d, await mintCode(w, guideUserId));
    await d.waitFor('.sb-failed__message', { text: copy });
  }
}

/** A product without specs, in stock: 立即购买 goes straight to 确认订单. */
async function firstSimpleProduct(hq: HqApi): Promise<number> {
  const list = await hq.call<{ items: { id: number }[] }>('GET', '/api/products?pageSize=50');
  for (const p of list.items) {
    const d = await hq.call<{ specs: unknown[]; skus: { stock: number; status: string }[] }>('GET', `/api/products/${p.id}`);
    if (d.specs.length === 0 && d.skus.some((s) => s.status === 'on_sale' && s.stock >= 5)) return p.id;
  }
  throw new Error('no product without specs in stock');
}
