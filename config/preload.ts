/**
 * First-screen preloads for the H5 build: index.html names the chunks of the first page and the
 * API reads it starts with, so the browser fetches them while it is still loading the entry
 * instead of one round trip after another (entry → page chunks → API). On a phone network each
 * round trip is over half a second.
 */
export interface PreloadOptions {
  /** Matches the import request of the first page's chunk group (Taro's router imports each page). */
  page: RegExp
  /** Same-origin GETs the first page makes at once, exactly as it makes them (URL and query order). */
  apiUrls: string[]
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;')

export class FirstScreenPreloadPlugin {
  constructor(private readonly options: PreloadOptions) {}

  apply(compiler: any): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('FirstScreenPreloadPlugin', (compilation: any) => {
      // After html-webpack-plugin wrote index.html (OPTIMIZE_INLINE), before compression (OPTIMIZE_TRANSFER).
      compilation.hooks.processAssets.tap({ name: 'FirstScreenPreloadPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        const html = compilation.getAsset('index.html')
        if (!html) return
        const publicPath: string = compilation.outputOptions.publicPath === 'auto' ? '/' : compilation.outputOptions.publicPath ?? '/'
        const initial = new Set<string>()
        for (const entry of compilation.entrypoints.values()) for (const chunk of entry.chunks) for (const f of chunk.files) initial.add(f)
        const files = new Set<string>()
        for (const group of compilation.chunkGroups) {
          if (!group.origins.some((o: { request?: string }) => o.request && this.options.page.test(o.request))) continue
          for (const chunk of group.chunks) for (const f of chunk.files) if (!initial.has(f)) files.add(f)
        }
        const links = [
          ...[...files].filter((f) => f.endsWith('.css')).map((f) => `<link rel="preload" as="style" href="${escape(publicPath + f)}">`),
          ...[...files].filter((f) => f.endsWith('.js')).map((f) => `<link rel="preload" as="script" href="${escape(publicPath + f)}">`),
          // crossorigin=anonymous: the same request mode and credentials as Taro.request's fetch(), or the browser would not reuse it.
          ...this.options.apiUrls.map((u) => `<link rel="preload" as="fetch" crossorigin="anonymous" href="${escape(u)}">`),
        ]
        if (files.size === 0) compilation.warnings.push(new Error(`FirstScreenPreloadPlugin: no chunk group matched ${this.options.page}`))
        const text: string = html.source.source().toString()
        compilation.updateAsset('index.html', new sources.RawSource(text.replace('</head>', `${links.join('')}</head>`)))
      })
    })
  }
}
