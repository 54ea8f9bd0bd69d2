// babel-preset-taro options and defaults: https://docs.taro.zone/docs/next/babel-config
// config/index.ts hands this file to babel-loader as a project-wide config (configFile).
module.exports = {
  presets: [
    ['taro', {
      framework: 'react',
      ts: true,
      compiler: 'webpack5',
    }],
  ],
}
