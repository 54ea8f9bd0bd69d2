/**
 * Touches: a shopper opened a path carrying a guide's share token. The token is verified (HMAC)
 * and checked against the rules (expiry, guide left); a refused token is ignored, never an error:
 * the page still opens. One touch per shopper, guide and hour (unique key); each new touch feeds
 * the binding rule.
 */
import { refuseGuideToken, touchHourBucket } from '@common/attribution/rules';
import { beijingDay } from '@common/metrics/period';
import { isUniqueViolation } from '../../db/errors';
import type { Transactor } from '../../db/transaction';
import { applySignal, guideStates } from './bindings';
import { GuideAddTap, GuideTouch } from './guides.entities';
import type { RuleSets } from './rule-sets';
import type { ShareTokens } from '../share';
import type { Outbox } from '../outbox';
import './guides.events';

export interface TouchInput {
  token: string;
  scene?: number;
  groupChatId?: string;
  path: string;
}

export type TouchOutcome =
  | { recorded: true; touchId: number; guideId: number; boundGuideId: number | null }
  | { recorded: false; reason: 'invalid_token' | 'member_token' | 'unknown_guide' | 'guide_left' | 'expired' | 'issued_in_future' | 'duplicate' };

export class TouchService {
  constructor(
    private readonly tx: Transactor,
    private readonly tokens: ShareTokens,
    private readonly rules: RuleSets,
    private readonly now: () => Date,
    private readonly outbox: Outbox,
  ) {}

  async record(memberId: number, input: TouchInput): Promise<TouchOutcome> {
    const v = this.tokens.verify(input.token);
    if (!v) return { recorded: false, reason: 'invalid_token' };
    if (v.kind !== 'guide') return { recorded: false, reason: 'member_token' };
    const now = this.now();
    return this.tx.run(async (m) => {
      const rules = await this.rules.current(m);
      const guide = (await guideStates(m, [v.id])).get(v.id) ?? null;
      const refusal = refuseGuideToken(v.issuedAt, guide, now, rules);
      if (refusal) return { recorded: false, reason: refusal };
      let touchId: number;
      try {
        // Unique (member, guide, hour): the same card opened again within the hour is one touch.
        const ins = await m.insert(GuideTouch, {
          memberId,
          guideId: v.id,
          token: input.token,
          scene: input.scene ?? null,
          groupChatId: input.groupChatId ?? null,
          path: input.path.slice(0, 200),
          hourBucket: touchHourBucket(now),
          createdAt: now,
        });
        touchId = Number(ins.identifiers[0].id);
        await this.outbox.enqueue(m, 'GuideTouched', touchId, { memberId, guideId: v.id, day: beijingDay(now) });
      } catch (err) {
        if (isUniqueViolation(err)) return { recorded: false, reason: 'duplicate' };
        throw err;
      }
      const bound = await applySignal(m, memberId, { kind: 'touch', guideId: v.id, at: now }, rules, now);
      return { recorded: true, touchId, guideId: v.id, boundGuideId: bound.guideId };
    });
  }

  /** The shopper tapped "add your guide": the fallback link for an add WeCom reports without unionid. */
  async tapAdd(memberId: number, guideId: number): Promise<void> {
    await this.tx.run((m) => m.insert(GuideAddTap, { memberId, guideId, createdAt: this.now() }));
  }
}
