/**
 * The ROI plan (the plans' first-year template) against real data, month by month. HQ enters
 * yearly costs and the assumptions; the plan side is computed from them, the actual side from
 * the aggregates. Money in fen, rates in basis points, the ROI multiple in hundredths. Pure.
 */
import { bp } from './definitions';

export interface RoiPlanInput {
  /** Yearly costs (fen). */
  softwareFen: number;
  materialsFen: number;
  operatorFen: number;
  incentivesFen: number;
  /** Assumptions: store visitors a month, and the shares (bp) that join, are active monthly, convert. */
  visitorsPerMonth: number;
  joinBp: number;
  activeBp: number;
  conversionBp: number;
  aovFen: number;
}

/** The template of the plans: software 40,000 (30–50k), materials 10,000, one operator 120,000, incentives 50,000; 10,000 visitors, 10 % join, 30 % active, 15 % conversion, ¥150. */
export const DEFAULT_ROI_PLAN: RoiPlanInput = {
  softwareFen: 4_000_000,
  materialsFen: 1_000_000,
  operatorFen: 12_000_000,
  incentivesFen: 5_000_000,
  visitorsPerMonth: 10_000,
  joinBp: 1000,
  activeBp: 3000,
  conversionBp: 1500,
  aovFen: 15_000,
};

export interface RoiRow {
  month: string;
  membersJoined: number;
  /** Members to date (the MAU share's denominator). */
  members: number;
  mauShare: number;
  conversion: number;
  aovFen: number;
  gmvFen: number;
  costFen: number;
  /** GMV ÷ cost, in hundredths (350 = 3.5×); 0 when there is no cost. */
  roiX100: number;
}

/** Plan months: members grow by visitors × join each month; GMV = members × active × conversion × AOV; cost = yearly costs ÷ 12. */
export function planMonths(p: RoiPlanInput, months: readonly string[]): RoiRow[] {
  const joined = Math.round((p.visitorsPerMonth * p.joinBp) / 10_000);
  const monthlyCost = Math.round((p.softwareFen + p.materialsFen + p.operatorFen + p.incentivesFen) / 12);
  let members = 0;
  return months.map((month) => {
    members += joined;
    const buyers = (members * p.activeBp * p.conversionBp) / 10_000 / 10_000;
    const gmvFen = Math.round(buyers * p.aovFen);
    return { month, membersJoined: joined, members, mauShare: p.activeBp, conversion: p.conversionBp, aovFen: p.aovFen, gmvFen, costFen: monthlyCost, roiX100: roiX100(gmvFen, monthlyCost) };
  });
}

export interface ActualMonth {
  month: string;
  newMembers: number;
  membersToDate: number;
  activeMembers: number;
  payingMembers: number;
  paidOrders: number;
  netGmvFen: number;
  /** Face value of coupons used in orders paid that month. */
  couponFaceFen: number;
  /** Points redeemed (spent) that month; 100 points = ¥1. */
  pointsSpent: number;
}

/** Points to fen at the plans' rate of 100 points = ¥1 (1 point = 1 fen). */
export const pointsToFen = (points: number): number => points;

/** Actual months: fixed costs as planned (÷ 12), incentives from real data (coupons used + points redeemed). */
export function actualMonths(p: RoiPlanInput, rows: readonly ActualMonth[]): RoiRow[] {
  const fixed = Math.round((p.softwareFen + p.materialsFen + p.operatorFen) / 12);
  return rows.map((a) => {
    const costFen = fixed + a.couponFaceFen + pointsToFen(a.pointsSpent);
    return {
      month: a.month,
      membersJoined: a.newMembers,
      members: a.membersToDate,
      mauShare: bp(a.activeMembers, a.membersToDate),
      conversion: bp(a.payingMembers, a.activeMembers),
      aovFen: a.paidOrders > 0 ? Math.round(a.netGmvFen / a.paidOrders) : 0,
      gmvFen: a.netGmvFen,
      costFen,
      roiX100: roiX100(a.netGmvFen, costFen),
    };
  });
}

export function roiX100(gmvFen: number, costFen: number): number {
  return costFen > 0 ? Math.round((gmvFen / costFen) * 100) : 0;
}
