import { jssdkSignature, newNonceStr, urlForSignature } from './jssdk-signature';

describe('JS-SDK signature', () => {
  // The example published in WeCom's JS-SDK documentation.
  const example = {
    ticket: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
    nonceStr: 'Wm3WZYTPz0wzccnW',
    timestamp: 1414587457,
    url: 'http://mp.weixin.qq.com?params=value',
  };

  it('gives the documented signature for the documented example', () => {
    expect(jssdkSignature(example)).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });

  it('signs the URL without its fragment', () => {
    expect(jssdkSignature({ ...example, url: `${example.url}#/pages/guide/sidebar/index?x=1` })).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
    expect(urlForSignature('https://a.example/h5/?a=1#/x#y')).toBe('https://a.example/h5/?a=1');
  });

  it('changes with each input', () => {
    const base = jssdkSignature(example);
    expect(jssdkSignature({ ...example, ticket: `${example.ticket}x` })).not.toBe(base);
    expect(jssdkSignature({ ...example, nonceStr: 'Wm3WZYTPz0wzccnX' })).not.toBe(base);
    expect(jssdkSignature({ ...example, timestamp: example.timestamp + 1 })).not.toBe(base);
    expect(jssdkSignature({ ...example, url: 'http://mp.weixin.qq.com?params=value2' })).not.toBe(base);
  });

  it('makes 16-character alphanumeric nonces', () => {
    const a = newNonceStr();
    expect(a).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(newNonceStr()).not.toBe(a);
  });
});
