/** HQ: stores, guides, binding codes, a guide leaving (customers reassigned, logged), commission rates. */
import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Page } from '@common/paging';
import { isUniqueViolation } from '../../db/errors';
import { containsPattern } from '../../db/like';
import { rowsPage } from '../../db/rows-page';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { reassignAll } from './bindings';
import { CommissionRate, Guide, Store } from './guides.entities';
import type { GuideListInput, StoreListInput } from './guides.schema';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_TTL_MS = 24 * 3600_000;

export interface GuideDto {
  id: number;
  name: string;
  wecomUserId: string;
  storeId: number;
  status: Guide['status'];
  avatarUrl: string | null;
  linked: boolean;
  contactConfigId: string | null;
  qrCodeUrl: string | null;
}

export const guideDto = (g: Guide): GuideDto => ({
  id: g.id,
  name: g.name,
  wecomUserId: g.wecomUserId,
  storeId: g.storeId,
  status: g.status,
  avatarUrl: g.avatarUrl,
  linked: g.memberId !== null,
  contactConfigId: g.contactConfigId,
  qrCodeUrl: g.qrCodeUrl,
});

export class GuidesAdmin {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly now: () => Date,
  ) {}

  async createStore(input: { name: string; code: string; city: string }): Promise<Store> {
    try {
      return await this.tx.run(async (m) => {
        const ins = await m.insert(Store, { ...input, defaultGuideId: null, createdAt: this.now() });
        return m.findOneByOrFail(Store, { id: Number(ins.identifiers[0].id) });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('STORE_CODE_TAKEN', undefined, [{ field: 'body.code', message: 'taken' }]);
      throw err;
    }
  }

  /**
   * HQ's store list in id order (the primary key; (city, id) for one city, migration
   * 1796700000002); `storeId` narrows it to a store manager's own store.
   */
  listStores(f: StoreListInput, storeId: number | null): Promise<Page<Store>> {
    const qb = this.ds.manager.createQueryBuilder(Store, 's');
    if (storeId !== null) qb.andWhere('s.id = :storeId', { storeId });
    if (f.city) qb.andWhere('s.city = :city', { city: f.city });
    if (f.keyword) qb.andWhere("(s.name LIKE :kw ESCAPE '!' OR s.code LIKE :kw ESCAPE '!')", { kw: containsPattern(f.keyword) });
    qb.orderBy('s.id', 'ASC');
    return rowsPage(qb, f, (l) => l.getMany(), (rows) => rows);
  }

  async setDefaultGuide(storeId: number, guideId: number): Promise<void> {
    const g = await this.ds.manager.findOneBy(Guide, { id: guideId, storeId, status: 'active' });
    if (!g) throw new AppError('GUIDE_NOT_FOUND');
    const res = await this.tx.run((m) => m.update(Store, { id: storeId }, { defaultGuideId: guideId }));
    if (res.affected !== 1) throw new AppError('STORE_NOT_FOUND');
  }

  async createGuide(input: { name: string; wecomUserId: string; storeId: number; avatarUrl?: string }): Promise<GuideDto> {
    if (!(await this.ds.manager.existsBy(Store, { id: input.storeId }))) throw new AppError('STORE_NOT_FOUND', undefined, [{ field: 'body.storeId', message: 'not found' }]);
    try {
      const g = await this.tx.run(async (m) => {
        const ins = await m.insert(Guide, {
          name: input.name,
          wecomUserId: input.wecomUserId,
          storeId: input.storeId,
          status: 'active',
          avatarUrl: input.avatarUrl ?? null,
          memberId: null,
          bindingCode: null,
          bindingCodeExpiresAt: null,
          contactConfigId: null,
          qrConfigId: null,
          qrCodeUrl: null,
          leftAt: null,
          createdAt: this.now(),
        });
        return m.findOneByOrFail(Guide, { id: Number(ins.identifiers[0].id) });
      });
      return guideDto(g);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('GUIDE_WECOM_USER_TAKEN', undefined, [{ field: 'body.wecomUserId', message: 'taken' }]);
      throw err;
    }
  }

  /** The store of a guide (null: no such guide), for store-scope checks. */
  async storeOfGuide(guideId: number): Promise<number | null> {
    return (await this.ds.manager.findOneBy(Guide, { id: guideId }))?.storeId ?? null;
  }

  async guide(guideId: number): Promise<GuideDto> {
    const g = await this.ds.manager.findOneBy(Guide, { id: guideId });
    if (!g) throw new AppError('GUIDE_NOT_FOUND');
    return guideDto(g);
  }

  /**
   * HQ's guide list in id order (the primary key; idx_guide_store for one store, idx_guide_status
   * for 在职/已离职, migration 1796710000001). `scope` is a store manager's store: they see its
   * guides only, and asking for another store's is an empty page (never its rows).
   */
  listGuides(f: GuideListInput, scope: number | null): Promise<Page<GuideDto>> {
    if (scope !== null && f.storeId !== undefined && f.storeId !== scope) return Promise.resolve({ items: [], page: f.page, pageSize: f.pageSize, total: 0, hasMore: false });
    const storeId = scope ?? f.storeId;
    const qb = this.ds.manager.createQueryBuilder(Guide, 'g');
    if (storeId !== undefined) qb.andWhere('g.storeId = :storeId', { storeId });
    if (f.status) qb.andWhere('g.status = :status', { status: f.status });
    if (f.keyword) qb.andWhere("(g.name LIKE :kw ESCAPE '!' OR g.wecomUserId LIKE :kw ESCAPE '!')", { kw: containsPattern(f.keyword) });
    qb.orderBy('g.id', 'ASC');
    return rowsPage(qb, f, (l) => l.getMany(), (rows) => rows.map(guideDto));
  }

  /** A one-time code (8 characters, 24 hours) the guide types into the mini-program to link their account. */
  async issueBindingCode(guideId: number): Promise<{ code: string; expiresAt: string }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
      const expiresAt = new Date(this.now().getTime() + CODE_TTL_MS);
      try {
        const res = await this.tx.run((m) => m.update(Guide, { id: guideId, status: 'active' }, { bindingCode: code, bindingCodeExpiresAt: expiresAt }));
        if (res.affected !== 1) throw new AppError('GUIDE_NOT_FOUND');
        return { code, expiresAt: expiresAt.toISOString() };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
    throw new AppError('INTERNAL', 'no free binding code');
  }

  /** The guide leaves: no new attribution from now on; their customers go to `reassignTo` when given. */
  async leave(guideId: number, reassignTo: number | undefined, actor: string): Promise<{ reassigned: number }> {
    return this.tx.run(async (m) => {
      const now = this.now();
      if (reassignTo !== undefined) {
        const target = await m.findOneBy(Guide, { id: reassignTo, status: 'active' });
        if (!target || target.id === guideId) throw new AppError('GUIDE_NOT_FOUND', undefined, [{ field: 'body.reassignTo', message: 'not an active guide' }]);
      }
      // Conditional on 'active': leaving twice is a 409, not a second reassignment.
      const res = await m.update(Guide, { id: guideId, status: 'active' }, { status: 'left', leftAt: now, bindingCode: null, bindingCodeExpiresAt: null, memberId: null });
      if (res.affected !== 1) {
        if (await m.existsBy(Guide, { id: guideId })) throw new AppError('GUIDE_ALREADY_LEFT');
        throw new AppError('GUIDE_NOT_FOUND');
      }
      return { reassigned: reassignTo === undefined ? 0 : await reassignAll(m, guideId, reassignTo, actor, now) };
    });
  }

  async reassign(fromGuideId: number, toGuideId: number, actor: string): Promise<{ reassigned: number }> {
    return this.tx.run(async (m) => {
      if (fromGuideId === toGuideId || !(await m.existsBy(Guide, { id: toGuideId, status: 'active' }))) {
        throw new AppError('GUIDE_NOT_FOUND', undefined, [{ field: 'body.toGuideId', message: 'not an active guide' }]);
      }
      return { reassigned: await reassignAll(m, fromGuideId, toGuideId, actor, this.now()) };
    });
  }

  async setRate(scope: 'product' | 'category', refId: number, rateBp: number): Promise<void> {
    await this.tx.run(async (m) => {
      // Update-then-insert on the unique (scope, ref): a concurrent setter's insert loses and updates.
      const res = await m.update(CommissionRate, { scope, refId }, { rateBp });
      if (res.affected === 1) return;
      await m.insert(CommissionRate, { scope, refId, rateBp });
    });
  }
}
