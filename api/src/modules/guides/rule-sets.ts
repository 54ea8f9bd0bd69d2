/** The attribution rules in force: the latest rule set HQ applied, else the defaults (version 1). */
import type { DataSource, EntityManager } from 'typeorm';
import { type AttributionRules, DEFAULT_RULES } from '@common/attribution/rules';
import type { Transactor } from '../../db/transaction';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../http/app-error';
import { AttributionRuleSet } from './guides.entities';

export type RuleChange = Pick<AttributionRules, 'protectionDays' | 'sharingWindowHours' | 'tokenMaxAgeDays'>;

export class RuleSets {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly now: () => Date,
  ) {}

  /** The rules last read, per process; trusted only while the latest version is still theirs. */
  private cached: AttributionRules | null = null;

  /** What the cache holds (its window shapes checkout's touch read before the version is known). */
  get lastKnown(): AttributionRules {
    return this.cached ?? DEFAULT_RULES;
  }

  /**
   * The rules of `latest`, the highest version stored (null: none, the defaults): from the cache
   * when it holds that version, else read (an HQ change is seen by the first order after it).
   */
  async atVersion(latest: number | null): Promise<AttributionRules> {
    if (latest === null) return DEFAULT_RULES;
    if (this.cached?.version !== latest) this.cached = await this.current();
    return this.cached;
  }

  async current(m: EntityManager = this.ds.manager): Promise<AttributionRules> {
    const row = await m.getRepository(AttributionRuleSet).findOne({ where: {}, order: { version: 'DESC' } });
    if (!row) return DEFAULT_RULES;
    return { ...DEFAULT_RULES, version: row.version, protectionDays: row.protectionDays, sharingWindowHours: row.sharingWindowHours, tokenMaxAgeDays: row.tokenMaxAgeDays };
  }

  /** Applies a change to new decisions from now on; old snapshots keep their version. */
  async apply(change: RuleChange, actor: string): Promise<AttributionRules> {
    return this.tx.run(async (m) => {
      const cur = await this.current(m);
      try {
        // The unique version is the guard: two HQ operators applying at once, one wins, the other gets 409.
        await m.insert(AttributionRuleSet, { version: cur.version + 1, ...change, createdBy: actor, createdAt: this.now() });
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('ATTRIBUTION_RULES_CHANGED');
        throw err;
      }
      return { ...cur, ...change, version: cur.version + 1 };
    });
  }
}
