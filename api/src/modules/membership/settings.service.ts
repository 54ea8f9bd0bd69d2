/**
 * HQ's membership and points settings (tiers, earning and redeeming rules), one JSON document.
 * Read from the database on use (a small primary-key read), so every API instance sees an HQ
 * change at once; the defaults apply until HQ saves a document.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_SETTINGS, type MembershipSettings, settingsProblem } from '@common/membership/settings';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { MembershipSetting } from './membership.entities';

const NAME = 'membership';

export class MembershipSettingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly now: () => Date,
  ) {}

  async get(m: EntityManager = this.ds.manager): Promise<MembershipSettings> {
    const row = await m.findOneBy(MembershipSetting, { name: NAME });
    return row ? (JSON.parse(row.value) as MembershipSettings) : DEFAULT_SETTINGS;
  }

  /** Replaces the document (validated by zod at the route, then by the cross-field rule here). */
  async put(settings: MembershipSettings, operatorId: number | null): Promise<MembershipSettings> {
    const problem = settingsProblem(settings);
    if (problem) throw new AppError('MEMBERSHIP_SETTINGS_INVALID', problem, [{ field: problem.split(' ')[0], message: problem }]);
    await this.tx.run((m) => m.save(MembershipSetting, { name: NAME, value: JSON.stringify(settings), updatedBy: operatorId, updatedAt: this.now() }));
    return settings;
  }
}
