/**
 * The four HQ roles and what each may do, as data: the API's routes take their access lists from
 * here, and the console hides menu entries a role cannot open. Pure; no imports beyond types.
 */
import type { HqRole } from '../auth/types';

export const HQ_ROLE_LABELS: Record<HqRole, string> = {
  owner: '总部管理员',
  operator: '运营',
  finance: '财务',
  store_manager: '门店店长',
};

/** Roles that see HQ-wide data (catalogue, campaigns, every store's orders). */
export const HQ_WIDE: readonly HqRole[] = ['owner', 'operator', 'finance'];
/** Catalogue, campaigns, coupons, points rules, points mall, content, shipping. */
export const HQ_OPERATORS: readonly HqRole[] = ['owner', 'operator'];
/** Refunds, commission, exports. */
export const HQ_FINANCE: readonly HqRole[] = ['owner', 'finance'];
/** Accounts, the audit log, attribution rules. */
export const HQ_OWNER: readonly HqRole[] = ['owner'];
/** Store-scoped reads: a store manager sees only their own store's rows (404 for any other). */
export const HQ_STORE_READERS: readonly HqRole[] = ['owner', 'operator', 'finance', 'store_manager'];

/** The store counter's work in the console (自提核销): a store manager at their own store, or HQ operations. */
export const HQ_STORE_COUNTER: readonly HqRole[] = ['owner', 'operator', 'store_manager'];

/** Whether a role's account must be bound to a store (and only that role may be). */
export function needsStore(role: HqRole): boolean {
  return role === 'store_manager';
}
