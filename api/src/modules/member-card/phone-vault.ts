/**
 * Encryption of members' phone numbers: AES-256-GCM under the current key of PHONE_KEYS, the key
 * id stored beside the value, so after a rotation (`k2:…,k1:…`) new values use k2 and old ones
 * still decrypt with k1. Lookups never decrypt: `indexOf` is an HMAC-SHA256 of the canonical
 * number under PHONE_INDEX_KEY (a blind index), equal for equal numbers whatever key encrypted
 * them. Rotating the index key would need every row re-indexed, so it is kept separate and stable.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface PhoneKey {
  id: string;
  key: Buffer;
}

export interface SealedPhone {
  keyId: string;
  /** base64(iv 12 bytes ‖ ciphertext ‖ tag 16 bytes). */
  cipher: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export class PhoneVault {
  private readonly byId: Map<string, Buffer>;

  constructor(
    private readonly keys: readonly PhoneKey[],
    private readonly indexKey: string,
  ) {
    if (!keys.length) throw new Error('PhoneVault needs at least one key');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  get currentKeyId(): string {
    return this.keys[0].id;
  }

  seal(phone: string): SealedPhone {
    const { id, key } = this.keys[0];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    // The key id is authenticated data: a value cannot be passed off as sealed under another key.
    cipher.setAAD(Buffer.from(id));
    const body = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
    return { keyId: id, cipher: Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64') };
  }

  /** The number, or an Error naming the unknown key / failed tag (never a wrong number). */
  open(sealed: SealedPhone): string {
    const key = this.byId.get(sealed.keyId);
    if (!key) throw new Error(`phone key ${sealed.keyId} is not in PHONE_KEYS`);
    const raw = Buffer.from(sealed.cipher, 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('sealed phone too short');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(sealed.keyId));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  /** The blind index of a canonical number (see common/member-card/phone.ts normalizePhone). */
  indexOf(canonicalPhone: string): string {
    return createHmac('sha256', this.indexKey).update(`phone:${canonicalPhone}`).digest('hex');
  }
}
