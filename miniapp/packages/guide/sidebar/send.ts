/**
 * Sending a card into the chat the sidebar was opened in: the API records the send and answers
 * the sendChatMessage payload (page path with `.html`, the guide's token and the group's chat id);
 * the WeCom client sends it; the page reports what the client said.
 */
import type { SendTargetKind } from '@common/sidebar/types';
import { isApiError, messageOf } from '../../../services/http';
import { prepareSend, reportOutcome } from '../../../services/sidebar';
import { wecomBridge } from '../../../services/wecom-bridge';
import { isWecomClientError, toWecomError } from '../../../services/wecom-errors';
import type { Chat } from './boot';

export type SendResult = { ok: true } | { ok: false; message: string; detail?: string; cancelled?: boolean };

export async function sendCard(chat: Chat, target: { kind: SendTargetKind; id: number | null }): Promise<SendResult> {
  let answer;
  try {
    answer = await prepareSend({
      chatKind: chat.kind,
      chatId: chat.kind === 'group' ? chat.chatId : chat.externalUserId,
      targetKind: target.kind,
      targetId: target.id ?? undefined,
    });
  } catch (e) {
    return { ok: false, message: messageOf(e) };
  }
  try {
    await wecomBridge.sendMiniprogram(answer.payload.miniprogram);
  } catch (e) {
    const err = isWecomClientError(e) || !isApiError(e) ? toWecomError(e) : null;
    const cancelled = err?.failure === 'cancelled';
    // Best effort: a lost report leaves the record 'prepared'; the card itself went (or not) already.
    await reportOutcome(answer.record.id, { outcome: cancelled ? 'cancelled' : 'failed', errMsg: err?.errMsg.slice(0, 200) || undefined }).catch(() => undefined);
    return { ok: false, message: err ? err.message : messageOf(e), detail: err?.errMsg, cancelled };
  }
  await reportOutcome(answer.record.id, { outcome: 'sent' }).catch(() => undefined);
  return { ok: true };
}
