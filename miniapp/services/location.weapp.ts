/** weapp: wx.getLocation (declared in app.config requiredPrivateInfos); a refusal gives null. */
import Taro from '@tarojs/taro';
import type { GeoPoint } from '@common/pickup/types';

export async function currentLocation(): Promise<GeoPoint | null> {
  try {
    const r = await Taro.getLocation({ type: 'wgs84' });
    return { lat: r.latitude, lng: r.longitude };
  } catch {
    return null;
  }
}
