/**
 * Picture upload: the file's bytes as the request body (Content-Type: the file's type), answered
 * with `{ url }` under the API's envelope. The server checks the type by content and the size, and
 * names the refusal (400 / 413 / 415) with its Chinese message.
 */
import { MAX_IMAGE_BYTES } from '@common/catalogue/image-type';
import { sessionExpired, storedSession } from '../session';
import { ApiError } from './client';

export const UPLOAD_PATH = '/api/hq/uploads/images';

export async function uploadImage(file: Blob): Promise<string> {
  // The server's limit, checked here first so a big file is not sent at all.
  if (file.size > MAX_IMAGE_BYTES) throw new ApiError(413, 'IMAGE_TOO_LARGE', '图片不能超过 2 MB');
  const s = storedSession();
  let res: Response;
  try {
    res = await fetch(UPLOAD_PATH, {
      method: 'POST',
      body: file,
      headers: { 'Content-Type': file.type || 'application/octet-stream', ...(s ? { Authorization: `Bearer ${s.token}` } : {}) },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络不给力，请检查网络后重试');
  }
  if (res.status === 401 && s) sessionExpired();
  const body = (await res.json().catch(() => null)) as { ok: boolean; data?: { url: string }; code?: string; message?: string } | null;
  if (body?.ok && body.data) return body.data.url;
  throw new ApiError(res.status, body?.code ?? 'INTERNAL', body?.message ?? '上传失败，请稍后再试');
}
