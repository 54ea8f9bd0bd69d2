/**
 * The counter's signed requests (README "Connecting a POS"). Runs before every /api/pos route:
 * headers and the 5-minute window, the key (known, not revoked), the HMAC over the canonical
 * request with the exact body bytes, then the nonce, recorded once per key. Every refusal is a
 * 401 with its code, and nothing is written for it (the nonce insert is the last step, and only
 * a request that passed everything else gets that far).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { canonicalRequest, checkSignedHeaders, POS_HEADERS } from '@common/pos/signature';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../http/app-error';
import type { AppContext } from '../../http/context';
import { sha256Hex, type PosKeys } from './keys.service';
import { PosApiKey, PosNonce } from './pos.entities';

export interface PosCaller {
  apiKeyId: number;
  storeId: number;
}

const callers = new WeakMap<AppContext, PosCaller>();

/** The verified caller of a /api/pos route (set by the signature check). */
export function posCallerOf(ctx: AppContext): PosCaller {
  const c = callers.get(ctx);
  if (!c) throw new AppError('POS_SIGNATURE_MISSING');
  return c;
}

export function hmacHex(secret: string, canonical: string): string {
  return createHmac('sha256', secret).update(canonical).digest('hex');
}

/** The exact body bytes as received (the body parser keeps them); empty for a GET. */
function rawBodyOf(ctx: AppContext): Buffer {
  const raw = (ctx.request as unknown as { rawBody?: string }).rawBody;
  return Buffer.from(typeof raw === 'string' ? raw : '', 'utf8');
}

export function posSignatureCheck(ds: DataSource, keys: PosKeys, now: () => Date) {
  return async (ctx: AppContext, next: () => Promise<unknown>) => {
    const h = {
      key: ctx.get(POS_HEADERS.key) || undefined,
      timestamp: ctx.get(POS_HEADERS.timestamp) || undefined,
      nonce: ctx.get(POS_HEADERS.nonce) || undefined,
      signature: ctx.get(POS_HEADERS.signature) || undefined,
    };
    const at = now();
    const problem = checkSignedHeaders(h, at.getTime());
    if (problem) throw new AppError(problem);
    const key = await keys.resolve(h.key!);
    if (typeof key === 'string') throw new AppError(key);
    const canonical = canonicalRequest({ method: ctx.method, pathWithQuery: ctx.originalUrl, timestamp: h.timestamp!, nonce: h.nonce!, bodySha256Hex: sha256Hex(rawBodyOf(ctx)) });
    const expected = Buffer.from(hmacHex(key.secret, canonical), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(h.signature!, 'hex'))) throw new AppError('POS_SIGNATURE_INVALID');
    try {
      // Why unique (key, nonce): a replay fails this insert on every instance, however they race.
      await ds.manager.insert(PosNonce, { apiKeyId: key.id, nonce: h.nonce!, createdAt: at });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('POS_NONCE_REPLAYED');
      throw err;
    }
    // At most one write a minute per key: last_used_at is for HQ's eyes, not a counter.
    await ds.manager
      .createQueryBuilder()
      .update(PosApiKey)
      .set({ lastUsedAt: at })
      .where('id = :id AND (last_used_at IS NULL OR last_used_at < :before)', { id: key.id, before: new Date(at.getTime() - 60_000) })
      .execute();
    callers.set(ctx, { apiKeyId: key.id, storeId: key.storeId });
    await next();
  };
}
