/**
 * Store API keys. HQ creates a key for a store and sees its secret once. The secret is not
 * stored, neither plain nor encrypted: it is derived, `sk_` + base64url(HMAC-SHA256(POS_KEY_SECRET,
 * "loopmall pos key v1:" + keyId + ":" + salt)), and the table keeps the salt and the secret's
 * SHA-256. Verifying a signature re-derives the secret; a database copy alone cannot sign. Rotating
 * POS_KEY_SECRET therefore invalidates every key (the stored hash tells that apart: 401
 * POS_KEY_UNKNOWN), and stores are given new keys — the README says so.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { PosKeyCreated, PosKeyDto } from '@common/pos/types';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { PosApiKey } from './pos.entities';

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export function deriveSecret(master: string, keyId: string, salt: string): string {
  return `sk_${createHmac('sha256', master).update(`loopmall pos key v1:${keyId}:${salt}`).digest('base64url')}`;
}

export function keyDto(k: PosApiKey): PosKeyDto {
  return {
    id: k.id,
    storeId: k.storeId,
    keyId: k.keyId,
    label: k.label,
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  };
}

/** A key as the signature check needs it. */
export interface ResolvedKey {
  id: number;
  storeId: number;
  secret: string;
}

export class PosKeys {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly master: string,
    private readonly now: () => Date,
    private readonly storeExists: (storeId: number) => Promise<boolean>,
  ) {}

  async create(storeId: number, label: string, adminId: number | null): Promise<PosKeyCreated> {
    if (!(await this.storeExists(storeId))) throw new AppError('STORE_NOT_FOUND');
    const keyId = `pk_${randomBytes(8).toString('hex')}`;
    const salt = randomBytes(16).toString('hex');
    const secret = deriveSecret(this.master, keyId, salt);
    const key = await this.tx.run((m) =>
      m.save(m.create(PosApiKey, { storeId, keyId, label, salt, secretSha256: sha256Hex(secret), createdBy: adminId, createdAt: this.now(), revokedAt: null, lastUsedAt: null })),
    );
    return { ...keyDto(key), secret };
  }

  /** A store's keys, newest first; `scope` (a store manager's store) hides every other store's (404). */
  async list(storeId: number, scope: number | null): Promise<PosKeyDto[]> {
    if (scope !== null && scope !== storeId) throw new AppError('STORE_NOT_FOUND');
    if (!(await this.storeExists(storeId))) throw new AppError('STORE_NOT_FOUND');
    const rows = await this.ds.manager.find(PosApiKey, { where: { storeId }, order: { id: 'DESC' } });
    return rows.map(keyDto);
  }

  async byId(id: number): Promise<PosKeyDto | null> {
    const k = await this.ds.manager.findOneBy(PosApiKey, { id });
    return k ? keyDto(k) : null;
  }

  async revoke(id: number): Promise<PosKeyDto> {
    return this.tx.run(async (m) => {
      // Conditional: revoked once; a second revoke (or a race of two) changes nothing and says so.
      const res = await m.createQueryBuilder().update(PosApiKey).set({ revokedAt: this.now() }).where('id = :id AND revoked_at IS NULL', { id }).execute();
      const key = await m.findOneBy(PosApiKey, { id });
      if (!key) throw new AppError('POS_KEY_NOT_FOUND');
      if (res.affected !== 1) throw new AppError('POS_KEY_ALREADY_REVOKED');
      return keyDto(key);
    });
  }

  /** The key named by a request; the reason it cannot sign otherwise. */
  async resolve(keyId: string): Promise<ResolvedKey | 'POS_KEY_UNKNOWN' | 'POS_KEY_REVOKED'> {
    const k = await this.ds.manager.findOneBy(PosApiKey, { keyId });
    if (!k) return 'POS_KEY_UNKNOWN';
    if (k.revokedAt) return 'POS_KEY_REVOKED';
    const secret = deriveSecret(this.master, k.keyId, k.salt);
    // A different POS_KEY_SECRET since the key was made: the key no longer exists for us.
    if (sha256Hex(secret) !== k.secretSha256) return 'POS_KEY_UNKNOWN';
    return { id: k.id, storeId: k.storeId, secret };
  }
}
