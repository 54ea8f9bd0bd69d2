import type { ParameterizedContext } from 'koa';
import type { HqRole } from '@common/auth/types';
import type { Logger } from '../logger';
import { AppError } from './app-error';

export type Principal =
  | { kind: 'shopper'; memberId: number }
  | { kind: 'hq'; adminId: number; username: string; role: HqRole; storeId: number | null };

export interface AppState {
  requestId: string;
  log: Logger;
  principal?: Principal;
}

export type AppContext = ParameterizedContext<AppState>;

/** The signed-in HQ admin's id, for audit columns; null when the caller is not HQ. */
export function adminIdOf(ctx: AppContext): number | null {
  return ctx.state.principal?.kind === 'hq' ? ctx.state.principal.adminId : null;
}

/** The signed-in shopper's member id; 401 when the caller is not a shopper. */
export function memberIdOf(ctx: AppContext): number {
  const p = ctx.state.principal;
  if (p?.kind !== 'shopper') throw new AppError('UNAUTHENTICATED');
  return p.memberId;
}

/**
 * The store an HQ caller is confined to: a 门店店长's own store, or null for HQ-wide roles.
 * Routes open to store managers filter by it and answer 404 for another store's rows.
 */
export function storeScopeOf(ctx: AppContext): number | null {
  const p = ctx.state.principal;
  return p?.kind === 'hq' && p.role === 'store_manager' ? p.storeId : null;
}
