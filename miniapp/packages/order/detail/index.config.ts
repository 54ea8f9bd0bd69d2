export default definePageConfig({
  navigationBarTitleText: '订单详情',
  // The add-your-guide prompt's WeCom contact plugin (weapp only; H5 shows the QR code).
  usingComponents: process.env.TARO_ENV === 'weapp' ? { cell: 'plugin://contactPlugin/cell' } : {},
});
