/** Shipping addresses, owned by one shopper. In weapp they can be filled from wx.chooseAddress. */

export interface AddressInput {
  /** Receiver name (收货人). */
  name: string;
  /** Mainland mobile (11 digits, starting 1) or a landline like 010-12345678. */
  phone: string;
  province: string;
  city: string;
  district: string;
  /** Street and house number (详细地址). */
  detail: string;
  isDefault: boolean;
}

export interface AddressDto extends AddressInput {
  id: number;
}

/** What an order keeps of the address at purchase: later edits never change a placed order. */
export interface AddressSnapshot {
  name: string;
  phone: string;
  region: string;
  detail: string;
}

export const MAX_ADDRESSES = 20;
