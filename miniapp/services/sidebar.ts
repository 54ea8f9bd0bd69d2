/**
 * The guide's WeCom sidebar (聊天工具栏): its own guide session, kept apart from the shopper
 * session (another storage key, another audience; a 401 here never logs a shopper out), and the
 * sidebar API of common/sidebar/types.ts.
 */
import Taro from '@tarojs/taro';
import type { ContactProfile, GroupView, GuideNoteDto, JssdkConfig, SendAnswer, SendOutcomeBody, SendRecordDto, SendTargetKind, SendTargets, SidebarOauthConfig, SidebarSession } from '@common/sidebar/types';
import { request, type Method, type RequestOptions } from './http';

export type { ContactProfile, GroupView, JssdkConfig, SendAnswer, SendTargets, SidebarSession };

const KEY = 'loopmall.sidebar';

export function readGuideSession(): SidebarSession | null {
  try {
    const raw = Taro.getStorageSync(KEY) as SidebarSession | '' | undefined;
    if (!raw || typeof raw !== 'object' || !raw.token) return null;
    return Date.parse(raw.expiresAt) > Date.now() ? raw : null;
  } catch {
    return null;
  }
}

export function clearGuideSession(): void {
  try {
    Taro.removeStorageSync(KEY);
  } catch {
    // storage unavailable: nothing to clear
  }
}

/** A guide route: the guide session's token, never the shopper's. */
function asGuide<T>(method: Method, path: string, options: Omit<RequestOptions, 'bearer'> = {}): Promise<T> {
  return request<T>(method, path, { ...options, bearer: readGuideSession()?.token ?? null });
}

export const fetchOauthConfig = () => request<SidebarOauthConfig>('GET', '/api/sidebar/oauth-config', { bearer: null });

/** Exchanges WeCom's web-login code for a guide session and keeps it. */
export async function loginWithCode(code: string): Promise<SidebarSession> {
  const session = await request<SidebarSession>('POST', '/api/sidebar/login', { body: { code }, bearer: null });
  Taro.setStorageSync(KEY, session);
  return session;
}

export const fetchJssdkConfig = (url: string) => asGuide<JssdkConfig>('POST', '/api/sidebar/jssdk-config', { body: { url } });
export const fetchContact = (externalUserId: string) => asGuide<ContactProfile>('GET', `/api/sidebar/contacts/${encodeURIComponent(externalUserId)}`);
export const addNote = (externalUserId: string, text: string) => asGuide<GuideNoteDto>('POST', `/api/sidebar/contacts/${encodeURIComponent(externalUserId)}/notes`, { body: { text } });
export const fetchGroup = (chatId: string) => asGuide<GroupView>('GET', `/api/sidebar/groups/${encodeURIComponent(chatId)}`);
export const fetchTargets = (q?: string, kind?: SendTargetKind) => asGuide<SendTargets>('GET', '/api/sidebar/targets', { query: { q, kind } });
export const prepareSend = (body: { chatKind: 'single' | 'group'; chatId: string; targetKind: SendTargetKind; targetId?: number }) => asGuide<SendAnswer>('POST', '/api/sidebar/sends', { body });
export const reportOutcome = (id: number, body: SendOutcomeBody) => asGuide<SendRecordDto>('PUT', `/api/sidebar/sends/${id}/outcome`, { body });
