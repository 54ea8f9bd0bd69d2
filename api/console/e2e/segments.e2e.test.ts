/**
 * 会员分群 in Chromium against the real API at /hq/, on the demo store (every segment and tag has
 * members): the segment pie and tag bar draw, clicking 一般挽留 lists only its members, an admin
 * pushes a coupon to 沉睡用户 (once delivered, the push shows received copies), and member detail
 * shows the member's segment. Screenshots go to .artifacts/screenshots/.
 */
import path from 'node:path';
import { loginHq } from '../../test/harness';
import { ok } from '../../test/shopping';
import { chooseOption, SHOTS, withConsole } from './console-session';

const session = withConsole();

test('the segment charts, a segment’s members, a push to 沉睡用户 and a member’s segment', async () => {
  const { app, page } = session;
  const hq = await loginHq(app);
  const dist = ok(await app.api.get('/api/hq/insight/segments', hq));
  const retain = dist.segments.find((s: { segment: string }) => s.segment === 'general_retain').members;
  expect(retain).toBeGreaterThan(0);

  await page.goto(`${app.url}/hq/#/insight/segments`);
  await page.getByText(`分群分布（共 ${dist.total} 位会员）`).waitFor();
  await page.locator('[data-testid="segment-pie"] canvas').waitFor();
  await page.locator('[data-testid="tag-bar"] canvas').waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'console-segments.png'), fullPage: true });

  // The members table filtered to 一般挽留 (as a click on its slice does).
  await chooseOption(page, page.locator('.ant-pro-table-search .ant-select').first(), /^一般挽留$/);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await page.getByText(`共 ${retain} 条`).waitFor();
  const segmentCells = await page.locator('.ant-pro-table').first().locator('.ant-table-tbody tr td:first-child').allInnerTexts();
  expect(segmentCells.length).toBe(retain);
  expect(new Set(segmentCells)).toEqual(new Set(['一般挽留']));

  // Push 全场 满99减15 to 沉睡用户 (the demo already pushed 会员专享 88折, one per member, to them).
  await page.getByRole('button', { name: '向分群发券' }).click();
  const dialog = page.locator('.ant-modal');
  await chooseOption(page, dialog.locator('.ant-select').nth(0), '标签 · 沉睡用户');
  await chooseOption(page, dialog.locator('.ant-select').nth(1), /全场 满99减15/);
  await dialog.locator('input#batchKey').fill('e2e-wake-up');
  await dialog.getByRole('button', { name: /发\s*券/ }).click();
  await page.getByText('已开始发券，每位会员只发一张').waitFor();
  await page.locator('tr', { hasText: 'e2e-wake-up' }).waitFor();
  // The grants run from the outbox (left to the job in tests): deliver, then reload.
  await app.services.outbox.drain();
  await page.reload();
  const row = page.locator('tr', { hasText: 'e2e-wake-up' });
  await row.getByText('已发完').waitFor();
  const push = ok(await app.api.get('/api/hq/insight/pushes', hq)).items.find((p: { batchKey: string }) => p.batchKey === 'e2e-wake-up');
  expect(push.received).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(SHOTS, 'console-segment-push.png'), fullPage: true });

  // A member's detail shows their segment.
  const member = ok(await app.api.get('/api/hq/insight/members?segment=important_value&pageSize=1', hq)).items[0];
  await page.goto(`${app.url}/hq/#/members/${member.memberId}`);
  await page.locator('.ant-card', { hasText: '分群与标签' }).getByText('重要价值').waitFor();
}, 120_000);
