/**
 * The HQ console (总部后台): a React single-page app built by Vite into dist/console and served by
 * the API at /hq/ (api/src/http/static.ts, the same caching rules as the storefront). Vite 4:
 * Taro 4.2's React plugin pins its optional vite peer to ^4 and the repository has one
 * dependency root. Text assets get brotli and gzip copies at build time (config/precompress.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { COMPRESSIBLE, compressedCopies } from '../../config/precompress';

const ROOT = path.resolve(__dirname, '../..');
export const CONSOLE_OUT_DIR = path.join(ROOT, 'dist/console');

function precompress(): Plugin {
  return {
    name: 'loopmall-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? CONSOLE_OUT_DIR;
      await Promise.all(
        Object.keys(bundle)
          .filter((name) => COMPRESSIBLE.test(name))
          .map(async (name) => {
            const file = path.join(dir, name);
            const { br, gz } = await compressedCopies(fs.readFileSync(file));
            if (br) fs.writeFileSync(`${file}.br`, br);
            if (gz) fs.writeFileSync(`${file}.gz`, gz);
          }),
      );
    },
  };
}

export default defineConfig({
  root: __dirname,
  base: '/hq/',
  resolve: { alias: { '@common': path.join(ROOT, 'common') } },
  plugins: [react(), precompress()],
  build: {
    outDir: CONSOLE_OUT_DIR,
    emptyOutDir: true,
    // Content-hashed names (the API's h5CachePolicy keeps them a year, immutable).
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        entryFileNames: 'assets/[name].[hash].js',
        chunkFileNames: 'assets/[name].[hash].js',
        assetFileNames: 'assets/[name].[hash][extname]',
      },
    },
  },
});
