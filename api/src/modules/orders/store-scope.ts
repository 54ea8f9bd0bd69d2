/**
 * Which orders a 门店店长 sees: those attributed to one of their store's guides. The guides module
 * (built after orders) owns stores and guides and provides the answer; until it does, a scoped
 * caller sees no order at all (deny by default).
 */
export type GuidesOfStore = (storeId: number) => Promise<number[]>;

export class OrderStoreScope {
  private resolver: GuidesOfStore = async () => [];

  provide(resolver: GuidesOfStore): void {
    this.resolver = resolver;
  }

  /** The guide ids whose orders the store sees; null when the caller is not store-scoped. */
  async guideIds(storeId: number | null): Promise<number[] | null> {
    return storeId === null ? null : this.resolver(storeId);
  }
}
