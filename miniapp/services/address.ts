/** The shopper's shipping addresses (default first). */
import type { AddressDto, AddressInput } from '@common/address/types';
import { request } from './http';

export function fetchAddresses(): Promise<AddressDto[]> {
  return request<AddressDto[]>('GET', '/api/addresses');
}

export function createAddress(input: AddressInput): Promise<AddressDto> {
  return request<AddressDto>('POST', '/api/addresses', { body: input });
}

export function updateAddress(id: number, input: AddressInput): Promise<AddressDto> {
  return request<AddressDto>('PUT', `/api/addresses/${id}`, { body: input });
}

export function deleteAddress(id: number): Promise<null> {
  return request<null>('DELETE', `/api/addresses/${id}`);
}

/**
 * The address picked on 地址管理 in choose mode, handed back to 确认订单 (which reads and clears
 * it when it shows again). A module value, not storage: it only lives for one navigation.
 */
let chosen: AddressDto | null = null;

export function setChosenAddress(address: AddressDto): void {
  chosen = address;
}

export function takeChosenAddress(): AddressDto | null {
  const a = chosen;
  chosen = null;
  return a;
}
