/**
 * The sidebar agent's client against the fake WeCom on loopback: web login for a member and an
 * outsider, a used code (40029), codes minted through the cluster control path, tickets refused to
 * a token that is not the agent's, and a token refreshed once after the fake expires it.
 */
import { WeChatApiError } from '../wechat/json-call';
import { isInvalidCode, WeComAgentClient } from './agent-client';
import { FakeWeCom, remoteFakeWeCom } from './fake-wecom';

const corpId = 'ww0000000000000000';
const fake = new FakeWeCom({ corpId, secret: 'contact-secret', agentSecret: 'agent-secret', token: 'tok', encodingAesKey: 'LoopmallDevelopmentEncodingAesKey0123456789' });
const client = (secret: string) => new WeComAgentClient({ baseUrl: fake.baseUrl, corpId, secret, timeoutMs: 2000 });

beforeAll(() => fake.start());
afterAll(() => fake.stop());

test('web login answers the member or the outsider, once per code', async () => {
  const agent = client('agent-secret');
  const code = fake.sidebar.mintLoginCode({ userid: 'zhangsan' });
  expect(await agent.webLogin(code)).toEqual({ kind: 'member', userid: 'zhangsan' });
  const again = await agent.webLogin(code).catch((e) => e);
  expect(isInvalidCode(again)).toBe(true);
  expect(await agent.webLogin(fake.sidebar.mintLoginCode({ openid: 'oOutsider' }))).toEqual({ kind: 'outsider', openid: 'oOutsider' });
});

test('a cluster worker mints codes through the primary fake', async () => {
  const code = await remoteFakeWeCom(fake.baseUrl).mintLoginCode({ userid: 'lisi' });
  expect(await client('agent-secret').webLogin(code)).toEqual({ kind: 'member', userid: 'lisi' });
});

test('tickets need the agent token; an expired token is refreshed once', async () => {
  const wrong = await client('contact-secret').signatures('https://a.example/').catch((e) => e);
  expect(wrong).toBeInstanceOf(WeChatApiError);
  expect((wrong as WeChatApiError).errcode).toBe(48002);
  const agent = client('agent-secret');
  await agent.webLogin(fake.sidebar.mintLoginCode({ userid: 'wangwu' }));
  expect(agent.tokenFetches).toBe(1);
  fake.expireToken();
  await agent.signatures('https://a.example/');
  expect(agent.tokenFetches).toBe(2);
  expect(agent.ticketFetches).toEqual({ corp: 1, agent: 1 });
});
