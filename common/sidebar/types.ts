/**
 * The guide's sidebar in WeCom's chat toolbar (聊天工具栏): the contract between the API
 * (api/src/modules/sidebar) and the sidebar page (the mini-program's H5 build). Money is integer
 * fen, instants are ISO-8601 UTC strings. Every answer is wrapped as elsewhere:
 * `{ ok: true, data }` or `{ ok: false, code, message, field?, issues? }` (common/errors.ts).
 *
 * ## Routes
 * Auth: `public` (none); `guide` = `Authorization: Bearer <SidebarSession.token>` (audience
 * `loopmall:guide`; a shopper or HQ token is 403 FORBIDDEN, none 401 UNAUTHENTICATED, an expired
 * one 401 SESSION_EXPIRED, a guide who left since login 403 SIDEBAR_NOT_A_GUIDE);
 * `hq:read` = HQ token, roles owner/operator/analyst; `hq:manage` = roles owner/operator.
 * Bad input is 400 VALIDATION_FAILED with `field` naming the field.
 *
 * | method | path | auth | body / query | answer |
 * |---|---|---|---|---|
 * | GET  | /api/sidebar/oauth-config | public | – | SidebarOauthConfig |
 * | POST | /api/sidebar/login | public | SidebarLoginBody | SidebarSession. 400 WECOM_CODE_INVALID (expired/used code, WeCom 40029); 403 SIDEBAR_NOT_CORP_MEMBER (the code belongs to a non-member: WeCom answered openid); 403 SIDEBAR_NOT_A_GUIDE (a corp member who is not an active guide); 502 WECHAT_UNAVAILABLE |
 * | POST | /api/sidebar/dev-code | public, only when the server runs the fake WeCom (development, tests) | SidebarDevCodeBody | { code } — the code WeCom's OAuth redirect would have given |
 * | GET  | /api/sidebar/me | guide | – | SidebarGuide |
 * | POST | /api/sidebar/jssdk-config | guide | JssdkConfigBody | JssdkConfig (for ww.register) |
 * | GET  | /api/sidebar/contacts/:externalUserId | guide | – | ContactProfile (`known: false` for a contact with no member link) |
 * | POST | /api/sidebar/contacts/:externalUserId/notes | guide | NoteBody | GuideNoteDto (201). 404 SIDEBAR_CONTACT_UNKNOWN when the contact has no member link |
 * | GET  | /api/sidebar/groups/:chatId | guide | – | GroupView. 404 SIDEBAR_GROUP_NOT_FOUND when WeCom does not know the chat, or this guide is neither its owner nor a member |
 * | GET  | /api/sidebar/targets | guide | query SendTargetsQuery | SendTargets |
 * | POST | /api/sidebar/sends | guide | SendBody | SendAnswer (201). 404 SIDEBAR_TARGET_NOT_FOUND (product off sale, campaign not live, coupon not in 领券中心) |
 * | PUT  | /api/sidebar/sends/:id/outcome | guide | SendOutcomeBody | SendRecordDto (what the client said after sendChatMessage). 404 for another guide's send; 409 SIDEBAR_SEND_SETTLED when an outcome was already given |
 * | GET  | /api/hq/wecom-groups | hq:read | query HqGroupsQuery | Page<HqGroupRow> |
 * | POST | /api/hq/wecom-groups/sync | hq:manage | – | GroupSyncResult (also runs as the lease job `sidebar.group-sync`) |
 * | PUT  | /api/hq/wecom-groups/:chatId/kind | hq:manage | GroupKindBody | HqGroupRow. 404 SIDEBAR_GROUP_NOT_FOUND |
 * | GET  | /api/hq/wecom-groups/:chatId/report | hq:read | query { from, to } (YYYY-MM-DD, Asia/Shanghai, inclusive) | GroupReport |
 *
 * ## The card a send produces, and the touch it leads to
 * The page passes `SendAnswer.payload` to `ww.sendChatMessage` as is. Its `miniprogram.page` is
 * the page path with the `.html` suffix WeCom requires, and its query carries:
 *   - `t`: the guide's signed share token (api/src/modules/share);
 *   - `g`: the group chat id (group chats only; a one-to-one chat sends no `g`). `g` is the key
 *     the mini-program's landing pages already read (miniapp/services/share.ts captureEntry), so
 *     the touch they post (POST /api/guides/touch) carries `groupChatId`, and an order from the
 *     card is attributed with the group as evidence.
 *   - the target: `id` for a product or a campaign, `tpl` for a coupon template.
 * Pages: product `pages/product/index.html?id=&t=&g=`; campaign
 * `packages/groupbuy/campaign/index.html?id=&t=&g=`; coupon
 * `packages/coupons/center/index.html?tpl=&t=&g=` (领券中心 must call useShareEntry to record the
 * touch); 新人礼 `pages/index/index.html?t=&g=` (首页 shows the gift to a new member).
 */
import type { TierCode } from '../membership/settings';

// ---------- identity ----------

/** What the page needs to start WeCom's web login (OAuth2, scope snsapi_base). */
export interface SidebarOauthConfig {
  corpId: string;
  agentId: string;
  /** `${authorizeUrl}?appid=<corpId>&redirect_uri=<page>&response_type=code&scope=snsapi_base&state=<s>&agentid=<agentId>#wechat_redirect` */
  authorizeUrl: string;
  /** True when the server runs the fake WeCom: get a code from POST /api/sidebar/dev-code instead. */
  devLogin: boolean;
}

export interface SidebarLoginBody {
  /** The `code` WeCom put in the redirect URL (single use, 5 minutes). */
  code: string;
}

/** Development only: a WeCom member `userid`, or a non-member `openid` (to see the refusal). */
export type SidebarDevCodeBody = { userid: string } | { openid: string };

export interface SidebarGuide {
  id: number;
  name: string;
  wecomUserId: string;
  storeId: number;
  storeName: string;
  avatarUrl: string | null;
}

export interface SidebarSession {
  /** Bearer token for the `guide` routes (its own audience: not a shopper or HQ session). */
  token: string;
  expiresAt: string;
  guide: SidebarGuide;
}

// ---------- JS-SDK registration (@wecom/jssdk ww.register) ----------

export interface JssdkConfigBody {
  /** The page's current URL (location.href); the server drops the fragment before signing. */
  url: string;
}

/**
 * For `ww.register({ corpId, agentId, jsApiList, getConfigSignature, getAgentConfigSignature })`:
 * both callbacks answer `{ timestamp, nonceStr, signature }`, the agent one with `agentSignature`.
 * sha1 over `jsapi_ticket=…&noncestr=…&timestamp=…&url=…` with the corp ticket and the agent ticket.
 */
export interface JssdkConfig {
  corpId: string;
  agentId: string;
  timestamp: number;
  nonceStr: string;
  /** With the corp jsapi_ticket (getConfigSignature). */
  signature: string;
  /** With the agent's agent_config ticket (getAgentConfigSignature). */
  agentSignature: string;
  /** The URL that was signed (fragment removed). */
  url: string;
}

// ---------- one-to-one chat: the customer's profile ----------

export interface ProfileOrder {
  orderId: number;
  orderNo: string;
  status: string;
  payableFen: number;
  createdAt: string;
  /** First line's title and how many lines there are ("连帽卫衣 等 3 件"). */
  summary: string;
}

export interface ProfileCoupon {
  id: number;
  name: string;
  summary: string;
  validTo: string;
}

export interface ProfileTouch {
  at: string;
  path: string;
  groupChatId: string | null;
}

export interface GuideNoteDto {
  id: number;
  text: string;
  createdAt: string;
}

export interface NoteBody {
  /** 1–500 characters. */
  text: string;
}

export type ContactProfile =
  | {
      known: false;
      externalUserId: string;
      /** Whether the customer added this guide on WeCom (the callback recorded it). */
      addedThisGuide: boolean;
      /** Copy for the prompt: send the 新人礼 card (target kind 'newcomer'). */
      hint: string;
    }
  | {
      known: true;
      externalUserId: string;
      memberId: number;
      nickname: string;
      avatarUrl: string | null;
      tier: TierCode;
      tierLabel: string;
      points: number;
      growth: number;
      /** Growth still missing to the next tier; null at the top tier. */
      next: { tier: TierCode; label: string; missing: number } | null;
      /** The last 5 orders, newest first. */
      lastOrders: ProfileOrder[];
      /** Coupons the customer can use now (unused, within validity). */
      usableCoupons: ProfileCoupon[];
      /** Bound (for attribution) to the guide who has the sidebar open. */
      boundToMe: boolean;
      /** Bound to another guide (name only), or null. */
      boundToOther: string | null;
      /** The last 10 opens of a card carrying this guide's token, newest first. */
      touches: ProfileTouch[];
      /** The RFM segment's label (潜在用户 …) and the tags' labels (rule tags, then HQ's manual tags). */
      segment: string | null;
      tags: string[] | null;
      /** Notes this guide keeps about the customer, newest first (another guide's are not shown). */
      notes: GuideNoteDto[];
    };

// ---------- send a card ----------

export const SEND_TARGET_KINDS = ['product', 'campaign', 'coupon', 'newcomer'] as const;
export type SendTargetKind = (typeof SEND_TARGET_KINDS)[number];
export type ChatKind = 'single' | 'group';

export interface SendTargetsQuery {
  /** One kind only (default: all four). */
  kind?: SendTargetKind;
  /** Product title search (products only). */
  q?: string;
}

export interface SendTarget {
  kind: SendTargetKind;
  /** Product, campaign or coupon-template id; null for the 新人礼 card. */
  id: number | null;
  title: string;
  /** A line under the title: price, 拼团价 and window, coupon terms. */
  subtitle: string;
  /** Absolute URL of the cover (the card shows it at 5:4). */
  imgUrl: string;
}

export interface SendTargets {
  products: SendTarget[];
  campaigns: SendTarget[];
  coupons: SendTarget[];
  /** The 新人礼 card (null when no new-member gift is configured). */
  newcomer: SendTarget | null;
}

export interface SendBody {
  chatKind: ChatKind;
  /** The group chat id (getCurExternalChat) or the external userid (getCurExternalContact). */
  chatId: string;
  targetKind: SendTargetKind;
  /** Required unless targetKind is 'newcomer'. */
  targetId?: number;
}

/** Exactly what `ww.sendChatMessage(payload)` takes for a mini-program card. */
export interface SendChatMessagePayload {
  msgtype: 'miniprogram';
  miniprogram: {
    appid: string;
    title: string;
    /** Absolute URL of the cover image (5:4). */
    imgUrl: string;
    /** Page path with the `.html` suffix, e.g. `pages/product/index.html?id=42&t=<token>&g=<chatId>`. */
    page: string;
  };
}

export type SendOutcome = 'prepared' | 'sent' | 'failed' | 'cancelled';

export interface SendRecordDto {
  id: number;
  chatKind: ChatKind;
  chatId: string;
  targetKind: SendTargetKind;
  targetId: number | null;
  outcome: SendOutcome;
  createdAt: string;
}

export interface SendAnswer {
  record: SendRecordDto;
  payload: SendChatMessagePayload;
}

export interface SendOutcomeBody {
  outcome: 'sent' | 'failed' | 'cancelled';
  /** The client's errMsg on failure (kept for support, at most 200 characters). */
  errMsg?: string;
}

// Group chats and HQ's groups: group-types.ts.
export * from './group-types';
