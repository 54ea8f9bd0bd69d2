/** Pure address rules, shared by the API (validation) and the pages (form hints). */
import type { AddressInput, AddressSnapshot } from './types';

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

export function isValidPhone(phone: string): boolean {
  return MOBILE.test(phone) || LANDLINE.test(phone);
}

/** 138****1234: how a phone shows on lists and in logs. */
export function maskPhone(phone: string): string {
  return MOBILE.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

/** 广东省 深圳市 南山区 (municipalities: 上海市 上海市 → 上海市). */
export function regionLabel(a: Pick<AddressInput, 'province' | 'city' | 'district'>): string {
  const parts = [a.province, a.city, a.district].filter((p, i, all) => p && all.indexOf(p) === i);
  return parts.join(' ');
}

export function snapshotOf(a: AddressInput): AddressSnapshot {
  return { name: a.name, phone: a.phone, region: regionLabel(a), detail: a.detail };
}
