/**
 * Who has the sidebar open: WeCom's web login (OAuth2 code → auth/getuserinfo → the member's
 * userid) matched to an active Loopmall guide by WeCom userid, then a guide session token with
 * its own audience. No binding code: the WeCom userid is the guide's identity. Also the JS-SDK
 * signatures for ww.register.
 */
import type { JssdkConfig, SidebarGuide, SidebarOauthConfig, SidebarSession } from '@common/sidebar/types';
import { AppError } from '../../http/app-error';
import { WeChatApiError, WeChatUnavailableError } from '../../wechat/json-call';
import { isInvalidCode, type WeComAgentClient } from '../../wecom/agent-client';
import { AUD_GUIDE, type TokenService } from '../auth/tokens';
import type { SidebarPorts } from './sidebar.ports';

/** WeCom's OAuth2 authorize page (the page redirects there when it has no code). */
const AUTHORIZE_URL = 'https://open.weixin.qq.com/connect/oauth2/authorize';

export interface SidebarIdentity {
  corpId: string;
  agentId: string;
  devLogin: boolean;
}

export class SidebarSessions {
  constructor(
    private readonly agent: WeComAgentClient,
    private readonly tokens: TokenService,
    private readonly ports: Pick<SidebarPorts, 'guides'>,
    private readonly identity: SidebarIdentity,
  ) {}

  oauthConfig(): SidebarOauthConfig {
    return { corpId: this.identity.corpId, agentId: this.identity.agentId, authorizeUrl: AUTHORIZE_URL, devLogin: this.identity.devLogin };
  }

  async login(code: string): Promise<SidebarSession> {
    let who;
    try {
      who = await this.agent.webLogin(code);
    } catch (err) {
      if (isInvalidCode(err)) throw new AppError('WECOM_CODE_INVALID', 'WeCom 40029', [{ field: 'code', message: '登录凭证已失效或已使用' }]);
      if (err instanceof WeChatApiError || err instanceof WeChatUnavailableError) throw new AppError('WECHAT_UNAVAILABLE', err.message);
      throw err;
    }
    // An openid is someone outside the corp (a personal WeChat user opening the link).
    if (who.kind === 'outsider') throw new AppError('SIDEBAR_NOT_CORP_MEMBER');
    const guide = await this.ports.guides.byWecomUserId(who.userid);
    if (!guide || guide.status !== 'active') throw new AppError('SIDEBAR_NOT_A_GUIDE', `WeCom user ${who.userid}`);
    const { token, expiresAt } = await this.tokens.issue({ aud: AUD_GUIDE, guideId: guide.id });
    return { token, expiresAt: expiresAt.toISOString(), guide: toGuide(guide) };
  }

  async me(guideId: number): Promise<SidebarGuide> {
    return toGuide(await this.activeGuide(guideId));
  }

  /** The signed-in guide, still active (the authenticator checked; a guide who left meanwhile is refused). */
  async activeGuide(guideId: number): Promise<SidebarGuide> {
    const g = await this.ports.guides.activeById(guideId);
    if (!g) throw new AppError('SIDEBAR_NOT_A_GUIDE');
    return g;
  }

  async jssdkConfig(url: string): Promise<JssdkConfig> {
    try {
      const s = await this.agent.signatures(url);
      return { corpId: this.identity.corpId, agentId: this.identity.agentId, ...s };
    } catch (err) {
      if (err instanceof WeChatApiError || err instanceof WeChatUnavailableError) throw new AppError('WECHAT_UNAVAILABLE', err.message);
      throw err;
    }
  }
}

function toGuide(g: SidebarGuide): SidebarGuide {
  return { id: g.id, name: g.name, wecomUserId: g.wecomUserId, storeId: g.storeId, storeName: g.storeName, avatarUrl: g.avatarUrl };
}
