/** Mini-program: fill the address form from wx.chooseAddress (the shopper's WeChat addresses). */
import Taro from '@tarojs/taro';
import type { AddressInput } from '@common/address/types';

export const canChooseWechatAddress = true;

export async function chooseWechatAddress(): Promise<Omit<AddressInput, 'isDefault'> | null> {
  try {
    const a = await Taro.chooseAddress();
    return {
      name: a.userName ?? '',
      phone: a.telNumber ?? '',
      province: a.provinceName ?? '',
      city: a.cityName ?? '',
      district: a.countyName ?? '',
      detail: a.detailInfo ?? '',
    };
  } catch {
    // Cancelled, or the privacy authorisation was refused: the form stays as it was.
    return null;
  }
}
