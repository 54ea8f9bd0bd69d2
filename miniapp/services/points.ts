/** Membership and points: 我的 card, 签到, 积分明细, birthday. */
import type { MemberCardDto, PointsLedgerPage, SigninResultDto, SigninStatusDto } from '@common/membership/types';
import { request } from './http';

export const fetchMemberCard = () => request<MemberCardDto>('GET', '/api/membership/card');
export const setBirthday = (birthday: string) => request<MemberCardDto>('PUT', '/api/membership/birthday', { body: { birthday } });
export const fetchLedger = (page: number, pageSize = 20) => request<PointsLedgerPage>('GET', '/api/points/ledger', { query: { page, pageSize } });
export const fetchSignin = (month?: string) => request<SigninStatusDto>('GET', '/api/points/signin', { query: { month } });
export const signIn = () => request<SigninResultDto>('POST', '/api/points/signin', { body: {} });
