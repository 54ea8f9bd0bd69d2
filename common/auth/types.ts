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

export const HQ_ROLES = ['owner', 'operator', 'analyst'] as const;
export type HqRole = (typeof HQ_ROLES)[number];

export interface HqSession {
  token: string;
  expiresAt: string;
  username: string;
  role: HqRole;
}
