/**
 * HQ's membership and points settings (tiers, earning and redeeming rules), one JSON document.
 * Read from the database on use (a small primary-key read), so every API instance sees an HQ
 * change at once; the defaults apply until HQ saves a document.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_SETTINGS, type MembershipSettings, settingsProblem, type TierCode } from '@common/membership/settings';
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

  /** The stored document last parsed, and what it parsed to: the same text is not parsed twice. */
  private parsed: { value: string; settings: MembershipSettings } | null = null;

  async get(m: EntityManager = this.ds.manager): Promise<MembershipSettings> {
    const row = await m.findOneBy(MembershipSetting, { name: NAME });
    return this.fromStored(row?.value ?? null);
  }

  /**
   * The settings from the stored text (null: none saved). The text itself is what a caller read
   * (checkout folds it into its member read), so an HQ change is seen by the next read, in every
   * instance; only the parsing is kept, per process, for as long as the text stays the same.
   */
  fromStored(value: string | null): MembershipSettings {
    if (value === null) return DEFAULT_SETTINGS;
    if (this.parsed?.value !== value) this.parsed = { value, settings: JSON.parse(value) as MembershipSettings };
    return this.parsed.settings;
  }

  /**
   * Checkout's member-read part (orders MemberReadPart) for the member discount: a row 'tier'
   * (s1; none without a profile: basic) and a row 'settings' (s3, the stored text; none: defaults).
   */
  readonly tierRead = {
    sql:
      `SELECT 'tier' AS k, NULL AS n1, NULL AS n2, NULL AS n3, tier AS s1, NULL AS s2, NULL AS s3, NULL AS t1 FROM member_profile WHERE member_id = ? ` +
      `UNION ALL SELECT 'settings', NULL, NULL, NULL, NULL, NULL, value, NULL FROM membership_setting WHERE name = '${NAME}'`,
    params: (memberId: number) => [memberId],
  };

  /** The tier and settings from the rows of tierRead. */
  fromTierRows(rows: readonly { k: string; s1: string | null; s3: string | null }[]): { tier: TierCode; settings: MembershipSettings } {
    const tier = (rows.find((r) => r.k === 'tier')?.s1 as TierCode | undefined) ?? 'basic';
    return { tier, settings: this.fromStored(rows.find((r) => r.k === 'settings')?.s3 ?? null) };
  }

  /** Replaces the document (validated by zod at the route, then by the cross-field rule here). */
  async put(settings: MembershipSettings, operatorId: number | null): Promise<MembershipSettings> {
    const problem = settingsProblem(settings);
    if (problem) throw new AppError('MEMBERSHIP_SETTINGS_INVALID', problem, [{ field: problem.split(' ')[0], message: problem }]);
    await this.tx.run((m) => m.save(MembershipSetting, { name: NAME, value: JSON.stringify(settings), updatedBy: operatorId, updatedAt: this.now() }));
    return settings;
  }
}
