import Taro from '@tarojs/taro';
import type { SubscribeKind } from '@common/subscriptions/rules';
import { answersOf, templateIdsOf } from './subscribe-templates';
import { recordSubscriptions } from './subscriptions';

export async function askGroupNotices(tmplIds: string[]): Promise<void> {
  if (tmplIds.length === 0) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds: tmplIds.slice(0, 3) } as Taro.requestSubscribeMessage.Option);
  } catch {
    // Refused, or the switch is off in settings: the seat is still taken; no notice will come.
  }
}

export async function askSubscribe(kinds: readonly SubscribeKind[]): Promise<void> {
  const tmplIds = templateIdsOf(kinds);
  if (!tmplIds.length) return;
  try {
    const res = await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
    const results = answersOf(res as unknown as Record<string, unknown>, tmplIds);
    if (Object.keys(results).length) await recordSubscriptions(results);
  } catch {
    // Closed, not allowed here, or offline: nothing recorded, nothing to tell the shopper.
  }
}
