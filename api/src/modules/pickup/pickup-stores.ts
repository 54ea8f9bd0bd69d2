/**
 * Stores as pickup points: HQ's profile of each store (address, hours, location, on/off) in this
 * module's own table, joined in memory with the store names the guides module reports (a chain
 * has tens of stores, not thousands), and the shopper's list, nearest first.
 */
import type { DataSource } from 'typeorm';
import { fromMicro, nearestFirst, toMicro } from '@common/pickup/rules';
import type { GeoPoint, PickupStoreDto, PickupStoreInput } from '@common/pickup/types';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import type { GuideDirectory } from '../guides';
import { PickupStore } from './pickup.entities';

export type StoreNames = Pick<GuideDirectory, 'stores'>;

const EMPTY_PROFILE: PickupStoreInput = { address: '', hours: '', lat: null, lng: null, enabled: false };

function profileOf(p: PickupStore | undefined): PickupStoreInput {
  if (!p) return EMPTY_PROFILE;
  return { address: p.address, hours: p.hours, lat: p.latE6 === null ? null : fromMicro(p.latE6), lng: p.lngE6 === null ? null : fromMicro(p.lngE6), enabled: p.enabled };
}

export class PickupStores {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly names: StoreNames,
    private readonly now: () => Date,
  ) {}

  /** Every store with its profile (HQ); a store HQ has not set up is listed, not enabled. */
  async all(): Promise<PickupStoreDto[]> {
    const [stores, profiles] = await Promise.all([this.names.stores(), this.ds.manager.find(PickupStore)]);
    const byId = new Map(profiles.map((p) => [p.storeId, p]));
    return stores.map((s) => ({ storeId: s.id, name: s.name, city: s.city, ...profileOf(byId.get(s.id)), distanceM: null }));
  }

  /** The stores a shopper may pick up at, nearest first when the shopper gave a location. */
  async forShopper(origin: GeoPoint | null): Promise<PickupStoreDto[]> {
    const open = (await this.all()).filter((s) => s.enabled);
    return nearestFirst(open, origin);
  }

  /** One enabled store (checkout); null when it does not exist or takes no pickups. */
  async enabledStore(storeId: number): Promise<PickupStoreDto | null> {
    const profile = await this.ds.manager.findOneBy(PickupStore, { storeId, enabled: true });
    if (!profile) return null;
    const store = (await this.names.stores()).find((s) => s.id === storeId);
    return store ? { storeId, name: store.name, city: store.city, ...profileOf(profile), distanceM: null } : null;
  }

  async one(storeId: number): Promise<PickupStoreDto> {
    const found = (await this.all()).find((s) => s.storeId === storeId);
    if (!found) throw new AppError('PICKUP_STORE_NOT_FOUND', `store ${storeId}`);
    return found;
  }

  /** HQ sets a store's profile (insert or replace; the store must exist). */
  async set(storeId: number, input: PickupStoreInput): Promise<PickupStoreDto> {
    await this.one(storeId);
    const row = { storeId, address: input.address, hours: input.hours, latE6: input.lat === null ? null : toMicro(input.lat), lngE6: input.lng === null ? null : toMicro(input.lng), enabled: input.enabled, updatedAt: this.now() };
    // An upsert on the primary key: two HQ saves racing both land, the later one wins whole.
    await this.tx.run((m) => m.upsert(PickupStore, row, ['storeId']));
    return this.one(storeId);
  }
}
