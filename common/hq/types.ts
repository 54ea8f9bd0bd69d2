/**
 * DTOs of the HQ console's accounts, audit log (操作日志) and 概览, shared by the API and the
 * console. The request schemas (zod) sit beside the routes in the API modules (hq-accounts,
 * audit, overview); the console gets them typed through /openapi.json.
 */
import type { HqRole } from '../auth/types';
import type { Page } from '../paging';

/** An HQ account as the console lists it (never its password hash). */
export interface HqAccountDto {
  id: number;
  username: string;
  role: HqRole;
  /** The store a 门店店长 is bound to; null for every other role. */
  storeId: number | null;
  active: boolean;
  /** ISO-8601 UTC; the account refuses logins until then (repeated failures). */
  lockedUntil: string | null;
  createdAt: string;
}

/** POST /api/hq/accounts */
export interface CreateHqAccountBody {
  username: string;
  password: string;
  role: HqRole;
  /** Required for store_manager, refused for every other role. */
  storeId?: number | null;
}

/** PATCH /api/hq/accounts/:id — change the role (and store) or enable/disable. */
export interface UpdateHqAccountBody {
  role?: HqRole;
  storeId?: number | null;
  active?: boolean;
}

/** POST /api/hq/accounts/:id/password — an owner sets a new password (also clears a lockout). */
export interface ResetPasswordBody {
  password: string;
}

/** GET /api/hq/me */
export interface HqMeDto {
  id: number;
  username: string;
  role: HqRole;
  storeId: number | null;
}

/** One row of the append-only audit log. */
export interface AuditEntryDto {
  id: number;
  at: string;
  adminId: number;
  username: string;
  role: HqRole;
  /** `METHOD /api/hq/path/:param` as declared, e.g. `POST /api/hq/accounts`. */
  action: string;
  /** What the route writes, e.g. `accounts`, `products`, `orders`. */
  objectType: string;
  objectId: string | null;
  /** JSON values, secrets (password, passwordHash, token …) replaced by "[redacted]". */
  before: unknown;
  after: unknown;
  requestId: string;
}

/** GET /api/hq/audit query: every filter optional; dates are Beijing calendar days (YYYY-MM-DD). */
export interface AuditQuery {
  adminId?: number;
  username?: string;
  objectType?: string;
  objectId?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}
export type AuditPage = Page<AuditEntryDto>;

/** One period's figures on 概览. Money in fen. */
export interface OverviewFigures {
  gmvFen: number;
  orders: number;
  /** Average order value, fen (0 when no orders). */
  aovFen: number;
  newMembers: number;
  /** GMV of orders attributed to a guide / GMV, in basis points (0..10000). */
  guideShareBp: number;
  /** Of the members whose first paid order fell in the period, how many have added their guide, basis points. */
  addGuideRateBp: number;
}

export interface OverviewDto {
  /** Null for HQ-wide; the store a 门店店长 is scoped to. */
  storeId: number | null;
  today: OverviewFigures;
  last7Days: OverviewFigures;
  last30Days: OverviewFigures;
  /** Daily GMV of the last 30 Beijing days, oldest first. */
  trend: { day: string; gmvFen: number; orders: number }[];
  topProducts: { productId: number; title: string; quantity: number; gmvFen: number }[];
  guideLeaderboard: { guideId: number; name: string; storeId: number; gmvFen: number; orders: number }[];
}
