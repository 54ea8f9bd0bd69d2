/**
 * The browse journey on the H5 build in Debian Chromium, against a real API process on the
 * embedded database with the demo store seeded. The H5 build comes from global-setup.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../api/src/config';
import { createLogger } from '../../api/src/logger';
import { startLoopmall, type Running } from '../../api/src/server';
import { H5Driver } from './h5-driver';
import { browseJourney, type ApiGet } from './journeys/browse';
import { H5_DIR } from './paths';

jest.setTimeout(120_000);

describe('browse journey (H5, Chromium)', () => {
  let server: Running;
  let driver: H5Driver;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopmall-e2e-'));
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

  it('opens home, a category, search, a product and its SKUs, then logs in', async () => {
    await browseJourney(driver, api);
    expect(driver.problems()).toEqual([]);
  });
});
