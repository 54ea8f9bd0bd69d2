import type { UserConfigExport } from '@tarojs/cli'

// `taro build` without --watch is a production build (minified, no source maps).
export default {
  logger: {
    quiet: false,
    stats: false,
  },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
