/**
 * First-screen preloads for the H5 build: index.html names the chunks of the first page and the
 * API reads it starts with, so the browser fetches them while it is still loading the entry
 * instead of one round trip after another (entry → page chunks → API). On a phone network each
 * round trip is over half a second.
 *
 * The entry's and the first page's stylesheets (a few KiB compressed) are inlined instead: two
 * requests fewer for the six connections HTTP/1.1 gives the first screen. The page's inlined
 * sheet carries `data-href`, which webpack's CSS chunk loader takes for the loaded file.
 */
export interface PreloadOptions {
  /** Matches the import request of the first page's chunk group (Taro's router imports each page). */
  page: RegExp
  /** Same-origin GETs the first page makes at once, exactly as it makes them (URL and query order). */
  apiUrls: string[]
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;')

/** A stylesheet that reads the same inlined in index.html: no `</style`, no relative url(). */
export function inlinable(css: string): boolean {
  if (/<\/style/i.test(css)) return false
  return [...css.matchAll(/url\(\s*['"]?([^'")\s]*)/g)].every(([, u]) => /^(data:|\/|https?:|#)/.test(u))
}

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
        const cssOf = (f: string): string => compilation.getAsset(f).source.source().toString()
        let text: string = html.source.source().toString()
        // The entry's stylesheets: html-webpack-plugin linked them.
        for (const f of initial) {
          const link = `<link href="${publicPath + f}" rel="stylesheet">`
          if (f.endsWith('.css') && text.includes(link) && inlinable(cssOf(f))) text = text.replace(link, () => `<style>${cssOf(f)}</style>`)
        }
        const pageCss = [...files].filter((f) => f.endsWith('.css'))
        const inline = pageCss.filter((f) => inlinable(cssOf(f)))
        const links = [
          ...inline.map((f) => `<style data-href="${escape(publicPath + f)}">${cssOf(f)}</style>`),
          ...pageCss.filter((f) => !inline.includes(f)).map((f) => `<link rel="preload" as="style" href="${escape(publicPath + f)}">`),
          ...[...files].filter((f) => f.endsWith('.js')).map((f) => `<link rel="preload" as="script" href="${escape(publicPath + f)}">`),
          // crossorigin=anonymous: the same request mode and credentials as Taro.request's fetch(), or the browser would not reuse it.
          ...this.options.apiUrls.map((u) => `<link rel="preload" as="fetch" crossorigin="anonymous" href="${escape(u)}">`),
        ]
        if (files.size === 0) compilation.warnings.push(new Error(`FirstScreenPreloadPlugin: no chunk group matched ${this.options.page}`))
        compilation.updateAsset('index.html', new sources.RawSource(text.replace('</head>', () => `${links.join('')}</head>`)))
      })
    })
  }
}
