/** Runs a Taro build the way `npm run build:*` does, and reports how long it took. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './paths';

export function taroBuild(type: 'h5' | 'weapp'): { ms: number; output: string } {
  const started = Date.now();
  const res = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', type], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${res.stdout}\n${res.stderr}`;
  if (res.status !== 0) throw new Error(`taro build --type ${type} failed (exit ${res.status}):\n${output.slice(-4000)}`);
  return { ms: Date.now() - started, output };
}
