import Taro from '@tarojs/taro';

export async function askGroupNotices(tmplIds: string[]): Promise<void> {
  if (tmplIds.length === 0) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds: tmplIds.slice(0, 3) } as Taro.requestSubscribeMessage.Option);
  } catch {
    // Refused, or the switch is off in settings: the seat is still taken; no notice will come.
  }
}
