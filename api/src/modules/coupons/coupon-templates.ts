/** HQ's coupon templates and the shopper-facing 领券中心 and product-page hints. */
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { inScope, receiveRefusal, termsProblem } from '@common/coupon/rules';
import type { CouponCenterItemDto, CouponTemplateDto } from '@common/coupon/types';
import type { Page } from '@common/paging';
import { containsPattern } from '../../db/like';
import { rowsPage } from '../../db/rows-page';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { CouponHolding, CouponTemplate } from './coupons.entities';
import { toTemplateDto } from './coupons.mappers';
import { termsFromInput, type TemplateInput, type TemplateListInput } from './coupons.schema';
import type { MemberFacts } from './member-facts';

/** Most templates 领券中心 and a product page show (HQ runs tens, not thousands). */
const LIST_LIMIT = 200;

export class CouponTemplates {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly facts: MemberFacts,
    private readonly now: () => Date,
  ) {}

  /** `usableInStore` may be left out by internal callers (the demo seed): not in store. */
  async create(input: Omit<TemplateInput, 'usableInStore'> & { usableInStore?: boolean }): Promise<CouponTemplateDto> {
    const terms = termsFromInput(input);
    const problem = termsProblem(terms);
    if (problem) throw new AppError('VALIDATION_FAILED', problem.message, [problem]);
    const now = this.now();
    const saved = await this.tx.run((m) =>
      m.save(
        m.create(CouponTemplate, {
          name: input.name, ...terms, validity: input.validity, audience: input.audience, totalQuota: input.totalQuota, issuedCount: 0,
          perMemberLimit: input.perMemberLimit, claimable: input.claimable, usableInStore: input.usableInStore ?? false, active: true, createdAt: now, updatedAt: now,
        }),
      ),
    );
    return toTemplateDto(saved);
  }

  async get(id: number): Promise<CouponTemplate> {
    const t = await this.ds.getRepository(CouponTemplate).findOneBy({ id });
    if (!t) throw new AppError('COUPON_TEMPLATE_NOT_FOUND', `template ${id}`);
    return t;
  }

  /** The templates of `ids` that exist (a read port for the points mall's coupon items). */
  async byIds(ids: readonly number[]): Promise<CouponTemplate[]> {
    return ids.length ? this.ds.getRepository(CouponTemplate).findBy({ id: In([...ids]) }) : [];
  }

  /**
   * HQ's list, newest first: the primary key serves the order, (active, id) and (claimable, id)
   * the on/off and 领券中心 filters (migration 1796700000001); the name search filters along the walk.
   */
  list(f: TemplateListInput): Promise<Page<CouponTemplateDto>> {
    const qb = this.ds.getRepository(CouponTemplate).createQueryBuilder('t');
    if (f.active !== undefined) qb.andWhere('t.active = :active', { active: f.active });
    if (f.claimable !== undefined) qb.andWhere('t.claimable = :claimable', { claimable: f.claimable });
    if (f.keyword) qb.andWhere("t.name LIKE :kw ESCAPE '!'", { kw: containsPattern(f.keyword) });
    qb.orderBy('t.id', 'DESC');
    return rowsPage(qb, f, (l) => l.getMany(), (rows) => rows.map(toTemplateDto));
  }

  /** Active templates in 领券中心, newest first (at most LIST_LIMIT): the guide sidebar's read port. */
  async claimable(): Promise<CouponTemplateDto[]> {
    return (await this.claimableEntities()).map(toTemplateDto);
  }

  private claimableEntities(): Promise<CouponTemplate[]> {
    return this.ds.getRepository(CouponTemplate).find({ where: { active: true, claimable: true }, order: { id: 'DESC' }, take: LIST_LIMIT });
  }

  async patch(id: number, p: { active?: boolean; claimable?: boolean; usableInStore?: boolean; totalQuota?: number }): Promise<CouponTemplateDto> {
    await this.tx.run(async (m) => {
      const set = {
        ...(p.active !== undefined && { active: p.active }),
        ...(p.claimable !== undefined && { claimable: p.claimable }),
        ...(p.usableInStore !== undefined && { usableInStore: p.usableInStore }),
        updatedAt: this.now(),
      };
      const qb = m.createQueryBuilder().update(CouponTemplate).set(p.totalQuota !== undefined ? { ...set, totalQuota: p.totalQuota } : set).where('id = :id', { id });
      // Why conditional: copies are being issued meanwhile; a quota below what is issued is refused
      // by the same statement rather than by a read that could be stale.
      if (p.totalQuota !== undefined) qb.andWhere('issued_count <= :q', { q: p.totalQuota });
      const res = await qb.execute();
      if (!res.affected) {
        await this.get(id);
        throw new AppError('VALIDATION_FAILED', 'quota below issued', [{ field: 'totalQuota', message: '不能少于已发放数量' }]);
      }
    });
    return toTemplateDto(await this.get(id));
  }

  /** 领券中心: active claimable templates, with what this shopper may still do with each. */
  async center(memberId: number): Promise<CouponCenterItemDto[]> {
    const now = this.now();
    const templates = await this.claimableEntities();
    const member = await this.facts.receiver(memberId);
    if (!member) throw new AppError('UNAUTHENTICATED');
    const holdings = templates.length ? await this.ds.getRepository(CouponHolding).findBy({ memberId, templateId: In(templates.map((t) => t.id)) }) : [];
    const held = new Map(holdings.map((h) => [h.templateId, h.held]));
    return templates
      .map((t) => ({ ...toTemplateDto(t), heldCount: held.get(t.id) ?? 0, blockedBy: receiveRefusal(t, held.get(t.id) ?? 0, member, now) }))
      .filter((t) => t.blockedBy !== 'COUPON_TEMPLATE_INACTIVE' && t.blockedBy !== 'COUPON_AUDIENCE_MISMATCH');
  }

  /** 可用券 on a product page: claimable templates whose scope covers the product. */
  async forProduct(product: { productId: number; categoryId: number }): Promise<CouponTemplateDto[]> {
    const now = this.now();
    const templates = await this.claimableEntities();
    return templates
      .filter((t) => inScope(t.scope, product) && !(t.validity.type === 'fixed' && now > new Date(t.validity.to)) && t.issuedCount < t.totalQuota)
      .map(toTemplateDto);
  }
}
