/** 会员卡 (开卡 with the phone number) and 会员码: the API calls and the stored last code (offline). */
import Taro from '@tarojs/taro';
import type { MemberCardStatusDto, MemberCodeDto } from '@common/member-card/types';
import type { CachedCode } from '@common/member-card/code-cache';
import { request } from './http';

export type { MemberCardStatusDto, MemberCodeDto };

export const fetchCardStatus = () => request<MemberCardStatusDto>('GET', '/api/me/member-card');
/** The getPhoneNumber button's one-time code → the server exchanges it with WeChat. */
export const openCard = (code: string) => request<MemberCardStatusDto>('POST', '/api/me/member-card/open', { body: { code } });
export const fetchMemberCode = () => request<MemberCodeDto>('GET', '/api/me/member-code');
/** Development (H5, fake WeChat): the code a phone button would give for this number. */
export const devPhoneCode = (phone: string) => request<{ code: string }>('POST', '/api/me/member-card/dev-phone-code', { body: { phone } });

const KEY = 'loopmall.memberCode';

/** The last code, kept so the page still shows it offline until the counter stops accepting it. */
export function readCachedCode(): CachedCode | null {
  try {
    const raw = Taro.getStorageSync(KEY) as CachedCode | '' | undefined;
    return raw && typeof raw === 'object' && raw.code?.token ? raw : null;
  } catch {
    return null;
  }
}

export function saveCachedCode(cached: CachedCode): void {
  try {
    Taro.setStorageSync(KEY, cached);
  } catch {
    // storage full or unavailable: the page still shows the code it holds
  }
}
