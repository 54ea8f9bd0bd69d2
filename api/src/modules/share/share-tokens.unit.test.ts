import { MAX_SHARE_TOKEN_LENGTH, ShareTokens } from './share-tokens';

describe('share tokens', () => {
  const at = new Date('2026-11-27T08:00:00Z');
  const tokens = new ShareTokens('a-session-secret-of-at-least-32-characters', () => at);

  it('round-trips guide and member tokens, within the 32 characters a poster scene allows', () => {
    for (const who of [{ kind: 'guide', id: 1 }, { kind: 'member', id: 2_147_483_647 }] as const) {
      const t = tokens.sign(who);
      expect(t.length).toBeLessThanOrEqual(MAX_SHARE_TOKEN_LENGTH);
      expect(t).toMatch(/^[0-9A-Za-z.]+$/);
      expect(tokens.verify(t)).toMatchObject({ kind: who.kind, id: who.id, issuedAt: at });
    }
  });

  it('refuses altered, foreign, malformed and future tokens', () => {
    const t = tokens.sign({ kind: 'guide', id: 42 });
    const [head, time, mac] = t.split('.');
    const otherKey = new ShareTokens('another-secret-of-at-least-32-characters!', () => at);
    const cases: unknown[] = [
      `${head.replace('g', 'm')}.${time}.${mac}`, // kind changed
      `g43.${time}.${mac}`, // id changed
      `${head}.${time}1.${mac}`, // time changed
      `${head}.${time}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, // MAC changed
      otherKey.sign({ kind: 'guide', id: 42 }),
      '',
      'x'.repeat(40),
      42,
      null,
      `${t} `,
    ];
    for (const c of cases) expect(tokens.verify(c)).toBeNull();
    const future = new ShareTokens('a-session-secret-of-at-least-32-characters', () => new Date(at.getTime() + 3600_000)).sign({ kind: 'guide', id: 42 });
    expect(tokens.verify(future)).toBeNull();
  });
});
