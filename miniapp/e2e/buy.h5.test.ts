/**
 * The buying journey on the H5 build in Debian Chromium, against a real API process on the
 * embedded database with the demo store seeded and the default development payment mode.
 * The H5 build comes from global-setup.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../api/src/config';
import { createLogger } from '../../api/src/logger';
import { startLoopmall, type Running } from '../../api/src/server';
import { H5Driver } from './h5-driver';
import type { ApiGet } from './journeys/browse';
import { buyJourney } from './journeys/buy';
import { H5_DIR } from './paths';

jest.setTimeout(180_000);

describe('buy journey (H5, Chromium)', () => {
  let server: Running;
  let driver: H5Driver;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopmall-e2e-buy-'));
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir, H5_DIR, SEED_DEMO: 'true', LOG_LEVEL: 'silent' });
    server = await startLoopmall(config, createLogger('silent'));
    driver = await H5Driver.launch(server.url);
  });

  afterAll(async () => {
    await driver?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const api: ApiGet = async (p) => {
    const body = (await (await fetch(server.url + p)).json()) as { ok: boolean; data: never };
    if (!body.ok) throw new Error(`${p}: ${JSON.stringify(body)}`);
    return body.data;
  };

  it('fills the cart, checks out with a new address, pays, then cancels a second order and gets the stock back', async () => {
    await buyJourney(driver, api);
    expect(driver.problems()).toEqual([]);
  });
});
