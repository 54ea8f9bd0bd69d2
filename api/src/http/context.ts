import type { ParameterizedContext } from 'koa';
import type { HqRole } from '@common/auth/types';
import type { Logger } from '../logger';

export type Principal =
  | { kind: 'shopper'; memberId: number }
  | { kind: 'hq'; adminId: number; username: string; role: HqRole };

export interface AppState {
  requestId: string;
  log: Logger;
  principal?: Principal;
  /** Set by validate(): the parsed, typed inputs. */
  query?: unknown;
  body?: unknown;
  params?: unknown;
}

export type AppContext = ParameterizedContext<AppState>;
