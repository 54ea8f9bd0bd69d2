/** HQ's POS settings (双倍积分, offline commission): one JSON row, defaults until HQ saves. */
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_POS_SETTINGS, type PosSettings } from '@common/pos/types';
import { isUniqueViolation } from '../../db/errors';
import type { Transactor } from '../../db/transaction';
import { PosSetting } from './pos.entities';

const NAME = 'pos';

export class PosSettingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly now: () => Date,
  ) {}

  async get(m: EntityManager = this.ds.manager): Promise<PosSettings> {
    const row = await m.findOneBy(PosSetting, { name: NAME });
    return row ? { ...DEFAULT_POS_SETTINGS, ...(JSON.parse(row.value) as Partial<PosSettings>) } : { ...DEFAULT_POS_SETTINGS };
  }

  async put(settings: PosSettings, adminId: number | null): Promise<PosSettings> {
    const value = JSON.stringify({ doublePoints: settings.doublePoints, offlineCommission: settings.offlineCommission });
    await this.tx.run(async (m) => {
      // Last write wins on one keyed row: an upsert by primary key, never a read-then-insert race.
      const res = await m.createQueryBuilder().update(PosSetting).set({ value, updatedBy: adminId, updatedAt: this.now() }).where('name = :name', { name: NAME }).execute();
      if (res.affected === 0) await m.insert(PosSetting, { name: NAME, value, updatedBy: adminId, updatedAt: this.now() });
    }).catch(async (err) => {
      // Two first saves raced on the primary key: the loser's value is written as an update.
      if (!isUniqueViolation(err)) throw err;
      await this.ds.manager.update(PosSetting, { name: NAME }, { value, updatedBy: adminId, updatedAt: this.now() });
    });
    return this.get();
  }
}
