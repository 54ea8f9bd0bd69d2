/** Mini-program: fill the address form from wx.chooseAddress (the shopper's WeChat addresses). */
import Taro from '@tarojs/taro';
import type { AddressInput } from '@common/address/types';
import { toast } from '../utils/toast';

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
  } catch (e) {
    // The shopper closed the sheet: the form stays as it was, silently. Anything else (privacy
    // authorisation refused, the API not declared or not allowed) is said, so the form is filled by hand.
    const errMsg = (e as { errMsg?: unknown } | null)?.errMsg;
    if (!(typeof errMsg === 'string' && errMsg.includes('cancel'))) {
      toast('无法获取微信地址，请手动填写');
    }
    return null;
  }
}
