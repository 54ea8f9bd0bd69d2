import { LOGIN_STATE, takeCode, webLoginUrl } from './wecom-web-login';

describe('WeCom web login of the sidebar', () => {
  it('sends the guide to the authorize URL with this page, encoded, as redirect_uri', () => {
    const back = 'https://shop.example.com/#/packages/guide/sidebar/index';
    const url = webLoginUrl({ authorizeUrl: 'https://open.weixin.qq.com/connect/oauth2/authorize', corpId: 'ww1234567890abcdef', agentId: '1000002' }, back);
    expect(url.endsWith('#wechat_redirect')).toBe(true);
    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe('https://open.weixin.qq.com/connect/oauth2/authorize');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({ appid: 'ww1234567890abcdef', redirect_uri: back, response_type: 'code', scope: 'snsapi_base', state: LOGIN_STATE, agentid: '1000002' });
    // The # of the page's hash route is inside redirect_uri, not the authorize URL's own fragment.
    expect(url).toContain(encodeURIComponent('#/packages/guide/sidebar/index'));
  });

  it('takes the code from the query before the #, keeping the state and the route', () => {
    expect(takeCode(`?code=abc&state=${LOGIN_STATE}`, '#/packages/guide/sidebar/index')).toEqual({ code: 'abc', search: `?state=${LOGIN_STATE}`, hash: '#/packages/guide/sidebar/index', cameBack: true });
  });

  it('takes the code from the hash route’s query when the client put it there', () => {
    expect(takeCode('', `#/packages/guide/sidebar/index?code=xyz&state=${LOGIN_STATE}`)).toEqual({ code: 'xyz', search: '', hash: `#/packages/guide/sidebar/index?state=${LOGIN_STATE}`, cameBack: true });
  });

  it('answers no code, and no way back, for a plain address', () => {
    expect(takeCode('', '#/packages/guide/sidebar/index')).toEqual({ code: null, search: '', hash: '#/packages/guide/sidebar/index', cameBack: false });
    expect(takeCode('?x=1', '')).toEqual({ code: null, search: '?x=1', hash: '', cameBack: false });
  });
});
