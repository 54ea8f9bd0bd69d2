/**
 * The Redis transport of the sold-out board (sold-out-board.ts): marks and clears are published
 * on one channel, and every instance subscribed to it applies them. A subscribed ioredis
 * connection can run nothing else, so the subscriber is a duplicate of the shared client.
 *
 * Fire and forget: a message lost while Redis is away costs at most the board's TTL (each
 * instance still has its own marks, and the database refuses what a stale mark lets through).
 */
import type { Logger } from '../logger';
import { redisReady, type Redis } from './redis';
import type { SoldOutBoard, SoldOutBus, SoldOutMessage } from './sold-out-board';

export class RedisSoldOutBus implements SoldOutBus {
  private readonly sub: Redis;

  constructor(
    private readonly redis: Redis,
    private readonly channel: string,
    private readonly log: Logger,
  ) {
    this.sub = redis.duplicate();
    // Subscribe at every (re)connect: with no offline queue a SUBSCRIBE sent while the
    // connection is down fails instead of waiting.
    this.sub.on('ready', () => void this.sub.subscribe(channel).catch((err: Error) => this.log.warn({ err: err.message }, 'sold-out bus: subscribe failed')));
    this.sub.on('error', () => undefined); // the shared client already logs the outage
  }

  publish(msg: SoldOutMessage): void {
    if (!redisReady(this.redis)) return;
    this.redis.publish(this.channel, JSON.stringify(msg)).catch(() => undefined);
  }

  subscribe(onMessage: (msg: SoldOutMessage) => void): void {
    this.sub.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      const msg = parse(text);
      if (msg) onMessage(msg);
    });
  }

  close(): void {
    this.sub.disconnect();
  }
}

function parse(text: string): SoldOutMessage | null {
  try {
    const m = JSON.parse(text) as Partial<SoldOutMessage>;
    return typeof m.ns === 'string' && Number.isInteger(m.id) && typeof m.soldOut === 'boolean' ? { ns: m.ns, id: m.id!, soldOut: m.soldOut } : null;
  } catch {
    return null;
  }
}

/** Shares `board` through `redis` (prefix: this deployment's keyspace); answers the close. */
export function shareSoldOutBoard(board: SoldOutBoard, redis: Redis, prefix: string, log: Logger): () => void {
  const bus = new RedisSoldOutBus(redis, `${prefix}:sold-out`, log);
  board.attach(bus);
  return () => bus.close();
}
