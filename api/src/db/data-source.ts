/**
 * One DataSource factory for both databases: MySQL/MariaDB through mysql2 in production and
 * tests, embedded SQLite (better-sqlite3) for `npm start` on a machine with no server.
 * Schema comes from migrations only; `synchronize` is never on.
 */
import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { ModuleDefinition } from '../platform/module';
import { entitiesOf } from './entities';
import { migrationsOf } from './migrations';
import { SnakeNamingStrategy } from './naming';

export interface MysqlTarget {
  kind: 'mysql';
  url: string;
  poolSize: number;
  /** Callers allowed to wait for a pooled connection; one more fails at once (answered 503). */
  queueLimit?: number;
  /** How long opening a connection may take before it fails (answered 503). */
  connectTimeoutMs?: number;
}
export type DbTarget = MysqlTarget | { kind: 'sqlite'; file: string };

const DEFAULT_QUEUE_LIMIT = 200;
const DEFAULT_CONNECT_TIMEOUT_MS = 3000;

/** `modules`: whose entities and migrations it knows (default: the module list of api/src/modules). */
export function createDataSource(target: DbTarget, modules?: readonly ModuleDefinition<unknown>[]): DataSource {
  const common = {
    entities: entitiesOf(modules),
    migrations: migrationsOf(modules),
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: false,
  } as const;
  let options: DataSourceOptions;
  if (target.kind === 'mysql') {
    options = {
      ...common,
      type: 'mysql',
      url: target.url,
      // Store and read every DATETIME as UTC, whatever the server's time zone.
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      poolSize: target.poolSize,
      // A bounded wait queue: under overload (a flash sale) the caller past the limit gets a fast
      // "Queue limit reached" (a 503 with Retry-After) instead of joining a pile of timeouts.
      // trace: false — mysql2 would capture a stack trace on every query (about half of its own
      // CPU on a catalogue read) only to decorate errors; TypeORM's QueryFailedError has its own.
      extra: {
        connectionLimit: target.poolSize,
        waitForConnections: true,
        queueLimit: target.queueLimit ?? DEFAULT_QUEUE_LIMIT,
        connectTimeout: target.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
        trace: false,
      },
    };
  } else {
    if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
    options = {
      ...common,
      type: 'better-sqlite3',
      database: target.file,
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
      },
    };
  }
  return new DataSource(options);
}

/** `mysql://…` from the environment, or the embedded file under the data dir. */
export function dbTargetFrom(config: {
  DATABASE_URL?: string;
  DB_POOL_SIZE: number;
  DB_POOL_QUEUE_LIMIT: number;
  DB_CONNECT_TIMEOUT_MS: number;
  dataDir: string;
}): DbTarget {
  return config.DATABASE_URL
    ? { kind: 'mysql', url: config.DATABASE_URL, poolSize: config.DB_POOL_SIZE, queueLimit: config.DB_POOL_QUEUE_LIMIT, connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS }
    : { kind: 'sqlite', file: path.join(config.dataDir, 'loopmall.sqlite') };
}
