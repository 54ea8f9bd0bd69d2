export default definePageConfig({
  navigationBarTitleText: '我的导购',
  usingComponents: process.env.TARO_ENV === 'weapp' ? { cell: 'plugin://contactPlugin/cell' } : {},
});
