import type { ParameterizedContext } from 'koa';
import type { HqRole } from '@common/auth/types';
import type { Logger } from '../logger';

export type Principal =
  | { kind: 'shopper'; memberId: number }
  | { kind: 'hq'; adminId: number; username: string; role: HqRole }
  | { kind: 'guide'; guideId: number };

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
