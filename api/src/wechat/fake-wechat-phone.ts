/**
 * The fake WeChat's phone-number part: `POST /wxa/business/getuserphonenumber` with the one-time
 * code a getPhoneNumber button gives (5 minutes, single use). Real answers: phone_info with
 * phoneNumber / purePhoneNumber / countryCode / watermark {appid, timestamp}; errcode 40029 for
 * an unknown, used or expired code, 45011 past the per-minute quota, 47001 without a code.
 */
import { randomBytes } from 'node:crypto';

const CODE_TTL_MS = 5 * 60_000;

interface PhoneCode {
  countryCode: string;
  purePhoneNumber: string;
  expiresAt: number;
}

export type FakeAnswer = { errcode: number; errmsg: string } | Record<string, unknown>;

export class FakePhoneNumbers {
  private readonly codes = new Map<string, PhoneCode>();
  private readonly forced: number[] = [];
  private calls: number[] = [];
  /** Successful exchanges, in order (WeChat bills each one). */
  readonly exchanged: string[] = [];

  constructor(
    private readonly appid: string,
    private readonly now: () => number,
    private readonly perMinute = 100,
  ) {}

  /** What a getPhoneNumber button would hand the mini-program when this user allows their number. */
  mint(purePhoneNumber: string, countryCode = '86'): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { countryCode, purePhoneNumber, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  /** Make the next exchange answer this errcode (45011, -1 …). */
  failNext(errcode: number): void {
    this.forced.push(errcode);
  }

  exchange(body: Record<string, unknown> | null, rid: string): FakeAnswer {
    const code = typeof body?.code === 'string' ? body.code : '';
    if (!code) return { errcode: 47001, errmsg: `data format error, rid: ${rid}` };
    const forced = this.forced.shift();
    if (forced === 45011) return { errcode: 45011, errmsg: `api minute-quota reach limit  mustslower  retry next minute, rid: ${rid}` };
    if (forced !== undefined) return { errcode: forced, errmsg: `system error, rid: ${rid}` };
    const windowStart = this.now() - 60_000;
    this.calls = this.calls.filter((t) => t > windowStart);
    this.calls.push(this.now());
    if (this.calls.length > this.perMinute) return { errcode: 45011, errmsg: `api minute-quota reach limit  mustslower  retry next minute, rid: ${rid}` };
    const issued = this.codes.get(code);
    // Single use: taken out first, so a replay always gets 40029.
    this.codes.delete(code);
    if (!issued || issued.expiresAt < this.now()) return { errcode: 40029, errmsg: `invalid code, rid: ${rid}` };
    this.exchanged.push(issued.purePhoneNumber);
    const phoneNumber = issued.countryCode === '86' ? issued.purePhoneNumber : `+${issued.countryCode}${issued.purePhoneNumber}`;
    return {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber,
        purePhoneNumber: issued.purePhoneNumber,
        countryCode: issued.countryCode,
        watermark: { timestamp: Math.floor(this.now() / 1000), appid: this.appid },
      },
    };
  }
}
