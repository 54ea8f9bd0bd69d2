/**
 * The console's one way to the API: openapi-fetch typed by the paths generated from the API's own
 * /openapi.json (schema.d.ts, `npm run console:api-types`; a unit test fails when it is stale).
 * Every answer is `{ ok, data }` or `{ ok:false, code, message, field?, issues? }`; `call` returns
 * the data or throws an ApiError carrying the code, the Chinese message and the fields named.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { nextLogin, sessionExpired, storedSession } from '../session';
import type { paths } from './schema';

export interface FieldIssue {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** A copy of each request sent with a token, to send again after a re-login (fetch consumes the body). */
const copies = new WeakMap<Request, Request>();
const LOGIN_PATH = '/api/hq/auth/login';

const auth: Middleware = {
  onRequest({ request }) {
    if (new URL(request.url, location.href).pathname === LOGIN_PATH) return request;
    // Sent even when this browser's clock says it ran out: the API decides, and its 401 is what
    // brings up the login dialog.
    const s = storedSession();
    if (!s) return request;
    request.headers.set('Authorization', `Bearer ${s.token}`);
    copies.set(request, request.clone());
    return request;
  },
  /**
   * The session ended under this request: the login dialog comes up over the page (ConsoleLayout)
   * and the request waits for it, then goes again with the new token — a form's submit succeeds
   * without re-typing. The API refused the first try before doing anything, so nothing is done
   * twice.
   */
  async onResponse({ request, response }) {
    const copy = copies.get(request);
    if (response.status !== 401 || !copy) return response;
    sessionExpired();
    await nextLogin();
    const again = new Request(copy);
    again.headers.set('Authorization', `Bearer ${storedSession()?.token ?? ''}`);
    return fetch(again);
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

type Envelope<T> = { ok: true; data: T } | { ok: false; code: string; message: string; field?: string; issues?: FieldIssue[] };

/** Unwraps the API's envelope: the data, or an ApiError with the code and the fields named. */
export async function call<T>(p: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  let res: { data?: unknown; error?: unknown; response: Response };
  try {
    res = await p;
  } catch {
    throw new ApiError(0, 'NETWORK', '网络不给力，请检查网络后重试');
  }
  const body = (res.data ?? res.error) as Envelope<T> | undefined;
  if (body && body.ok) return body.data;
  if (body && !body.ok) {
    const issues = body.issues ?? (body.field ? [{ field: body.field, message: body.message }] : []);
    throw new ApiError(res.response.status, body.code, body.message, issues);
  }
  throw new ApiError(res.response.status, 'INTERNAL', '系统繁忙，请稍后再试');
}
