/** Identity DTOs shared by the API and the mini-program. */

export interface MemberDto {
  id: number;
  nickname: string;
  avatarUrl: string | null;
  /** Whether WeChat gave us a unionid (the mini-program is bound to an open-platform account). */
  hasUnionId: boolean;
  createdAt: string;
}

export interface ShopperSession {
  token: string;
  /** ISO-8601 UTC instant after which the token is refused. */
  expiresAt: string;
  member: MemberDto;
  isNew: boolean;
}

/**
 * 总部管理员 (owner), 运营 (operator), 财务 (finance; formerly 'analyst', renamed by migration),
 * 门店店长 (store_manager, bound to one store). What each may do: common/hq/roles.ts.
 */
export const HQ_ROLES = ['owner', 'operator', 'finance', 'store_manager'] as const;
export type HqRole = (typeof HQ_ROLES)[number];

export interface HqSession {
  token: string;
  expiresAt: string;
  username: string;
  role: HqRole;
  /** The store a 门店店长 is bound to; null otherwise. */
  storeId: number | null;
}
