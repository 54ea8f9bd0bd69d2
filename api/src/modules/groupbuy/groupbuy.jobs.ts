/**
 * The group-buy job (registered with the scheduler, which runs it under a database lease):
 * campaigns start and end by the clock, groups past their time limit (or whose campaign ended)
 * fail, paid seats left in 待成团 after their group settled are moved on (warned), and what an
 * ended campaign has left goes back to the SKU. Every step is a
 * compare-and-set, so two runs at the same moment do each thing once.
 */
import type { DataSource } from 'typeorm';
import { groupOutcome } from '@common/groupbuy/rules';
import type { Transactor } from '../../db/transaction';
import type { CampaignStock } from './campaign.stock';
import type { GroupSettler } from './group-settle';
import { GbCampaign, GbGroup } from './groupbuy.entities';

const BATCH = 50;

export interface JobReport {
  started: number;
  ended: number;
  failed: number;
  /** Paid seats of failed groups refunded (again) from 待成团 by the repair pass. */
  refundedAgain: number;
  /** Paid seats of succeeded groups moved from 待成团 to 待发货 by the repair pass. */
  repaired: number;
  returned: number;
}

export class GroupBuyJobs {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly stock: CampaignStock,
    private readonly settler: GroupSettler,
    private readonly now: () => Date,
  ) {}

  async runOnce(): Promise<JobReport> {
    const now = this.now();
    const repo = this.ds.getRepository(GbCampaign);
    // The clock moves campaigns along their table: scheduled → running → ended (CAS on status).
    // Through the Transactor: these range UPDATEs can deadlock with another run's settling on
    // MySQL, and it retries a deadlock (a bare statement would fail the whole run).
    const started = await this.tx.run((m) => m.createQueryBuilder().update(GbCampaign).set({ status: 'running', updatedAt: now }).where("status = 'scheduled' AND start_at <= :now AND end_at > :now", { now }).execute());
    const ended = await this.tx.run((m) => m.createQueryBuilder().update(GbCampaign).set({ status: 'ended', updatedAt: now }).where("status IN ('scheduled', 'running') AND end_at <= :now", { now }).execute());

    let failed = 0;
    const due = await this.ds
      .getRepository(GbGroup)
      .createQueryBuilder('g')
      .innerJoin(GbCampaign, 'c', 'c.id = g.campaign_id')
      .where("g.status = 'open' AND (g.expires_at <= :now OR c.status = 'ended')", { now })
      .orderBy('g.expires_at', 'ASC')
      .take(BATCH)
      .getMany();
    for (const g of due) {
      // Asked again with the rule: a group whose N seats are paid is a success, never a failure.
      if (groupOutcome(g, true, now) !== 'fail') continue;
      if (await this.settler.fail(g.id, now, g.expiresAt <= now ? '拼团超时未成团' : '活动已结束，拼团未成')) failed++;
    }

    // Repair: seats left in 待成团 after their group settled (warned by the settler).
    const stranded = await this.settler.repairStranded(now, BATCH);

    let returned = 0;
    const endedWithStock = await repo.createQueryBuilder('c').where("c.status = 'ended' AND c.stock_left > 0").take(BATCH).getMany();
    for (const c of endedWithStock) returned += await this.tx.run((m) => this.stock.returnUnsold(m, c));
    return { started: started.affected ?? 0, ended: ended.affected ?? 0, failed, refundedAgain: stranded.failed, repaired: stranded.succeeded, returned };
  }
}
