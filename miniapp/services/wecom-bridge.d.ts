/**
 * The WeCom client, as the sidebar page (聊天工具栏) sees it. Webpack picks wecom-bridge.h5.ts (WeCom's
 * own JS-SDK, @wecom/jssdk) or wecom-bridge.weapp.ts (a stub: a mini-program is never inside the
 * WeCom chat toolbar); TypeScript reads this declaration. Nothing else imports the SDK.
 */
import type { WecomClientError } from './wecom-errors';

export type { WecomClientError };

/** getContext's `entry`: the toolbar of a one-to-one chat, of a group chat, or somewhere else. */
export type WecomEntry = 'single_chat_tools' | 'group_chat_tools' | 'other';

/** One JS-SDK signature, as the API answers it for a page URL (without its fragment). */
export interface WecomSignature {
  timestamp: number | string;
  nonceStr: string;
  signature: string;
}

export interface WecomRegistration {
  corpId: string;
  agentId: string;
  /** Signs the page URL the SDK hands over: `corp` for ww.config, `agent` for ww.agentConfig. */
  sign(kind: 'corp' | 'agent', url: string): Promise<WecomSignature>;
}

/** sendChatMessage's `miniprogram` body (page with the `.html` suffix WeCom requires). */
export interface WecomMiniprogram {
  appid: string;
  title: string;
  imgUrl: string;
  page: string;
}

export interface WecomBridge {
  /** Whether this page runs inside the WeCom client (its user agent says `wxwork/…`). */
  inWecom(): boolean;
  /**
   * The `code` WeCom's web login (OAuth2 redirect) put into the page address, removed from the
   * address at once (it is single use, and the JS-SDK signs the address without it); null if none.
   */
  takeLoginCode(): string | null;
  /** Whether the address shows we already came back from WeCom's web login (no redirect loop). */
  cameBackFromLogin(): boolean;
  /** Leaves for WeCom's web login, which comes back to this page with a code. */
  goLogin(oauth: { authorizeUrl: string; corpId: string; agentId: string }): void;
  /** ww.register with the corp and agent signatures; resolves once the agent config is accepted. */
  register(reg: WecomRegistration): Promise<void>;
  context(): Promise<WecomEntry>;
  /** getCurExternalContact: the external userid of the customer in a one-to-one chat. */
  currentContact(): Promise<string>;
  /** getCurExternalChat: the chat id of the customer group. */
  currentChat(): Promise<string>;
  sendMiniprogram(card: WecomMiniprogram): Promise<void>;
}

/** Every failure of these calls is thrown as a WecomClientError (wecom-errors.ts). */
export declare const wecomBridge: WecomBridge;
