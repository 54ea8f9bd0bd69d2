/**
 * Flash-sale admission through Redis (REDIS_URL set). A campaign's units left, its shoppers'
 * units and its window are copied into Redis; a join first takes a ticket there with one atomic
 * script (admission.scripts.ts), and only admitted joins go on to the database, which still
 * enforces every rule with its conditional updates (so a wrong copy can cost a wasted
 * transaction or an unsold unit for a while, never an oversell). A ticket is settled when its
 * order is placed and given back when it is not; a ticket left by an instance that died expires.
 * The reconciliation job rebuilds every running campaign's copy from the database and logs the
 * drift it repairs. Redis unreachable (or failing a command): `admit` answers null and the join
 * takes the database path it takes without Redis.
 */
import { randomBytes } from 'node:crypto';
import { In, MoreThan, type DataSource } from 'typeorm';
import { AppError } from '../../http/app-error';
import type { Logger } from '../../logger';
import { redisReady, type Redis } from '../../platform/redis';
import { ADMIT, END_TICKET, RETURNED, SYNC } from './admission.scripts';
import type { CampaignStock, UnitsMirror } from './campaign.stock';
import { GbCampaign, GbShopper } from './groupbuy.entities';

/** After this, an unsettled ticket is taken for lost (its instance died) by the reconciliation. */
const TICKET_TTL_MS = 60_000;
/** Copies are kept this long after a campaign's end (then Redis drops them). */
const KEEP_AFTER_END_MS = 86_400_000;

export interface Ticket {
  campaignId: number;
  memberId: number;
  q: number;
  /** The sorted-set member: "id:member:q". */
  entry: string;
}

export interface SyncReport {
  campaigns: number;
  /** Campaigns whose copy differed from the database (logged each). */
  drifted: number;
  /** Tickets expired unsettled. */
  expired: number;
}

type Gate = Redis & {
  lmGbAdmit(k1: string, k2: string, k3: string, ...argv: (string | number)[]): Promise<string>;
  lmGbEndTicket(k1: string, k2: string, k3: string, ...argv: (string | number)[]): Promise<number>;
  lmGbReturned(k1: string, k2: string, k3: string, ...argv: (string | number)[]): Promise<number>;
  lmGbSync(k1: string, k2: string, k3: string, ...argv: (string | number)[]): Promise<[number, number, number]>;
};

const REFUSALS = { NOT_STARTED: 'GROUPBUY_NOT_STARTED', ENDED: 'GROUPBUY_ENDED', SOLD_OUT: 'GROUPBUY_SOLD_OUT', GONE: 'GROUPBUY_SOLD_OUT', LIMIT: 'GROUPBUY_LIMIT_REACHED' } as const;

export class FlashAdmission implements UnitsMirror {
  private readonly redis: Gate;
  private readonly loading = new Map<number, Promise<boolean>>();
  private failing = false;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly ds: DataSource,
    private readonly stock: CampaignStock,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {
    const scripts = { lmGbAdmit: ADMIT, lmGbEndTicket: END_TICKET, lmGbReturned: RETURNED, lmGbSync: SYNC };
    // EVALSHA, with the script sent again when the server does not have it (a restart).
    for (const [name, lua] of Object.entries(scripts)) if (!(name in redis)) redis.defineCommand(name, { numberOfKeys: 3, lua });
    this.redis = redis as Gate;
  }

  /**
   * A ticket for `q` units, or a refusal (thrown, as the database path would answer it), or null:
   * ask the database (Redis away, a campaign it cannot copy, or `replayable` — a join with an
   * idempotency key over the limit may be the replay of one that got its seat).
   */
  async admit(campaignId: number, memberId: number, q: number, replayable: boolean): Promise<Ticket | null> {
    if (!redisReady(this.redis)) return null;
    const entry = `${randomBytes(6).toString('hex')}:${memberId}:${q}`;
    let answer: string;
    try {
      const run = () => this.redis.lmGbAdmit(...this.keys(campaignId), memberId, q, this.now().getTime(), entry.split(':')[0], this.now().getTime() + TICKET_TTL_MS);
      answer = await run();
      if (answer === 'MISS') answer = (await this.load(campaignId)) ? await run() : 'MISS';
      this.failing = false;
    } catch (err) {
      this.warnOnce(err);
      return null;
    }
    if (answer === 'OK') return { campaignId, memberId, q, entry };
    // Only once no ticket is in flight: the mark also refuses in checkout's quote, and an admitted
    // join still on its way must not be turned away by it (its unit would stay unsold).
    if (answer === 'GONE') this.stock.markSoldOut(campaignId);
    if (answer === 'LIMIT' && replayable) return null;
    const code = REFUSALS[answer as keyof typeof REFUSALS];
    if (!code) return null; // MISS, OVER: the database path answers (and names the field)
    throw new AppError(code, undefined, answer === 'LIMIT' ? [{ field: 'groupBuy', message: '' }] : undefined);
  }

  /** The order was placed: the database holds the units now. */
  settle(t: Ticket): void {
    this.endTicket(t, false);
  }

  /** The order was not placed (refused, failed, a replay): the units go back to the copy. */
  giveBack(t: Ticket): void {
    this.endTicket(t, true);
  }

  returned(campaignId: number, memberId: number, q: number): void {
    if (!redisReady(this.redis)) return; // the reconciliation catches up
    this.redis.lmGbReturned(...this.keys(campaignId), memberId, q).catch((err) => this.warnOnce(err));
  }

  changed(campaignId: number): void {
    this.sync(campaignId, true).catch((err) => this.warnOnce(err));
  }

  /** The reconciliation job: every campaign not long ended, copied again from the database. */
  async reconcile(): Promise<SyncReport> {
    const report: SyncReport = { campaigns: 0, drifted: 0, expired: 0 };
    if (!redisReady(this.redis)) return report;
    const since = new Date(this.now().getTime() - KEEP_AFTER_END_MS);
    const ids = await this.ds.getRepository(GbCampaign).find({ select: { id: true }, where: { status: In(['scheduled', 'running', 'ended']), endAt: MoreThan(since) } });
    for (const { id } of ids) {
      const r = await this.sync(id, true);
      report.campaigns++;
      if (r.drifted) report.drifted++;
      report.expired += r.expired;
    }
    return report;
  }

  /** The opening's lazy load: once per instance at a time, and only where no copy exists yet. */
  private load(campaignId: number): Promise<boolean> {
    let p = this.loading.get(campaignId);
    if (!p) {
      p = this.sync(campaignId, false)
        .then((r) => r.copied)
        .finally(() => this.loading.delete(campaignId));
      this.loading.set(campaignId, p);
    }
    return p;
  }

  private async sync(campaignId: number, overwrite: boolean): Promise<{ copied: boolean; drifted: boolean; expired: number }> {
    const c = await this.ds.getRepository(GbCampaign).findOneBy({ id: campaignId });
    if (!c || c.status === 'draft') return { copied: false, drifted: false, expired: 0 };
    const mine = await this.ds.getRepository(GbShopper).find({ select: { memberId: true, units: true }, where: { campaignId, units: MoreThan(0) } });
    const open = c.status === 'scheduled' || c.status === 'running' ? 1 : 0;
    const argv = [this.now().getTime(), c.stockLeft, c.startAt.getTime(), c.endAt.getTime(), c.perShopperLimit, open, c.endAt.getTime() + KEEP_AFTER_END_MS, overwrite ? 1 : 0];
    const [before, after, expired] = await this.redis.lmGbSync(...this.keys(campaignId), ...argv, ...mine.flatMap((s) => [s.memberId, s.units]));
    const drifted = before >= 0 && before !== after;
    if (drifted || expired > 0) {
      this.log.warn({ campaignId, redisLeft: before, dbLeft: c.stockLeft, repairedLeft: after, expiredTickets: expired }, 'groupbuy admission: the Redis copy drifted from the database; repaired');
    }
    // Units the copy had lost count of: instances may hold a sold-out mark from it.
    if (after > 0 && (before === 0 || this.stock.isSoldOut(campaignId))) this.stock.unitsReturned(campaignId);
    return { copied: true, drifted, expired };
  }

  private endTicket(t: Ticket, giveBack: boolean): void {
    if (!redisReady(this.redis)) return; // the ticket expires; the reconciliation repairs the copy
    this.redis.lmGbEndTicket(...this.keys(t.campaignId), t.entry, t.memberId, t.q, giveBack ? 1 : 0).catch((err) => this.warnOnce(err));
  }

  private keys(campaignId: number): [string, string, string] {
    const k = `${this.prefix}:gb:{${campaignId}}`;
    return [`${k}:c`, `${k}:s`, `${k}:t`];
  }

  /** One line per run of failures (the client logs the outage itself). */
  private warnOnce(err: unknown): void {
    if (this.failing) return;
    this.failing = true;
    this.log.warn({ err: (err as Error).message }, 'groupbuy admission: redis command failed; joins take the database path');
  }
}
