/**
 * 图片上传: HQ posts a picture's bytes as the body (Content-Type image/png, image/jpeg or
 * image/webp; the JSON body parser leaves such bodies alone). The size is limited while reading,
 * so a wrong Content-Length does not get past it, and the type is decided by the bytes themselves:
 *   empty → 400 IMAGE_EMPTY (field `body`); too big → 413 IMAGE_TOO_LARGE;
 *   not PNG/JPEG/WebP, whatever it claims to be → 415 IMAGE_TYPE_UNSUPPORTED.
 * Stored pictures are served back at /uploads/images/<sha256>.<ext>, cached for good (the name is
 * the content), with their sniffed type and nosniff, so nothing uploaded is ever served as HTML.
 */
import type { Readable } from 'node:stream';
import type { HqRole } from '@common/auth/types';
import { IMAGE_MIME, MAX_IMAGE_BYTES, sniffImage, type ImageType } from '@common/catalogue/image-type';
import type { ApiRouter } from '../../http/api-router';
import { AppError } from '../../http/app-error';
import type { AppContext } from '../../http/context';
import { UPLOADS_PREFIX, isImageName, type ImageStorage } from './image-storage';

export const UPLOAD_PATH = '/api/hq/uploads/images';

/** Reads at most `limit` bytes of the request; one more and it stops with IMAGE_TOO_LARGE. */
async function readLimited(ctx: AppContext, limit: number): Promise<Buffer> {
  const req = ctx.req as Readable;
  const declared = Number(ctx.get('content-length') || 0);
  // The rest of a refused body is not read: the answer closes the connection instead.
  if (declared > limit) {
    ctx.set('Connection', 'close');
    throw new AppError('IMAGE_TOO_LARGE', `${declared} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      ctx.set('Connection', 'close');
      throw new AppError('IMAGE_TOO_LARGE', `over ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function registerUploadRoutes(api: ApiRouter, storage: ImageStorage, editors: readonly HqRole[]): void {
  api.route(
    {
      method: 'post',
      path: UPLOAD_PATH,
      tag: 'hq',
      summary: '总部：上传商品图片（请求体为图片本身；PNG/JPEG/WebP，按内容识别，不超过 2 MB）',
      access: { hq: editors },
      status: 201,
    },
    async (ctx) => {
      const bytes = await readLimited(ctx, MAX_IMAGE_BYTES);
      if (!bytes.length) throw new AppError('IMAGE_EMPTY', undefined, [{ field: 'body', message: '请选择要上传的图片' }]);
      const type: ImageType | null = sniffImage(bytes);
      if (!type) throw new AppError('IMAGE_TYPE_UNSUPPORTED', ctx.get('content-type'));
      const stored = await storage.put(bytes, type);
      return { url: stored.url, type, bytes: bytes.length };
    },
  );

  // The stored pictures: public (products show them to anyone), immutable (content-addressed).
  api.router.get(`${UPLOADS_PREFIX}:name`, async (ctx, next) => {
    const name = String(ctx.params.name);
    const bytes = isImageName(name) ? await storage.get(name) : null;
    if (!bytes) return next();
    const type = sniffImage(bytes);
    if (!type) return next();
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    ctx.type = IMAGE_MIME[type];
    ctx.body = bytes;
  });
}
