/**
 * The fake WeChat's subscribe-message part: `POST /cgi-bin/message/subscribe/send` (the access
 * token checked by the caller). Real answers: 40003 no openid, 40037 no template, 47003 empty or
 * malformed data or a `thing` over 20 characters, 43101 the user refused or used up the consent.
 */

export interface SubscribeSend {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
}

export class FakeSubscribeMessages {
  /** Messages delivered, in order. */
  readonly sends: SubscribeSend[] = [];
  /** openids that refused (or used up) their consent: sends to them get 43101. */
  readonly refused = new Set<string>();

  /** WeChat's answer to one send's body; a delivered one is kept in `sends`. */
  answer(body: Record<string, unknown> | null): { errcode: number; errmsg: string } {
    if (typeof body?.touser !== 'string' || !body.touser) return { errcode: 40003, errmsg: 'invalid openid' };
    if (typeof body.template_id !== 'string' || !body.template_id) return { errcode: 40037, errmsg: 'invalid template_id' };
    if (!body.data || typeof body.data !== 'object') return { errcode: 47003, errmsg: 'argument invalid! data is empty' };
    const dataProblem = subscribeDataProblem(body.data as Record<string, unknown>);
    if (dataProblem) return { errcode: 47003, errmsg: `argument invalid! ${dataProblem}` };
    if (this.refused.has(body.touser)) return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    this.sends.push({ touser: body.touser, templateId: body.template_id, page: body.page as string | undefined, data: body.data as SubscribeSend['data'] });
    return { errcode: 0, errmsg: 'ok' };
  }
}

/** What WeChat refuses in a subscribe message's data (47003): nothing, a malformed entry, a too-long `thing`. */
function subscribeDataProblem(data: Record<string, unknown>): string | null {
  const entries = Object.entries(data);
  if (!entries.length) return 'data is empty';
  for (const [key, entry] of entries) {
    const value = (entry as { value?: unknown } | null)?.value;
    if (typeof value !== 'string' || !value) return `data.${key}.value is empty`;
    if (/^thing\d+$/.test(key) && [...value].length > 20) return `data.${key}.value exceeds limit`;
  }
  return null;
}
