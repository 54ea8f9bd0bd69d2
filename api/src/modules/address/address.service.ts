/**
 * Shipping addresses, owned by one shopper. Every query names the shopper, so another shopper's
 * address is "not found" (404). Invariant: a shopper with any address has exactly one default.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { MAX_ADDRESSES, type AddressDto, type AddressInput } from '@common/address/types';
import { hydrate, selectList } from '../../db/plain-sql';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { Address } from './address.entities';

const toAddressDto = (a: Address): AddressDto => ({
  id: a.id,
  name: a.name,
  phone: a.phone,
  province: a.province,
  city: a.city,
  district: a.district,
  detail: a.detail,
  isDefault: a.isDefault,
});

const notFound = (id: number) => new AppError('ADDRESS_NOT_FOUND', `address ${id}`);

/** The member read's row shape (orders/checkout/contributor.ts MemberRow), as much as is read here. */
interface MemberRowLike {
  k: string;
  n1: number | null;
  n2: number | null;
  s1: string | null;
  s2: string | null;
  s3: string | null;
}

const ADDRESS_PART = 'address';
/** The columns k, n1, n2, n3, s1, s2, s3, t1 of the member read; both rows from the primary key. */
const ADDRESS_PART_SQL =
  "SELECT 'a' AS k, id AS n1, is_default AS n2, NULL AS n3, name AS s1, phone AS s2, province AS s3, NULL AS t1 FROM address WHERE id = ? AND member_id = ?" +
  " UNION ALL SELECT 'b', id, NULL, NULL, city, district, detail, NULL FROM address WHERE id = ? AND member_id = ?";

export class AddressService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly now: () => Date,
  ) {}

  /** Default first, then the most recently edited. */
  /** HQ's member search: the members with this phone in their address book (idx_address_phone). */
  async memberIdsByPhone(phone: string, limit = 50): Promise<number[]> {
    const rows = await this.ds.manager.find(Address, { where: { phone }, select: { memberId: true }, take: limit });
    return [...new Set(rows.map((r) => r.memberId))];
  }

  async list(memberId: number): Promise<AddressDto[]> {
    const rows = await this.ds.getRepository(Address).find({ where: { memberId }, order: { isDefault: 'DESC', updatedAt: 'DESC', id: 'DESC' } });
    return rows.map(toAddressDto);
  }

  /** For other modules (checkout): the shopper's own address, or ADDRESS_NOT_FOUND. */
  async getOwned(memberId: number, addressId: number): Promise<AddressDto> {
    // Plain SQL with a column list made once (db/plain-sql.ts): every order that ships reads it.
    const m = this.ds.manager;
    const [found] = (await m.query(`SELECT ${selectList(m, Address, 'address')} FROM \`address\` WHERE \`id\` = ? AND \`member_id\` = ?`, [addressId, memberId])) as Record<string, unknown>[];
    const row = found && hydrate(m, Address, found, 'address');
    if (!row) throw notFound(addressId);
    return toAddressDto(row);
  }

  /**
   * getOwned as a part of checkout's one member read (orders/checkout/member-read.ts): the same
   * row in the read's column shape, as two rows since it has more texts than one row carries.
   * Its rows go to ownedFromRows.
   */
  checkoutReadPart(memberId: number, addressId: number): { name: string; sql: string; params: unknown[] } {
    return { name: ADDRESS_PART, sql: ADDRESS_PART_SQL, params: [addressId, memberId, addressId, memberId] };
  }

  /** The address of checkoutReadPart's rows, or ADDRESS_NOT_FOUND (another shopper's, or none). */
  ownedFromRows(rows: readonly MemberRowLike[], addressId: number): AddressDto {
    const a = rows.find((r) => r.k === 'a');
    const b = rows.find((r) => r.k === 'b');
    if (!a || !b || a.n1 !== addressId) throw notFound(addressId);
    return { id: addressId, name: a.s1!, phone: a.s2!, province: a.s3!, city: b.s1!, district: b.s2!, detail: b.s3!, isDefault: a.n2 === 1 };
  }

  async create(memberId: number, input: AddressInput): Promise<AddressDto> {
    const id = await this.tx.run(async (m) => {
      const count = await m.countBy(Address, { memberId });
      if (count >= MAX_ADDRESSES) throw new AppError('ADDRESS_LIMIT_REACHED', `${count} addresses`);
      const now = this.now();
      // The first address is the default whatever the caller asked.
      const isDefault = input.isDefault || count === 0;
      const saved = await m.save(m.create(Address, { ...input, memberId, isDefault, createdAt: now, updatedAt: now }));
      if (isDefault) await clearOtherDefaults(m, memberId, saved.id);
      return saved.id;
    });
    return this.getOwned(memberId, id);
  }

  async update(memberId: number, id: number, input: AddressInput): Promise<AddressDto> {
    await this.tx.run(async (m) => {
      const current = await m.findOneBy(Address, { id, memberId });
      if (!current) throw notFound(id);
      const now = this.now();
      // Owner in the WHERE: the row changes only if it is still this shopper's.
      const res = await m.update(Address, { id, memberId }, { ...input, updatedAt: now });
      if (!res.affected) throw notFound(id);
      if (input.isDefault) await clearOtherDefaults(m, memberId, id);
      else if (current.isDefault) {
        // Un-defaulting hands the flag to the most recently edited other address; with no other
        // address this one stays the default (a shopper with addresses always has one).
        const promoted = await promoteLatest(m, memberId, id);
        if (!promoted) await m.update(Address, { id, memberId }, { isDefault: true });
      }
    });
    return this.getOwned(memberId, id);
  }

  async remove(memberId: number, id: number): Promise<void> {
    await this.tx.run(async (m) => {
      const current = await m.findOneBy(Address, { id, memberId });
      if (!current) throw notFound(id);
      const res = await m.delete(Address, { id, memberId });
      // Affected rows checked: a concurrent delete of the same address answers 404, not a
      // second promotion.
      if (!res.affected) throw notFound(id);
      if (current.isDefault) await promoteLatest(m, memberId, id);
    });
  }
}

/**
 * Clears every other default of the shopper, in the caller's transaction. Why a blanket update
 * rather than "the previous default": two concurrent "set default" requests each clear the
 * other's row (on MySQL the locking update waits for the other transaction), so exactly one
 * default survives.
 */
async function clearOtherDefaults(m: EntityManager, memberId: number, keepId: number): Promise<void> {
  await m
    .createQueryBuilder()
    .update(Address)
    .set({ isDefault: false })
    .where('member_id = :memberId AND id <> :keepId', { memberId, keepId })
    .execute();
}

/** Makes the most recently updated address other than `excludeId` the default; false if none. */
async function promoteLatest(m: EntityManager, memberId: number, excludeId: number): Promise<boolean> {
  const next = await m
    .getRepository(Address)
    .createQueryBuilder('a')
    .where('a.memberId = :memberId AND a.id <> :excludeId', { memberId, excludeId })
    .orderBy('a.updatedAt', 'DESC')
    .addOrderBy('a.id', 'DESC')
    .getOne();
  if (!next) return false;
  await m.update(Address, { id: next.id, memberId }, { isDefault: true });
  return true;
}
