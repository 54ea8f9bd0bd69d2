/**
 * The member-card journey (issue 18, shopper side): a shopper opens 我的 → 会员卡, logs in, gives
 * the phone number (H5: the fake WeChat's phone code, exchanged by the server exactly as a
 * getPhoneNumber code), sees the card with the masked number, then shows 会员码: the barcode, the
 * token under it and a QR code that an independent decoder reads back as that same token, a token
 * naming this member; HQ sees the member's phone masked. 添加导购 shows the store's guide.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const QrReader = require('qrcode-reader');
import { waitUntil } from '../driver';
import type { H5Driver } from '../h5-driver';
import { PAGES } from '../paths';
import type { HqApi } from './guides';
import { loginOnPrompt } from './steps';

const PHONE = '13912345678';
const TOKEN = /^M([0-9a-z]+)\.[0-9a-z]+\.[A-Za-z0-9_-]{12}$/;

/** The login / 开卡成功 toast (1.5 s) would cover the screenshot. */
const toastGone = () => new Promise((r) => setTimeout(r, 1_800));

function decodeQr(img: { width: number; height: number; data: number[] }): string | null {
  const reader = new QrReader();
  let text: string | null = null;
  reader.callback = (err: unknown, value?: { result: string }) => {
    text = err || !value ? null : value.result;
  };
  reader.decode({ width: img.width, height: img.height, data: Uint8ClampedArray.from(img.data) });
  return text;
}

export async function memberCardJourney(d: H5Driver, hq: HqApi): Promise<void> {
  await d.open(PAGES.memberCard);
  await loginOnPrompt(d);
  await d.waitFor('.member-open .member-block__title', { text: '开通会员卡' });
  await d.waitFor('.member-hero__phone', { text: '未开卡' });
  await toastGone();
  await d.screenshot('member-card-open');

  await d.type('.phone-consent__input', PHONE);
  await d.tap('.phone-consent__button');
  await d.waitFor('.member-hero__phone', { text: '139****5678' });
  await d.waitFor('.member-open-code');
  await toastGone();
  await d.screenshot('member-card');

  await d.tap('.member-open-code');
  await d.waitFor('.member-code__body');
  await d.waitFor('#member-code-qr img');
  await d.waitFor('.member-guide .guide-contact');
  // The QR painted on the page reads back as the token printed under the barcode (both change
  // every 60 s; read until one moment agrees).
  const token = await waitUntil('the QR code to read back as the token shown', async () => {
    const [shown] = await d.texts('.member-code__token');
    return decodeQr(await d.imagePixels('#member-code-qr')) === shown ? shown : null;
  });
  const memberId = parseInt(TOKEN.exec(token)?.[1] ?? '', 36);
  expect(memberId).toBeGreaterThan(0);
  expect((await hq.call<{ maskedPhone: string }>('GET', `/api/hq/members/${memberId}/phone`)).maskedPhone).toBe('139****5678');
  await d.screenshot('member-code');
}
