import { landingId, MAX_SCENE_LENGTH, parsePosterScene, posterScene, tokenFromParams } from './poster-scene';

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const b62 = (n: number) => {
  let s = '';
  for (let v = n; v > 0; v = Math.floor(v / 62)) s = B62[v % 62] + s;
  return s || '0';
};
/** A token as ShareTokens.sign writes it: g<id>.<issue second>.<16-char MAC>, all base62. */
const tokenFor = (guideId: number, at = Date.parse('2026-11-27T06:00:00Z')) => `g${b62(guideId)}.${b62(Math.floor(at / 1000))}.AbCdEfGhIjKlMnOp`;

describe('posterScene', () => {
  test.each([
    // [target id, guide id, fits]
    [1, 1, true],
    [42, 7, true],
    [238_327, 238_327, true], // 3 + 3 base62 characters: exactly 32
    [238_328, 238_327, false],
    [238_327, 238_328, false],
    [916_132_831, 61, true], // 5 + 1
    [916_132_832, 61, false], // 6 + 1
    [61, 916_132_831, true],
    [2_147_483_647, 1, false],
  ])('target %i, guide %i: fits %s', (targetId, guideId, fits) => {
    const token = tokenFor(guideId);
    const scene = posterScene(targetId, token);
    if (!fits) return expect(scene).toBeNull();
    expect(scene).not.toBeNull();
    expect(scene!.length).toBeLessThanOrEqual(MAX_SCENE_LENGTH);
    expect(scene).toMatch(/^[\x21-\x7e]+$/); // visible characters only
    expect(parsePosterScene(scene)).toEqual({ targetId, token });
  });

  test('the token of a real issue time is 25 characters plus the guide id', () => {
    expect(tokenFor(1)).toHaveLength(26);
    expect(tokenFor(3843)).toHaveLength(27);
  });

  test.each([0, -1, 1.5, 2_147_483_648])('refuses target %p', (id) => {
    expect(() => posterScene(id, tokenFor(1))).toThrow(RangeError);
  });
});

describe('parsePosterScene', () => {
  const token = tokenFor(12);
  test('reads the URL-encoded form a page receives', () => {
    expect(parsePosterScene(encodeURIComponent(`g~${token}`))).toEqual({ targetId: 42, token });
  });
  test.each([
    ['empty', ''],
    ['undefined', undefined],
    ['no separator', token],
    ['no target', `~${token}`],
    ['target not base62', `1-2~${token}`],
    ['target of 7 characters', `1234567~${token}`],
    ['group poster scene', 'g=12'],
    ['the old t= form', `t=${token}`],
    ['token with a bad shape', '1~g1.abc.short'],
    ['over 32 characters', `zzz~${token}xxxxx`],
    ['malformed escape', '%E0%A4%A'],
  ])('%s → null', (_n, raw) => {
    expect(parsePosterScene(raw)).toBeNull();
  });
});

describe('what a landing page reads', () => {
  const token = tokenFor(3);
  const scene = encodeURIComponent(posterScene(42, token)!);
  test.each([
    ['a card', { id: '42', t: token }, 42, token],
    ['a guide poster', { scene }, 42, token],
    ['a card without a token', { id: '42' }, 42, null],
    ['an old-style scene t=…', { scene: encodeURIComponent(`x=1&t=${token}`) }, null, token],
    ['a bare-token scene', { scene: token }, null, token],
    ['a group poster scene', { scene: encodeURIComponent('g=12') }, null, null],
    ['an id that is not an id', { id: '0x6', t: token }, null, token],
    ['id 0', { id: '0' }, null, null],
    ['id over int', { id: '2147483648' }, null, null],
    ['a t with foreign characters', { id: '1', t: 'abc<script>xx' }, 1, null],
    ['nothing', {}, null, null],
  ])('%s', (_n, params, id, t) => {
    expect(landingId(params)).toBe(id);
    expect(tokenFromParams(params)).toBe(t);
  });
});
