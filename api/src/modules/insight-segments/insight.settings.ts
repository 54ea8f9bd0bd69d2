/** The one insight_setting row: HQ's thresholds, the nightly medians and 高净值 cut, and the scoring day. */
import type { DataSource, EntityManager } from 'typeorm';
import { effectiveThresholds, type RfmThresholds } from '@common/insight/rfm';
import type { InsightThresholdsDto } from '@common/insight/types';
import { ensureRow } from '../../db/ensure-row';
import type { Transactor } from '../../db/transaction';
import { InsightSetting } from './insight.entities';

export interface Scoring {
  thresholds: RfmThresholds;
  highValueFen: number | null;
}

const SETTING_ID = 1;

export class InsightSettings {
  private ensured = false;

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly now: () => Date,
  ) {}

  async row(m: EntityManager = this.ds.manager): Promise<InsightSetting> {
    if (!this.ensured) {
      await ensureRow(this.tx, InsightSetting, { id: SETTING_ID, rescoreRequested: false, updatedAt: new Date(0) });
      this.ensured = true;
    }
    return m.findOneByOrFail(InsightSetting, { id: SETTING_ID });
  }

  async scoring(m?: EntityManager): Promise<Scoring> {
    return scoringOf(await this.row(m));
  }

  async dto(): Promise<InsightThresholdsDto> {
    const s = await this.row();
    return {
      effective: scoringOf(s).thresholds,
      hq: { recencyDays: s.hqRecencyDays, frequency: s.hqFrequency, monetaryFen: s.hqMonetaryFen },
      medians: { recencyDays: s.medRecencyDays, frequency: s.medFrequency, monetaryFen: s.medMonetaryFen },
      highValueFen: s.highValueFen,
      scoredDay: s.scoredDay,
    };
  }

  /** HQ's thresholds (null: follow the nightly median); asks the job to re-score everyone. */
  async put(input: { recencyDays: number | null; frequency: number | null; monetaryFen: number | null }): Promise<InsightThresholdsDto> {
    await this.row();
    await this.ds.manager.update(
      InsightSetting,
      { id: SETTING_ID },
      { hqRecencyDays: input.recencyDays, hqFrequency: input.frequency, hqMonetaryFen: input.monetaryFen, rescoreRequested: true, updatedAt: this.now() },
    );
    return this.dto();
  }
}

export function scoringOf(s: InsightSetting): Scoring {
  const orUndef = (v: number | null) => v ?? undefined;
  return {
    thresholds: effectiveThresholds(
      { recencyDays: orUndef(s.hqRecencyDays), frequency: orUndef(s.hqFrequency), monetaryFen: orUndef(s.hqMonetaryFen) },
      { recencyDays: orUndef(s.medRecencyDays), frequency: orUndef(s.medFrequency), monetaryFen: orUndef(s.medMonetaryFen) },
    ),
    highValueFen: s.highValueFen,
  };
}
