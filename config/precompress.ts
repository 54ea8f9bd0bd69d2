import { promisify } from 'node:util'
import zlib from 'node:zlib'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/** Text assets worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/
const MIN_BYTES = 1024

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
              const input: Buffer = compilation.getAsset(name).source.buffer()
              if (input.length < MIN_BYTES) return
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
              if (br.length < input.length) compilation.emitAsset(`${name}.br`, new sources.RawSource(br))
              if (gz.length < input.length) compilation.emitAsset(`${name}.gz`, new sources.RawSource(gz))
            }),
          )
        },
      )
    })
  }
}
