/**
 * The composition root's guards: a module may use only modules listed before it, a name is given
 * once, and two modules cannot both provide a service under one name. createServices does no I/O,
 * so these run without a database (the DataSource is never queried while building).
 */
import type { DataSource } from 'typeorm';
import { createServices } from './app';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { ordersModule } from './modules/orders';
import { defineModule, type ModuleDefinition } from './platform/module';

const compose = (extra: ModuleDefinition<unknown>[]) =>
  createServices({ config: loadConfig({ NODE_ENV: 'test' }), log: createLogger('silent'), ds: { options: { type: 'better-sqlite3' } } as unknown as DataSource, fakeWechat: null, extraModules: extra });

const mod = (name: string, build: ModuleDefinition<unknown>['build']) => defineModule({ name, entities: [], migrations: [], errors: {}, build });

describe('the module list', () => {
  it('builds every module and gives each public API under its name, after the core services', () => {
    const c = compose([mod('extra', (ctx) => ({ extra: { orders: ctx.use(ordersModule).checkout } }))]);
    expect(c.modules.map((m) => m.name).slice(-3)).toEqual(['groupbuy', 'guides', 'extra']);
    expect(c.use(ordersModule).checkout).toBe(c.services.checkout);
    expect((c.services as unknown as { extra: { orders: unknown } }).extra.orders).toBe(c.services.checkout);
    expect(c.routes.length).toBeGreaterThan(10);
  });

  it('refuses a module that uses one listed after it', () => {
    const later = mod('later', () => ({}));
    expect(() => compose([mod('early', (ctx) => ctx.use(later)), later])).toThrow('module later is used before it is built');
  });

  it('refuses a name listed twice, and a service name two modules provide', () => {
    expect(() => compose([mod('orders', () => ({}))])).toThrow('module orders is listed twice');
    expect(() => compose([mod('thief', () => ({ checkout: 1 }))])).toThrow('module thief returns "checkout"');
  });
});
