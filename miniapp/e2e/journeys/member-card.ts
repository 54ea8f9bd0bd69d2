/**
 * The member-card journey (issue 18, shopper side): a shopper opens 我的 → 会员卡, logs in, gives
 * the phone number (H5: the fake WeChat's phone code, exchanged by the server exactly as a
 * getPhoneNumber code), sees the card with the masked number, then shows 会员码: the barcode, the
 * token under it and a QR code whose painted modules are exactly that token's symbol (the encoder
 * itself is checked against an independent decoder in common/), a token naming this member; HQ sees the member's phone masked. 添加导购 shows the store's guide.
 */
import { encodeQr } from '@common/member-card/qr';
import { waitUntil } from '../driver';
import type { H5Driver } from '../h5-driver';
import { PAGES } from '../paths';
import type { HqApi } from './guides';
import { loginOnPrompt } from './steps';

const PHONE = '13912345678';
const TOKEN = /^M([0-9a-z]+)\.[0-9a-z]+\.[A-Za-z0-9_-]{12}$/;

/** The login / 开卡成功 toast (1.5 s) would cover the screenshot. */
const toastGone = () => new Promise((r) => setTimeout(r, 1_800));

type Pixels = { width: number; height: number; data: number[] };

/**
 * Whether the painted image is the QR symbol of `text`, module for module: the dark pixels'
 * bounding box is the symbol (its corners are finder patterns), sampled at each module's centre.
 */
function paintsQrOf(img: Pixels, text: string): boolean {
  const { size, modules } = encodeQr(text);
  const dark = (x: number, y: number) => img.data[(y * img.width + x) * 4] < 128;
  let [minX, minY, maxX, maxY] = [img.width, img.height, -1, -1];
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++)
      if (dark(x, y)) [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  if (maxX < 0) return false;
  const cell = (maxX - minX + 1) / size;
  for (let my = 0; my < size; my++)
    for (let mx = 0; mx < size; mx++) {
      if (dark(Math.floor(minX + (mx + 0.5) * cell), Math.floor(minY + (my + 0.5) * cell)) !== modules[my][mx]) return false;
    }
  return Math.abs(maxY - minY + 1 - cell * size) < 1;
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
  // The QR painted on the page is the symbol of the token printed under the barcode (both change
  // every 60 s; read until one moment agrees).
  const token = await waitUntil('the QR code painted to be the token shown', async () => {
    const [shown] = await d.texts('.member-code__token');
    return paintsQrOf(await d.imagePixels('#member-code-qr'), shown) ? shown : null;
  });
  const memberId = parseInt(TOKEN.exec(token)?.[1] ?? '', 36);
  expect(memberId).toBeGreaterThan(0);
  expect((await hq.call<{ maskedPhone: string }>('GET', `/api/hq/members/${memberId}/phone`)).maskedPhone).toBe('139****5678');
  await d.screenshot('member-code');
}
