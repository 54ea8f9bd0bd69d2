/**
 * HQ's hand on points: grant or deduct with a reason, logged with the operator on the ledger
 * entry itself. There is no way to set a balance: every change is an entry.
 */
import { randomUUID } from 'node:crypto';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import type { PointsEntryDto } from '@common/membership/types';
import { credit, debit } from './ledger';
import { pointsEntryDto as toDto } from './points.query';

export interface AdjustInput {
  memberId: number;
  points: number;
  reason: string;
  /** The caller's Idempotency-Key, so a retried request adjusts once. */
  requestKey?: string;
}

export class PointsAdmin {
  constructor(
    private readonly tx: Transactor,
    private readonly memberExists: (memberId: number) => Promise<boolean>,
    private readonly now: () => Date,
  ) {}

  async grant(operatorId: number, input: AdjustInput): Promise<PointsEntryDto> {
    await this.requireMember(input.memberId);
    const key = `hq:${operatorId}:${input.requestKey ?? randomUUID()}`;
    const e = await this.tx.run((m) => credit(m, { memberId: input.memberId, points: input.points, key, reason: input.reason, kind: 'grant', operatorId, now: this.now() }));
    return toDto(e);
  }

  async deduct(operatorId: number, input: AdjustInput): Promise<PointsEntryDto> {
    await this.requireMember(input.memberId);
    const key = `hq:${operatorId}:${input.requestKey ?? randomUUID()}`;
    const e = await this.tx.run((m) => debit(m, { memberId: input.memberId, points: input.points, key, reason: input.reason, kind: 'deduct', operatorId, now: this.now() }));
    return toDto(e);
  }

  private async requireMember(memberId: number): Promise<void> {
    if (!(await this.memberExists(memberId))) throw new AppError('MEMBER_NOT_FOUND', `member ${memberId}`);
  }
}
