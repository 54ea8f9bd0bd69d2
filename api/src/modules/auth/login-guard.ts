/**
 * Brakes on HQ password guessing.
 * - Per account, in the database (so it holds across instances): every failed login of a known
 *   account inserts a row; the 5th failure within 15 minutes sets `locked_until` = now + 15 min,
 *   and until then the account answers 423 HQ_LOGIN_LOCKED with Retry-After, even to the right
 *   password. A success clears the account's failures.
 * - Per address, in this process: 20 failures within 15 minutes answer 429 HQ_LOGIN_RATE_LIMITED
 *   with Retry-After. (Shared across instances once Redis arrives; see the performance issue.)
 */
import type { DataSource } from 'typeorm';
import { MoreThan } from 'typeorm';
import { AppError } from '../../http/app-error';
import { HqAdmin, HqLoginFailure } from './auth.entities';

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
export const ADDRESS_MAX_FAILURES = 20;

/** An AppError that carries how long to wait; the route sets Retry-After from it. */
export class LoginRefused extends AppError {
  constructor(
    code: 'HQ_LOGIN_LOCKED' | 'HQ_LOGIN_RATE_LIMITED',
    readonly retryAfterSeconds: number,
  ) {
    super(code);
  }
}

export class LoginGuard {
  /** Failure instants (ms) per address, oldest first; pruned as they age out of the window. */
  private readonly byAddress = new Map<string, number[]>();

  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
  ) {}

  private recent(ip: string): number[] {
    const since = this.now().getTime() - LOGIN_WINDOW_MS;
    const kept = (this.byAddress.get(ip) ?? []).filter((t) => t > since);
    if (kept.length) this.byAddress.set(ip, kept);
    else this.byAddress.delete(ip);
    return kept;
  }

  /** Before checking a password: refuse an address over its budget, or a locked account. */
  checkBefore(ip: string, admin: HqAdmin | null): void {
    const fails = this.recent(ip);
    if (fails.length >= ADDRESS_MAX_FAILURES) {
      throw new LoginRefused('HQ_LOGIN_RATE_LIMITED', Math.ceil((fails[0] + LOGIN_WINDOW_MS - this.now().getTime()) / 1000));
    }
    if (admin?.lockedUntil && admin.lockedUntil > this.now()) {
      throw new LoginRefused('HQ_LOGIN_LOCKED', Math.ceil((admin.lockedUntil.getTime() - this.now().getTime()) / 1000));
    }
  }

  /** After a wrong password (or an unknown username): count it; lock the account at the limit. */
  async failed(ip: string, admin: HqAdmin | null): Promise<void> {
    const now = this.now();
    this.recent(ip).length;
    this.byAddress.set(ip, [...(this.byAddress.get(ip) ?? []), now.getTime()]);
    if (!admin) return;
    // Insert first, then count: concurrent failures on two instances each see every inserted row,
    // so the 5th one locks whatever the interleaving (no read-modify-write of a counter).
    await this.ds.getRepository(HqLoginFailure).insert({ adminId: admin.id, ip: ip.slice(0, 64), at: now });
    const count = await this.ds.getRepository(HqLoginFailure).countBy({ adminId: admin.id, at: MoreThan(new Date(now.getTime() - LOGIN_WINDOW_MS)) });
    if (count >= ACCOUNT_MAX_FAILURES) {
      await this.ds.getRepository(HqAdmin).update({ id: admin.id }, { lockedUntil: new Date(now.getTime() + LOCK_MS) });
      // The failures that caused this lock are spent: after it expires the account gets 5 fresh tries.
      await this.ds.getRepository(HqLoginFailure).delete({ adminId: admin.id });
      throw new LoginRefused('HQ_LOGIN_LOCKED', LOCK_MS / 1000);
    }
  }

  /** A right password on an unlocked account: forget its failures. */
  async succeeded(admin: HqAdmin): Promise<void> {
    await this.ds.getRepository(HqLoginFailure).delete({ adminId: admin.id });
  }
}
