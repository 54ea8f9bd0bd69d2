/**
 * The optional shared store of several instances (REDIS_URL): flash-sale admission, sold-out
 * marks and rate limits. Built for failing fast, since every caller has a database or in-memory
 * fallback: no offline queue (a command while disconnected fails at once instead of waiting),
 * one retry per command, a short connect timeout, and reconnects in the background.
 */
import Redis from 'ioredis';
import type { Logger } from '../logger';

export type { Redis };

export interface RedisOptions {
  /** Connect and per-command timeout (ms). */
  timeoutMs?: number;
}

/** A client for `url`; null when no URL is configured (one instance, state in memory). */
export function connectRedis(url: string | undefined, log: Logger, opts: RedisOptions = {}): Redis | null {
  if (!url) return null;
  const timeoutMs = opts.timeoutMs ?? 500;
  const client = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    // Keep trying in the background; callers fall back while it is away.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
  });
  // One line per outage, not one per reconnect attempt.
  let down = false;
  client.on('error', (err) => {
    if (down) return;
    down = true;
    log.warn({ err: err.message }, 'redis unreachable; shared state falls back until it returns');
  });
  client.on('ready', () => {
    if (down) log.info('redis reachable again');
    down = false;
  });
  return client;
}

/** True when `client` can take a command now (connected and ready). */
export function redisReady(client: Redis | null): client is Redis {
  return !!client && client.status === 'ready';
}

/** Closes the client without waiting for a server that is away. */
export async function closeRedis(client: Redis | null): Promise<void> {
  if (!client) return;
  if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
  else client.disconnect();
}
