/**
 * A segment push larger than one handler run, on the real database: the first run grants
 * MEMBERS_PER_RUN members and hands the rest to a follow-up SegmentPushRequested event; the rest
 * arrive through that event while a second delivery runs at once (a re-claimed handler). Each
 * member of the segment ends with exactly one copy, nobody outside it gets one, the template's
 * issued count and HQ's figures match, and parallel requests with one batch key make one push.
 * The members are written straight into the tables (the fixture, not what is under test).
 */
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { count } from '../../../test/payments';
import { ok } from '../../../test/shopping';
import { createTemplate } from '../coupons/coupons.test-support';
import { MEMBERS_PER_RUN } from './segment-push';

/** Past one run, so the follow-up event has work: more than 1,000 members. */
const IN_SEGMENT = MEMBERS_PER_RUN + 37;
/** Every seventh member is in another segment and must get nothing. */
const OUTSIDE_EVERY = 7;
const AT = '2026-01-05 02:00:00.000';

describe('a segment push past one handler run', () => {
  let app: TestApp;
  let hq: string;
  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    await addMembers(app);
  }, 120_000);
  afterAll(() => app.close());

  it('continues through a follow-up event and grants each member exactly once, also under a parallel delivery', async () => {
    expect(IN_SEGMENT).toBeGreaterThan(1_000);
    expect(await count(app.ds, "SELECT COUNT(*) FROM member_insight WHERE segment = 'general_value'")).toBe(IN_SEGMENT);
    const templateId = await createTemplate(app, hq, { name: '复购8折券', claimable: false, totalQuota: 5_000, perMemberLimit: 1, thresholdFen: 5_000, amountOffFen: 1_000 });
    const body = { batchKey: 'big-push', templateId, target: { kind: 'segment', segment: 'general_value' } };
    const answers = await Promise.all(Array.from({ length: 4 }, () => app.api.post('/api/hq/insight/pushes', body, hq)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 201]);
    const pushId: number = answers[0].body.data.id;
    expect(answers[0].body.data).toMatchObject({ members: IN_SEGMENT, status: 'running' });

    const events = () => count(app.ds, "SELECT COUNT(*) FROM outbox_event WHERE type = 'SegmentPushRequested' AND aggregate_id = ?", [String(pushId)]);
    const copies = () => count(app.ds, "SELECT COUNT(*) FROM member_coupon WHERE template_id = ? AND source_ref = 'push:seg.big-push'", [templateId]);
    expect(await events()).toBe(1);

    // The copies' CouponPushed notices (subscribe messages) are another test's business: each
    // costs two outbox commits, so they are marked delivered here, leaving the push's own events.
    const skipNotices = () => app.ds.query("UPDATE outbox_delivery SET status = 'done' WHERE handler = 'subscriptions.coupon-pushed'");

    // The outbox's first run: one run's worth, then a follow-up event, and the push still running.
    expect(await app.services.outbox.processDue()).toBe(1);
    await skipNotices();
    expect(await copies()).toBe(MEMBERS_PER_RUN);
    expect(await events()).toBe(2);
    const [mid] = await app.ds.query('SELECT status, cursor_member_id FROM segment_push WHERE id = ?', [pushId]);
    expect(mid.status).toBe('running');
    const [nth] = await app.ds.query(`SELECT member_id FROM member_insight WHERE segment = 'general_value' ORDER BY member_id LIMIT 1 OFFSET ${MEMBERS_PER_RUN - 1}`);
    expect(Number(mid.cursor_member_id)).toBe(Number(nth.member_id));

    // The follow-up through the outbox while another delivery of the push runs at once.
    await Promise.all([app.services.outbox.drain(), app.services.insight.pushes.deliver(pushId)]);
    await skipNotices();
    await app.services.outbox.drain();
    expect(await count(app.ds, "SELECT COUNT(*) FROM outbox_delivery WHERE status <> 'done'")).toBe(0);

    const perMember = await app.ds.query(
      `SELECT i.member_id AS id, i.segment AS segment, COUNT(c.id) AS n FROM member_insight i
       LEFT JOIN member_coupon c ON c.member_id = i.member_id AND c.template_id = ? GROUP BY i.member_id, i.segment`,
      [templateId],
    );
    const inside = perMember.filter((r: { segment: string }) => r.segment === 'general_value');
    expect(inside).toHaveLength(IN_SEGMENT);
    expect(inside.filter((r: { n: unknown }) => Number(r.n) !== 1)).toEqual([]);
    expect(perMember.filter((r: { segment: string; n: unknown }) => r.segment !== 'general_value' && Number(r.n) !== 0)).toEqual([]);
    expect(await count(app.ds, 'SELECT issued_count FROM coupon_template WHERE id = ?', [templateId])).toBe(IN_SEGMENT);
    expect(await count(app.ds, "SELECT COUNT(*) FROM outbox_event WHERE type = 'CouponPushed'")).toBe(IN_SEGMENT);

    const stats = ok(await app.api.get(`/api/hq/insight/pushes/${pushId}`, hq));
    expect(stats).toMatchObject({ status: 'done', members: IN_SEGMENT, received: IN_SEGMENT, used: 0, gmvFen: 0 });
    // Once done, a late redelivery grants nothing.
    await app.services.insight.pushes.deliver(pushId);
    expect(await copies()).toBe(IN_SEGMENT);
  }, 600_000);
});

/** Members with insight rows, ids ascending: IN_SEGMENT 一般价值, and every OUTSIDE_EVERY-th between them 一般发展. */
async function addMembers(app: TestApp): Promise<void> {
  const segments: string[] = [];
  for (let inside = 0; inside < IN_SEGMENT; ) {
    const outside = segments.length % OUTSIDE_EVERY === OUTSIDE_EVERY - 1;
    segments.push(outside ? 'general_develop' : 'general_value');
    if (!outside) inside++;
  }
  const CHUNK = 200;
  for (let from = 0; from < segments.length; from += CHUNK) {
    const ids = Array.from({ length: Math.min(CHUNK, segments.length - from) }, (_, k) => from + k);
    await app.ds.query(
      `INSERT INTO member (openid, nickname, avatar_url, created_at, last_login_at) VALUES ${ids.map(() => '(?, ?, NULL, ?, ?)').join(', ')}`,
      ids.flatMap((i) => [`bulk-${i}`, `会员${i}`, AT, AT]),
    );
  }
  const members: { id: number }[] = await app.ds.query("SELECT id FROM member WHERE openid LIKE 'bulk-%' ORDER BY id");
  expect(members).toHaveLength(segments.length);
  for (let from = 0; from < members.length; from += CHUNK) {
    const chunk = members.slice(from, from + CHUNK).map((m, k) => ({ id: Number(m.id), segment: segments[from + k] }));
    await app.ds.query(
      `INSERT INTO member_insight (member_id, registered_at, last_paid_at, frequency, monetary_fen, promo_orders, last_visit_day, guide_id, store_id, segment, tag_dormant, tag_promo, tag_new, tag_high_value, updated_at)
       VALUES ${chunk.map(() => '(?, ?, ?, 3, 20000, 0, NULL, NULL, NULL, ?, 0, 0, 0, 0, ?)').join(', ')}`,
      chunk.flatMap((m) => [m.id, AT, AT, m.segment, AT]),
    );
  }
}
