import { cardPage, cardTitle, weekStart } from './card';

describe('sidebar cards', () => {
  const token = 'g1Z.1kQ7xm.AbCdEfGhIjKlMnOp';

  it('builds each target page with the .html suffix, the token and, in a group, the chat id', () => {
    expect(cardPage({ kind: 'product', targetId: 42, token, chatKind: 'group', chatId: 'wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA' })).toBe(`pages/product/index.html?id=42&t=${token}&g=wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA`);
    expect(cardPage({ kind: 'campaign', targetId: 7, token, chatKind: 'group', chatId: 'wr1' })).toBe(`packages/groupbuy/campaign/index.html?id=7&t=${token}&g=wr1`);
    expect(cardPage({ kind: 'coupon', targetId: 3, token, chatKind: 'group', chatId: 'wr1' })).toBe(`packages/coupons/center/index.html?tpl=3&t=${token}&g=wr1`);
    expect(cardPage({ kind: 'newcomer', targetId: null, token, chatKind: 'group', chatId: 'wr1' })).toBe(`pages/index/index.html?t=${token}&g=wr1`);
  });

  it('leaves the chat id out of a one-to-one chat', () => {
    expect(cardPage({ kind: 'product', targetId: 42, token, chatKind: 'single', chatId: 'wmABC' })).toBe(`pages/product/index.html?id=42&t=${token}`);
  });

  it('cuts a long title on a whole character within 64 UTF-8 bytes', () => {
    expect(cardTitle('  短标题 ')).toBe('短标题');
    const long = '秋冬加绒连帽卫衣男女同款宽松百搭情侣装外套潮牌';
    const cut = cardTitle(long);
    expect(cut.endsWith('…')).toBe(true);
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(64);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(Buffer.byteLength(long.slice(0, cut.length), 'utf8')).toBeGreaterThan(64 - 3);
  });

  it('starts the week on Monday 00:00 in Shanghai', () => {
    // Wednesday 2026-12-02 10:00 Shanghai → Monday 2026-11-30 00:00 Shanghai (= Sunday 16:00 UTC).
    expect(weekStart(new Date('2026-12-02T02:00:00Z'))).toEqual({ from: new Date('2026-11-29T16:00:00Z'), day: '2026-11-30' });
    // Sunday 23:30 Shanghai still belongs to the week that began six days earlier.
    expect(weekStart(new Date('2026-12-06T15:30:00Z')).day).toBe('2026-11-30');
    // Monday 00:10 Shanghai (Sunday 16:10 UTC) is a new week.
    expect(weekStart(new Date('2026-12-06T16:10:00Z')).day).toBe('2026-12-07');
  });
});
