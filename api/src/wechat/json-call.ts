/**
 * The JSON call WeChat and WeCom share: both answer HTTP 200 with `errcode`/`errmsg`, and both
 * clients sort failures the same way. Network trouble, HTTP 5xx, a body that is not JSON and
 * errcode -1 ("system busy") are WeChatUnavailableError (nothing the caller did wrong); any other
 * non-zero errcode is WeChatApiError. Token handling stays with each client.
 */

/** WeChat (or WeCom) refused the call with this errcode. */
export class WeChatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat API error ${errcode}: ${errmsg}`);
    this.name = 'WeChatApiError';
  }
}

/** The network or WeChat itself failed (timeout, 5xx, not JSON): nothing the caller did wrong. */
export class WeChatUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WeChatUnavailableError';
  }
}

export interface JsonEndpoint {
  baseUrl: string;
  timeoutMs: number;
  /** Names the service in error messages ("WeChat", "WeCom"). */
  service: string;
}

/** Sends the request; the response is returned as is unless the network failed or the status is 5xx. */
export async function sendJson(ep: JsonEndpoint, method: 'GET' | 'POST', path: string, json?: unknown): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(new URL(path, ep.baseUrl), {
      method,
      headers: json ? { 'content-type': 'application/json' } : undefined,
      body: json ? JSON.stringify(json) : undefined,
      signal: AbortSignal.timeout(ep.timeoutMs),
    });
  } catch (err) {
    throw new WeChatUnavailableError(`${ep.service} request failed: ${(err as Error).message}`, { cause: err });
  }
  if (res.status >= 500) throw new WeChatUnavailableError(`${ep.service} answered HTTP ${res.status}`);
  return res;
}

export async function jsonBodyOf(ep: JsonEndpoint, res: Response): Promise<Record<string, any>> {
  try {
    return (await res.json()) as Record<string, any>;
  } catch (err) {
    throw new WeChatUnavailableError(`${ep.service} answered something that is not JSON`, { cause: err });
  }
}

/** Failures come as 200 with a non-zero errcode; -1 means "system busy, retry". */
export function throwOnErrcode(ep: JsonEndpoint, body: Record<string, any>): void {
  if (typeof body.errcode === 'number' && body.errcode !== 0) {
    if (body.errcode === -1) throw new WeChatUnavailableError(`${ep.service} busy: ${body.errmsg}`);
    throw new WeChatApiError(body.errcode, String(body.errmsg ?? ''));
  }
}

/** One JSON call: the answer's body, or the error its errcode means. */
export async function callJson(ep: JsonEndpoint, method: 'GET' | 'POST', path: string, json?: unknown): Promise<Record<string, any>> {
  const body = await jsonBodyOf(ep, await sendJson(ep, method, path, json));
  throwOnErrcode(ep, body);
  return body;
}
