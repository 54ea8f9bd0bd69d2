/**
 * Guide attribution rules: which guide a shopper is bound to, which guide shared the card an
 * order came from, and which touches and tokens count at all. Pure: every rule takes `now`.
 * The rules are versioned; every order's attribution snapshot records the version it was decided
 * under, so HQ can tell which rule an old order followed and preview a change before applying it.
 */

export interface AttributionRules {
  /** Bumped whenever the meaning of a rule (not only a number) changes. */
  version: number;
  /** A bound shopper is not taken by another guide's card for this long after the binding. */
  protectionDays: number;
  /** The sharing guide is the last valid touch within this many hours before the order. */
  sharingWindowHours: number;
  /** A guide's share token older than this is ignored (a card forwarded for months). */
  tokenMaxAgeDays: number;
  /** An add on WeCom is linked to the shopper's tap on the add button within this many minutes. */
  addTapWindowMinutes: number;
}

export const RULE_VERSION = 1;

export const DEFAULT_RULES: AttributionRules = {
  version: RULE_VERSION,
  protectionDays: 30,
  sharingWindowHours: 72,
  tokenMaxAgeDays: 90,
  addTapWindowMinutes: 10,
};

/** Bounds HQ may set (a rule-change preview with anything else is refused). */
export const RULE_BOUNDS = {
  protectionDays: { min: 0, max: 365 },
  sharingWindowHours: { min: 1, max: 720 },
  tokenMaxAgeDays: { min: 1, max: 365 },
} as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type GuideStatus = 'active' | 'left';

export interface GuideState {
  id: number;
  status: GuideStatus;
  /** When the guide left (null while active). */
  leftAt: Date | null;
}

/** Why a guide's token is refused; null when it may be trusted. */
export type TokenRefusal = 'unknown_guide' | 'guide_left' | 'expired' | 'issued_in_future';

/**
 * Whether a verified guide token (its signature already checked) still counts. A token issued
 * after its guide left, or before but opened after, is refused: a guide who left earns nothing new.
 */
export function refuseGuideToken(issuedAt: Date, guide: GuideState | null, now: Date, rules: AttributionRules): TokenRefusal | null {
  if (!guide) return 'unknown_guide';
  if (guide.status === 'left') return 'guide_left';
  // A small clock skew between API instances is tolerated; a token from the future is forged.
  if (issuedAt.getTime() > now.getTime() + 5 * 60_000) return 'issued_in_future';
  if (now.getTime() - issuedAt.getTime() > rules.tokenMaxAgeDays * DAY) return 'expired';
  return null;
}

/** Touches are deduplicated per shopper, guide and clock hour (UTC): the hour's number. */
export function touchHourBucket(at: Date): number {
  return Math.floor(at.getTime() / HOUR);
}

export type BindingSource = 'touch' | 'wecom';

export interface Binding {
  guideId: number;
  /** When the current binding was made or last renewed by the same guide. */
  boundAt: Date;
  /** 'wecom' while the shopper has the guide as a WeCom contact. */
  source: BindingSource;
}

export interface BindingSignal {
  kind: 'touch' | 'wecom_add';
  guideId: number;
  at: Date;
}

export type BindingDecision =
  | { action: 'bind'; guideId: number; source: BindingSource; reason: 'first' | 'renewed' | 'protection_over' | 'previous_left' | 'wecom_add' }
  | { action: 'keep'; reason: 'protected' | 'wecom_contact' | 'signal_guide_left' };

/**
 * The binding rule. A WeCom add of an active guide always binds (adding is the strongest signal).
 * A card touch binds when the shopper has no guide, renews the same guide's binding, takes over
 * when the bound guide left, and otherwise only after the protection period; a shopper who keeps
 * the bound guide as a WeCom contact is not taken by another guide's card at all.
 */
export function decideBinding(
  current: Binding | null,
  signal: BindingSignal,
  guideOf: (id: number) => GuideState | null,
  now: Date,
  rules: AttributionRules,
): BindingDecision {
  const signalGuide = guideOf(signal.guideId);
  if (!signalGuide || signalGuide.status !== 'active') return { action: 'keep', reason: 'signal_guide_left' };
  if (signal.kind === 'wecom_add') return { action: 'bind', guideId: signal.guideId, source: 'wecom', reason: 'wecom_add' };
  if (!current) return { action: 'bind', guideId: signal.guideId, source: 'touch', reason: 'first' };
  if (current.guideId === signal.guideId) return { action: 'bind', guideId: signal.guideId, source: current.source, reason: 'renewed' };
  const bound = guideOf(current.guideId);
  if (!bound || bound.status !== 'active') return { action: 'bind', guideId: signal.guideId, source: 'touch', reason: 'previous_left' };
  if (current.source === 'wecom') return { action: 'keep', reason: 'wecom_contact' };
  // Strictly inside the period the binding holds; at its exact end the new touch takes over.
  if (now.getTime() - current.boundAt.getTime() < rules.protectionDays * DAY) return { action: 'keep', reason: 'protected' };
  return { action: 'bind', guideId: signal.guideId, source: 'touch', reason: 'protection_over' };
}

export interface TouchFact {
  id: number;
  guideId: number;
  at: Date;
  scene: number | null;
  groupChatId: string | null;
  /** The token's own text (its id: the HMAC makes it unique per guide and issue time). */
  tokenId: string;
}

/** The last touch by an active guide within the sharing window before `now`, or null. */
export function sharingTouch(touches: readonly TouchFact[], guideOf: (id: number) => GuideState | null, now: Date, rules: AttributionRules): TouchFact | null {
  const from = now.getTime() - rules.sharingWindowHours * HOUR;
  let best: TouchFact | null = null;
  for (const t of touches) {
    const ms = t.at.getTime();
    if (ms < from || ms > now.getTime()) continue;
    if (guideOf(t.guideId)?.status !== 'active') continue;
    if (!best || ms > best.at.getTime() || (ms === best.at.getTime() && t.id > best.id)) best = t;
  }
  return best;
}

export interface AttributionDecision {
  /** The guide the order (and its commission) belongs to. */
  guideId: number | null;
  boundGuideId: number | null;
  sharingGuideId: number | null;
  groupChatId: string | null;
  evidence: { tokenId: string | null; scene: number | null; touchAt: string | null; ruleVersion: number; reason: string };
}

/**
 * An order's attribution: it belongs to the bound guide (while active); with no bound guide, to
 * the sharing guide. The evidence is the sharing touch when there is one, else the bound guide's
 * last touch.
 */
export function attributeOrder(
  binding: Binding | null,
  touches: readonly TouchFact[],
  guideOf: (id: number) => GuideState | null,
  now: Date,
  rules: AttributionRules,
): AttributionDecision {
  const bound = binding && guideOf(binding.guideId)?.status === 'active' ? binding.guideId : null;
  const sharing = sharingTouch(touches, guideOf, now, rules);
  const guideId = bound ?? sharing?.guideId ?? null;
  const evidenceTouch = sharing ?? (bound ? latestOf(touches.filter((t) => t.guideId === bound && t.at.getTime() <= now.getTime())) : null);
  const reason = bound ? (binding!.source === 'wecom' ? 'bound_wecom' : 'bound_touch') : sharing ? 'sharing_touch' : 'none';
  return {
    guideId,
    boundGuideId: bound,
    sharingGuideId: sharing?.guideId ?? null,
    groupChatId: evidenceTouch?.groupChatId ?? null,
    evidence: {
      tokenId: evidenceTouch?.tokenId ?? null,
      scene: evidenceTouch?.scene ?? null,
      touchAt: evidenceTouch ? evidenceTouch.at.toISOString() : null,
      ruleVersion: rules.version,
      reason,
    },
  };
}

function latestOf(touches: readonly TouchFact[]): TouchFact | null {
  return touches.reduce<TouchFact | null>((b, t) => (!b || t.at.getTime() > b.at.getTime() ? t : b), null);
}

/** Checks a rule set HQ proposes; answers the first offending field or null. */
export function invalidRuleField(r: Partial<AttributionRules>): keyof typeof RULE_BOUNDS | null {
  for (const k of Object.keys(RULE_BOUNDS) as (keyof typeof RULE_BOUNDS)[]) {
    const v = r[k];
    if (v === undefined) continue;
    if (!Number.isInteger(v) || v < RULE_BOUNDS[k].min || v > RULE_BOUNDS[k].max) return k;
  }
  return null;
}
