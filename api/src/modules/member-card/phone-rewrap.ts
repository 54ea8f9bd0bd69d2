/**
 * After a key rotation (`PHONE_KEYS=k2:…,k1:…`) old numbers stay readable with k1; this job
 * re-seals them under the current key, a batch per pass, so k1 can later be dropped from the
 * environment. Rows under a key no longer configured are left alone (they cannot be opened).
 */
import { In, type DataSource } from 'typeorm';
import { JOB_BATCH } from '../jobs';
import { MemberPhone } from './member-card.entities';
import type { PhoneVault } from './phone-vault';

export async function rewrapPhones(ds: DataSource, vault: PhoneVault, oldKeyIds: readonly string[]): Promise<{ rewrapped: number; left: number }> {
  if (!oldKeyIds.length) return { rewrapped: 0, left: 0 };
  const repo = ds.getRepository(MemberPhone);
  const rows = await repo.find({ where: { keyId: In([...oldKeyIds]) }, take: JOB_BATCH });
  let rewrapped = 0;
  for (const row of rows) {
    const sealed = vault.seal(vault.open(row));
    // Conditional on the value read: a 开卡 that replaced the number meanwhile (already under the
    // current key) is not overwritten with the old number; affected 0 means it was.
    const res = await repo.update({ memberId: row.memberId, keyId: row.keyId, cipher: row.cipher }, { keyId: sealed.keyId, cipher: sealed.cipher });
    rewrapped += res.affected ?? 0;
  }
  return { rewrapped, left: await repo.count({ where: { keyId: In([...oldKeyIds]) } }) };
}
