import { campaignPhase, canChangeStock, canJoinGroup, canTakeSeat, checkCampaignTerms, groupDeadline, groupOutcome, secondsLeft, type CampaignFacts, type GroupFacts } from './rules';

const T0 = new Date('2026-12-01T02:00:00.000Z'); // 10:00 in Shanghai
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const campaign = (over: Partial<CampaignFacts> = {}): CampaignFacts => ({ status: 'scheduled', startAt: T0, endAt: at(3 * 24 * 60), groupHours: 24, perShopperLimit: 2, left: 100, ...over });
const group = (over: Partial<GroupFacts> = {}): GroupFacts => ({ status: 'open', size: 3, seatsTaken: 1, seatsPaid: 1, expiresAt: at(24 * 60), ...over });

describe('campaignPhase', () => {
  it.each([
    ['draft', 10, 'draft'],
    ['scheduled', -1, 'upcoming'],
    ['scheduled', 0, 'running'],
    ['running', 60, 'running'],
    ['scheduled', 3 * 24 * 60, 'ended'],
    ['running', 3 * 24 * 60 + 1, 'ended'],
    ['ended', 10, 'ended'],
  ] as const)('%s at +%i min → %s', (status, minutes, phase) => {
    expect(campaignPhase(campaign({ status }), at(minutes))).toBe(phase);
  });
});

describe('canTakeSeat', () => {
  it.each([
    ['one second before the start', campaign(), -1 / 60, 1, 0, 'GROUPBUY_NOT_STARTED'],
    ['a draft', campaign({ status: 'draft' }), 10, 1, 0, 'GROUPBUY_NOT_STARTED'],
    ['at the start', campaign(), 0, 1, 0, null],
    ['after the end', campaign(), 3 * 24 * 60, 1, 0, 'GROUPBUY_ENDED'],
    ['ended early', campaign({ status: 'ended' }), 10, 1, 0, 'GROUPBUY_ENDED'],
    ['a quantity above the limit', campaign(), 10, 3, 0, 'GROUPBUY_QUANTITY_OVER_LIMIT'],
    ['up to the limit', campaign(), 10, 1, 1, null],
    ['beyond the limit with what is held', campaign(), 10, 2, 1, 'GROUPBUY_LIMIT_REACHED'],
    ['sold out', campaign({ left: 0 }), 10, 1, 0, 'GROUPBUY_SOLD_OUT'],
    ['fewer left than asked', campaign({ left: 1 }), 10, 2, 0, 'GROUPBUY_SOLD_OUT'],
  ] as const)('%s', (_name, c, minutes, quantity, mine, code) => {
    const d = canTakeSeat(c, at(minutes), quantity, mine);
    expect(d).toEqual(code ? { ok: false, code } : { ok: true });
  });
});

describe('canJoinGroup', () => {
  it.each([
    ['an open group with room', group(), false, 10, null],
    ['own group again', group(), true, 10, 'GROUPBUY_ALREADY_IN_GROUP'],
    ['a full group', group({ seatsTaken: 3 }), false, 10, 'GROUPBUY_GROUP_FULL'],
    ['a group past its deadline', group(), false, 24 * 60, 'GROUPBUY_GROUP_CLOSED'],
    ['a succeeded group', group({ status: 'succeeded', seatsTaken: 3 }), false, 10, 'GROUPBUY_GROUP_CLOSED'],
    ['a failed group', group({ status: 'failed' }), false, 10, 'GROUPBUY_GROUP_CLOSED'],
  ] as const)('%s', (_name, g, mine, minutes, code) => {
    expect(canJoinGroup(g, at(minutes), mine)).toEqual(code ? { ok: false, code } : { ok: true });
  });
});

describe('groupDeadline', () => {
  it('is the time limit after opening', () => {
    expect(groupDeadline(campaign(), at(60))).toEqual(at(60 + 24 * 60));
  });
  it('never passes the campaign end', () => {
    expect(groupDeadline(campaign(), at(3 * 24 * 60 - 30))).toEqual(at(3 * 24 * 60));
  });
});

describe('groupOutcome', () => {
  it.each([
    ['waiting for members', group(), false, 10, 'wait'],
    ['all seats taken, one unpaid', group({ seatsTaken: 3, seatsPaid: 2 }), false, 10, 'wait'],
    ['all seats paid', group({ seatsTaken: 3, seatsPaid: 3 }), false, 10, 'succeed'],
    ['all paid, checked after the deadline', group({ seatsTaken: 3, seatsPaid: 3 }), false, 24 * 60 + 5, 'succeed'],
    ['deadline passed short of members', group(), false, 24 * 60, 'fail'],
    ['campaign ended early', group(), true, 10, 'fail'],
    ['already succeeded', group({ status: 'succeeded' }), true, 10, 'settled'],
    ['already failed', group({ status: 'failed' }), false, 10, 'settled'],
  ] as const)('%s', (_name, g, ended, minutes, outcome) => {
    expect(groupOutcome(g, ended, at(minutes))).toBe(outcome);
  });
});

describe('terms and stock', () => {
  it('refuses an empty window and a group price not below the SKU price', () => {
    expect(checkCampaignTerms({ startAt: T0, endAt: T0, groupPriceFen: 100 }, 200)).toEqual({ ok: false, code: 'GROUPBUY_WINDOW_INVALID', field: 'endAt' });
    expect(checkCampaignTerms({ startAt: T0, endAt: at(1), groupPriceFen: 200 }, 200)).toEqual({ ok: false, code: 'GROUPBUY_PRICE_INVALID', field: 'groupPriceFen' });
    expect(checkCampaignTerms({ startAt: T0, endAt: at(1), groupPriceFen: 199 }, 200)).toEqual({ ok: true });
  });
  it.each([
    [{ total: 100, left: 40 }, -40, true],
    [{ total: 100, left: 40 }, -41, false],
    [{ total: 100, left: 40 }, 99_900, true],
    [{ total: 100, left: 40 }, 99_901, false],
  ])('%o by %i → %s', (s, delta, ok) => {
    expect(canChangeStock(s, delta)).toBe(ok);
  });
  it('counts down in whole seconds, never below zero', () => {
    expect(secondsLeft(at(1), new Date(T0.getTime() + 500))).toBe(59);
    expect(secondsLeft(T0, at(1))).toBe(0);
  });
});
