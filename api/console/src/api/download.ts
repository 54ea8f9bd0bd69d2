/**
 * Downloads a file the API streams (a CSV export) with the session's token, and saves it under the
 * name the server gave (Content-Disposition) or `fallbackName`. A refusal comes back as the
 * API's usual envelope and is thrown as an ApiError, so a page shows it like any other.
 */
import { sessionExpired, storedSession } from '../session';
import { ApiError } from './client';

export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  const s = storedSession();
  let res: Response;
  try {
    res = await fetch(url, { headers: s ? { Authorization: `Bearer ${s.token}` } : {} });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络不给力，请检查网络后重试');
  }
  if (!res.ok) {
    if (res.status === 401 && s) sessionExpired();
    const body = (await res.json().catch(() => null)) as { code?: string; message?: string; issues?: { field: string; message: string }[] } | null;
    throw new ApiError(res.status, body?.code ?? 'INTERNAL', body?.message ?? '导出失败，请稍后再试', body?.issues ?? []);
  }
  const named = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '');
  const name = named ? decodeURIComponent(named[1]) : fallbackName;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}
