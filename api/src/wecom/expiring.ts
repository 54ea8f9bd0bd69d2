/**
 * A value WeCom issues with an `expires_in` (an access token, a jsapi_ticket): kept until shortly
 * before it expires, and fetched once however many callers ask at the same moment (single flight:
 * WeCom rate-limits these endpoints, and a token refresh invalidates the previous token).
 */
export class ExpiringValue<T> {
  private cached: { value: T; expiresAt: number } | null = null;
  private inflight: Promise<T> | null = null;
  /** How many times the value was fetched (the cache is observable in tests). */
  fetches = 0;

  constructor(
    private readonly fetch: () => Promise<{ value: T; expiresInSeconds: number }>,
    private readonly now: () => number,
    /** Refetch this long before the stated expiry (clock skew, and a request in flight). */
    private readonly marginMs = 5 * 60_000,
  ) {}

  /** The cached value, or one fetch shared by every caller waiting at the time. */
  get(forceRefresh = false): Promise<T> {
    const c = this.cached;
    if (!forceRefresh && c && c.expiresAt - this.marginMs > this.now()) return Promise.resolve(c.value);
    this.inflight ??= this.load().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async load(): Promise<T> {
    this.fetches++;
    const { value, expiresInSeconds } = await this.fetch();
    this.cached = { value, expiresAt: this.now() + expiresInSeconds * 1000 };
    return value;
  }
}
