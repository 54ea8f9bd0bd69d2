import { promisify } from 'node:util'
import zlib from 'node:zlib'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/** Text assets worth compressing; images and fonts are compressed already. */
export const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/
const MIN_BYTES = 1024

/**
 * The brotli (best quality) and gzip -9 copies of one text asset, each only when it is smaller
 * than the input; small files are not worth a second request path. Shared by the H5 build
 * (webpack, below) and the HQ console build (Vite, api/console/vite.config.ts).
 */
export async function compressedCopies(input: Buffer): Promise<{ br: Buffer | null; gz: Buffer | null }> {
  if (input.length < MIN_BYTES) return { br: null, gz: null }
  const [br, gz] = await Promise.all([
    brotli(input, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: input.length,
      },
    }),
    gzip(input, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ])
  return { br: br.length < input.length ? br : null, gz: gz.length < input.length ? gz : null }
}

/**
 * Writes `<file>.br` (brotli, best quality) and `<file>.gz` (gzip -9) beside every text asset of
 * the H5 build, once at build time, so the API sends them as they are (api/src/http/static.ts)
 * instead of compressing on every request or not at all. Runs after minification and after
 * index.html is written (stage OPTIMIZE_TRANSFER); a copy that is not smaller is not kept.
 */
export class PrecompressPlugin {
  apply(compiler: any): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('PrecompressPlugin', (compilation: any) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'PrecompressPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        async (assets: Record<string, unknown>) => {
          const names = Object.keys(assets).filter((name) => COMPRESSIBLE.test(name))
          await Promise.all(
            names.map(async (name) => {
              const { br, gz } = await compressedCopies(compilation.getAsset(name).source.buffer())
              if (br) compilation.emitAsset(`${name}.br`, new sources.RawSource(br))
              if (gz) compilation.emitAsset(`${name}.gz`, new sources.RawSource(gz))
            }),
          )
        },
      )
    })
  }
}
