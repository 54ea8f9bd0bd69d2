import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import { PackageSizePlugin } from './package-sizes'
import { FirstScreenPreloadPlugin } from './preload'
import { PrecompressPlugin } from './precompress'
import prodConfig from './prod'

const ROOT = path.resolve(__dirname, '..')
const COMMON_DIR = path.join(ROOT, 'common')
const BABEL_CONFIG = path.join(ROOT, '.babelrc.js')

/**
 * Build-time environment (Taro exposes every TARO_APP_* variable of the shell or of the
 * .env / .env.<mode> files as process.env.TARO_APP_* inside the bundle).
 *
 * TARO_APP_API_BASE: origin of the Loopmall API, without a trailing slash.
 *   weapp default: http://127.0.0.1:3000 (the API of `npm start` on the developer's machine;
 *                  DevTools must have 「不校验合法域名」 on, which project.config.json sets).
 *   h5 default:    '' (same origin: the API serves the H5 build at /).
 *
 * TARO_APP_ID (read by Taro itself, not by the bundle): the appid Taro writes into
 * dist/weapp/project.config.json; without it the root project.config.json's `touristappid` is kept.
 */
function apiBase(): string {
  const fromEnv = process.env.TARO_APP_API_BASE
  if (fromEnv !== undefined) return fromEnv.replace(/\/+$/, '')
  return process.env.TARO_ENV === 'h5' ? '' : 'http://127.0.0.1:3000'
}

/**
 * Babel: the preset lives in the dotfile .babelrc.js (the top level of the repo is fixed and has
 * no babel.config.js). A .babelrc only applies to files of its own package, so it would skip the
 * node_modules packages Taro sends through babel-loader. Handing the same file to babel-loader as
 * `configFile` makes it a project-wide config, exactly like Taro's template babel.config.js.
 */
function useDotBabelrc(chain: any): void {
  chain.module
    .rule('script')
    .use('babelLoader')
    .tap((options: Record<string, unknown> = {}) => ({ ...options, configFile: BABEL_CONFIG, babelrc: false }))
}

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'loopmall',
    date: '2025-11-22',
    // NutUI is drawn on a 375 px design, our own styles on 750.
    designWidth(input: any) {
      const file: string = input?.file?.replace(/\\+/g, '/') ?? ''
      return file.includes('@nutui') ? 375 : 750
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'miniapp',
    outputRoot: `dist/${platform}`,
    plugins: [],
    alias: {
      '@common': COMMON_DIR,
    },
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase()),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // Off on purpose (Taro prints a tip about it): cold builds take 10-20 s here, and a
    // persistent cache under node_modules/.cache could outlive a change of TARO_APP_* values.
    cache: { enable: false },
    mini: {
      // common/ sits outside sourceRoot: compile its TypeScript too.
      compile: { include: [COMMON_DIR] },
      // Pages pull shared components and NutUI stylesheets in different orders; every rule is
      // scoped by its own class name (BEM), so the order of the merged common.wxss is irrelevant.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      // Whitespace between tags collapsed in every .wxml (WeChat's 「WXML 压缩」); .wxss is minified
      // by csso in production builds already. project.config.json declares both to WeChat.
      minifyXML: { collapseWhitespace: true },
      webpackChain(chain) {
        useDotBabelrc(chain)
        chain.plugin('package-sizes').use(PackageSizePlugin)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [COMMON_DIR] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        useDotBabelrc(chain)
        // Taro splits only initial chunks, so every lazily loaded page carried its own copy of the
        // Taro web components, React bindings and NutUI (~270 KiB each). Split async chunks too.
        // Taro sets minSize 0, which left the first page waiting on ~20 chunks of 1-3 KiB, six at a
        // time over HTTP/1.1 (a round trip each on a phone network): webpack's own 20 KB floor
        // folds the small ones into the chunks that need them, and a page loads in at most 3
        // requests (a little code is repeated across pages' chunks instead).
        chain.optimization.merge({ splitChunks: { chunks: 'all', minSize: 20_000, maxAsyncRequests: 3 } })
        // The entry is React DOM + the Taro runtime and router (~320 KiB minified, ~100 KiB gzip):
        // keep webpack's size guard, at a line this app can hold instead of the 244 KiB default.
        chain.performance.maxEntrypointSize(400 * 1024).maxAssetSize(300 * 1024)
        // 首页's chunks and first reads, fetched alongside the entry. The URLs are what
        // pages/index/index.tsx asks first (fetchHome; its list's first page, HOME_PRODUCTS in
        // common/catalogue/home.ts, written out here: Taro's config loader compiles only config/):
        // bench:h5 and first-screen.h5.test.ts report a preload the page did not use.
        chain.plugin('first-screen-preload').use(FirstScreenPreloadPlugin, [
          { page: /pages\/index\/index/, apiUrls: [`${apiBase()}/api/home`, `${apiBase()}/api/products?sort=newest&page=1&pageSize=20`] },
        ])
        // Brotli and gzip copies for the API to send as they are (not in watch builds: slow, unused).
        if (process.env.NODE_ENV !== 'development') chain.plugin('precompress').use(PrecompressPlugin)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
