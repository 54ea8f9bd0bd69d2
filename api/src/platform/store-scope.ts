/**
 * What a 门店店长 may see, as one extension point every module asks: their store's guides (whose
 * attributed orders they see) and the members bound to those guides (their customers). The guides
 * module owns stores, guides and bindings and provides the answers when it is built; until then,
 * and whenever it cannot say, a scoped caller sees nothing (deny by default). HQ-wide callers
 * (storeId null) are never filtered.
 */
export interface StoreScopePort {
  guideIdsOfStore(storeId: number): Promise<number[]>;
  memberInStore(memberId: number, storeId: number): Promise<boolean>;
}

export class StoreScope {
  private port: StoreScopePort | null = null;

  provide(port: StoreScopePort): void {
    this.port = port;
  }

  /** The guide ids whose orders the store sees; null when the caller is not store-scoped. */
  async guideIds(storeId: number | null): Promise<number[] | null> {
    if (storeId === null) return null;
    return this.port ? this.port.guideIdsOfStore(storeId) : [];
  }

  /** Whether the caller may see this member: always for HQ-wide callers, else only their store's customers. */
  async memberVisible(memberId: number, storeId: number | null): Promise<boolean> {
    if (storeId === null) return true;
    return this.port ? this.port.memberInStore(memberId, storeId) : false;
  }
}
