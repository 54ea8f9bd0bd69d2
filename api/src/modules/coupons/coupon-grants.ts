/**
 * Issuing coupons: the one place that writes a template's quota and a member's holding. Every
 * grant takes, in this fixed order (so two grants never wait on each other in a cycle):
 *   1. the member's holding of the template: `held + 1 WHERE held < per_member_limit`;
 *   2. the template's quota: `issued_count + 1 WHERE issued_count < total_quota AND active`
 *      (and `AND claimable` for a claim: only what 领券中心 offers may be claimed);
 *   3. the copy itself, whose unique key (template, member, source, sourceRef) is the grant's
 *      idempotency key: a retried push or gift cannot hand out a second copy.
 * All three in the caller's transaction: a refusal at any step rolls back the others.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { describeTerms, receiveRefusal, validityWindow } from '@common/coupon/rules';
import type { GrantSource } from '@common/coupon/types';
import { ensureRow } from '../../db/ensure-row';
import type { Transactor } from '../../db/transaction';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../http/app-error';
import type { Outbox } from '../outbox';
import { CouponHolding, CouponTemplate, MemberCoupon } from './coupons.entities';
import type { MemberFacts } from './member-facts';

export interface GrantRequest {
  templateId: number;
  memberId: number;
  source: GrantSource;
  /** Names the grant within its source (a push batch, a redemption); claims get `claim:<n>`. */
  sourceRef?: string;
}

export type GrantOutcome = { granted: true; coupon: MemberCoupon } | { granted: false; coupon: MemberCoupon };

/** The member's holding row of a template, made before the grant transaction (see ensureRow). */
export async function ensureHolding(tx: Transactor, templateId: number, memberId: number): Promise<void> {
  await ensureRow(tx, CouponHolding, { templateId, memberId, held: 0 });
}

/** Inside the caller's transaction; the holding row must exist (ensureHolding). */
export async function grantInTx(m: EntityManager, req: GrantRequest, now: Date): Promise<GrantOutcome> {
  const { templateId, memberId, source } = req;
  if (req.sourceRef !== undefined) {
    const existing = await m.findOneBy(MemberCoupon, { templateId, memberId, source, sourceRef: req.sourceRef });
    if (existing) return { granted: false, coupon: existing };
  }
  const t = await m.findOneBy(CouponTemplate, { id: templateId });
  if (!t) throw new AppError('COUPON_TEMPLATE_NOT_FOUND', `template ${templateId}`);
  const claim = source === 'claim';
  if (claim && !t.claimable) throw notOffered(templateId);
  if (!t.active || (t.validity.type === 'fixed' && now > new Date(t.validity.to))) throw new AppError('COUPON_TEMPLATE_INACTIVE', `template ${templateId}`);
  // Why conditional: two grants to one member race; `held < limit` lets only as many through as the limit.
  const held = await m
    .createQueryBuilder()
    .update(CouponHolding)
    .set({ held: () => 'held + 1' })
    .where('template_id = :templateId AND member_id = :memberId AND held < :limit', { templateId, memberId, limit: t.perMemberLimit })
    .execute();
  if (!held.affected) throw new AppError('COUPON_LIMIT_REACHED', `template ${templateId} member ${memberId}`);
  // Why conditional: hundreds of members race for the last copies; `issued_count < total_quota`
  // with the affected rows checked never issues more than the quota. A claim also needs the
  // template still listed, decided by this write rather than by the read above (HQ may take it
  // off 领券中心 meanwhile); push, gift and points mall grant unlisted templates by design.
  const quota = await m
    .createQueryBuilder()
    .update(CouponTemplate)
    .set({ issuedCount: () => 'issued_count + 1', updatedAt: now })
    .where(`id = :templateId AND issued_count < total_quota AND active = :active${claim ? ' AND claimable = :active' : ''}`, { templateId, active: true })
    .execute();
  if (!quota.affected) throw new AppError('COUPON_SOLD_OUT', `template ${templateId}`);
  let sourceRef = req.sourceRef;
  if (sourceRef === undefined) {
    // A claim is named by its copy number, read back after our own increment (the row is ours now).
    const h = await m.findOneByOrFail(CouponHolding, { templateId, memberId });
    sourceRef = `claim:${h.held}`;
  }
  const { validFrom, validTo } = validityWindow(t.validity, now);
  const coupon = await m.save(
    m.create(MemberCoupon, { templateId, memberId, source, sourceRef, status: 'unused', validFrom, validTo, orderId: null, receivedAt: now, usedAt: null, updatedAt: now }),
  );
  return { granted: true, coupon };
}

/**
 * A template 领券中心 does not offer (push-only, sold in the points mall, taken off the list) is
 * answered as if it did not exist: a shopper cannot tell its id from an unused one.
 */
const notOffered = (templateId: number) => new AppError('COUPON_TEMPLATE_NOT_FOUND', `template ${templateId} is not claimable`);

export class CouponGrants {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly facts: MemberFacts,
    private readonly now: () => Date,
    private readonly outbox: Outbox,
  ) {}

  /** 领券中心 立即领取: only a listed template, then the audience rule, then the conditional writes decide. */
  async claim(memberId: number, templateId: number): Promise<MemberCoupon> {
    const now = this.now();
    const t = await this.template(templateId);
    // Before the audience and before any row is made: an unlisted template reveals nothing and
    // leaves no holding behind.
    if (!t.claimable) throw notOffered(templateId);
    await this.checkAudience(memberId, t, now);
    await ensureHolding(this.tx, templateId, memberId);
    try {
      const out = await this.tx.run((m) => grantInTx(m, { templateId, memberId, source: 'claim' }, now));
      return out.coupon;
    } catch (err) {
      // The quota write also refuses a template HQ un-listed or stopped meanwhile: say which,
      // from a fresh read after the rollback (the transaction's snapshot may predate the change).
      if (!(err instanceof AppError) || err.code !== 'COUPON_SOLD_OUT') throw err;
      const fresh = await this.ds.getRepository(CouponTemplate).findOneBy({ id: templateId });
      if (!fresh?.claimable) throw notOffered(templateId);
      if (!fresh.active) throw new AppError('COUPON_TEMPLATE_INACTIVE', `template ${templateId}`);
      throw err;
    }
  }

  /**
   * HQ (or later a guide) pushes a template to a list of members under a batch key. Sending the
   * same batch again grants nothing twice. Each member is granted in its own transaction, so one
   * member's refusal (limit, audience, sold out) does not undo the others'.
   */
  async push(templateId: number, memberIds: readonly number[], batchKey: string): Promise<{ granted: number[]; already: number[]; refused: { memberId: number; code: string }[] }> {
    const result = { granted: [] as number[], already: [] as number[], refused: [] as { memberId: number; code: string }[] };
    for (const memberId of [...new Set(memberIds)]) {
      try {
        const now = this.now();
        await this.checkAudience(memberId, await this.template(templateId), now);
        await ensureHolding(this.tx, templateId, memberId);
        const out = await this.tx.run(async (m) => {
          const grant = await grantInTx(m, { templateId, memberId, source: 'push', sourceRef: `push:${batchKey}` }, now);
          // In the granting transaction: a pushed copy is announced exactly when it is granted.
          if (grant.granted) await this.announce(m, grant.coupon, batchKey);
          return grant;
        });
        (out.granted ? result.granted : result.already).push(memberId);
      } catch (err) {
        if (isUniqueViolation(err)) result.already.push(memberId);
        else if (err instanceof AppError && err.code !== 'COUPON_TEMPLATE_NOT_FOUND') result.refused.push({ memberId, code: err.code });
        else throw err;
      }
    }
    return result;
  }

  private async announce(m: EntityManager, c: MemberCoupon, batchKey: string): Promise<void> {
    const t = await m.findOneByOrFail(CouponTemplate, { id: c.templateId });
    const payload = { memberId: c.memberId, memberCouponId: c.id, templateId: t.id, batchKey, name: t.name, summary: describeTerms(t), validTo: c.validTo.toISOString() };
    await this.outbox.enqueue(m, 'CouponPushed', c.memberId, payload);
  }

  private async template(templateId: number): Promise<CouponTemplate> {
    const t = await this.ds.getRepository(CouponTemplate).findOneBy({ id: templateId });
    if (!t) throw new AppError('COUPON_TEMPLATE_NOT_FOUND', `template ${templateId}`);
    return t;
  }

  private async checkAudience(memberId: number, t: CouponTemplate, now: Date): Promise<void> {
    const templateId = t.id;
    const member = await this.facts.receiver(memberId);
    if (!member) throw new AppError('NOT_FOUND', `member ${memberId}`);
    // Quota and limit are left to the conditional writes; only the audience is decided here.
    const refusal = receiveRefusal({ ...t, issuedCount: 0, perMemberLimit: Number.MAX_SAFE_INTEGER }, 0, member, now);
    if (refusal) throw new AppError(refusal, `template ${templateId} member ${memberId}`);
  }
}
