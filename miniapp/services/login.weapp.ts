/** Mini-program login: wx.login hands out a one-time code the API trades for a session. */
import Taro from '@tarojs/taro';
import { ApiError } from './http';

export async function obtainLoginCode(): Promise<string> {
  try {
    const { code } = await Taro.login();
    if (!code) throw new Error('wx.login returned no code');
    return code;
  } catch {
    throw new ApiError('WECHAT_UNAVAILABLE', 0);
  }
}
