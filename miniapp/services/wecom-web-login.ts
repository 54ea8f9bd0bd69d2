/**
 * WeCom's web login (OAuth2) for the sidebar page, as pure functions of the address: where to send
 * the guide, and where the `code` comes back. No window access here (wecom-bridge.h5.ts applies it).
 */

/** The `state` this page gives WeCom's web login, to know it came back from there (no redirect loop). */
export const LOGIN_STATE = 'loopmall_sidebar';

/**
 * `https://open.weixin.qq.com/connect/oauth2/authorize?appid=CORPID&redirect_uri=…&response_type=code&scope=snsapi_base&state=…&agentid=AGENTID#wechat_redirect`
 * (the authorize base comes from the API's oauth-config).
 */
export function webLoginUrl(oauth: { authorizeUrl: string; corpId: string; agentId: string }, back: string): string {
  const query = new URLSearchParams({ appid: oauth.corpId, redirect_uri: back, response_type: 'code', scope: 'snsapi_base', state: LOGIN_STATE, agentid: oauth.agentId });
  return `${oauth.authorizeUrl}?${query}#wechat_redirect`;
}

/**
 * The `code` in an address (`search` is location.search, `hash` location.hash) and the address
 * without it. WeCom appends `code` and `state` to redirect_uri's query; with a hash route some
 * clients put them after the #, so both are read. `state` stays (it marks the way back).
 */
export function takeCode(search: string, hash: string): { code: string | null; search: string; hash: string; cameBack: boolean } {
  const [hashPath, hashQs = ''] = hash.split('?');
  const q = new URLSearchParams(search);
  const hq = new URLSearchParams(hashQs);
  const code = q.get('code') ?? hq.get('code');
  const cameBack = q.get('state') === LOGIN_STATE || hq.get('state') === LOGIN_STATE;
  q.delete('code');
  hq.delete('code');
  const qs = q.toString();
  const hqs = hq.toString();
  return { code, search: qs ? `?${qs}` : '', hash: `${hashPath}${hqs ? `?${hqs}` : ''}`, cameBack };
}
