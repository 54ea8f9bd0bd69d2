/** DTOs of the member card (开卡 with the phone number) and the member code (会员码). */

/** GET /api/me/member-card: whether the card is open, and the phone it is tied to, masked. */
export interface MemberCardStatusDto {
  opened: boolean;
  /** `138****8000`; null until the card is opened. */
  maskedPhone: string | null;
  openedAt: string | null;
}

/** GET /api/me/member-code: the signed short-lived token the counter scans (barcode and QR). */
export interface MemberCodeDto {
  token: string;
  issuedAt: string;
  /** The counter refuses it after this (2 minutes after issue). */
  expiresAt: string;
  /** When the page should fetch the next one (60 s after issue). */
  refreshAt: string;
  /** The server's clock at answer time, so a page with a wrong clock still refreshes on time. */
  serverNow: string;
}

/** HQ: a member's phone as every HQ role that may see members sees it. */
export interface MemberPhoneDto {
  memberId: number;
  maskedPhone: string | null;
  verifiedAt: string | null;
}

/** HQ reveal (owner, finance; audited): the full number. */
export interface MemberPhoneRevealDto {
  memberId: number;
  maskedPhone: string;
  /** The field name ends in `fullPhone`, which the audit log redacts: the log records the reveal, not the number. */
  fullPhone: string;
  countryCode: string;
}
