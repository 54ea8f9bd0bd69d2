/** H5 has no wx.chooseAddress: the shopper types the address. */
import type { AddressInput } from '@common/address/types';

export const canChooseWechatAddress = false;

export async function chooseWechatAddress(): Promise<Omit<AddressInput, 'isDefault'> | null> {
  return null;
}
