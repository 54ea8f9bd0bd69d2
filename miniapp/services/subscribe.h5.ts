/** H5 has no subscribe messages: the group page shows the result instead, and nothing is asked. */
import type { SubscribeKind } from '@common/subscriptions/rules';

export async function askGroupNotices(_tmplIds: string[]): Promise<void> {
  return undefined;
}

export async function askSubscribe(_kinds: readonly SubscribeKind[]): Promise<void> {
  return undefined;
}
