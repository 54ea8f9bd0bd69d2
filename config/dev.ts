import type { UserConfigExport } from '@tarojs/cli'

// Watch builds (`npm run dev:weapp`): readable output, build stats in the terminal.
export default {
  logger: {
    quiet: false,
    stats: true,
  },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
