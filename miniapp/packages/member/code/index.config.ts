export default definePageConfig({
  navigationBarTitleText: '会员码',
  // 添加导购 on weapp is WeCom's contact plugin cell (components/guide-contact.weapp.tsx).
  usingComponents: process.env.TARO_ENV === 'weapp' ? { cell: 'plugin://contactPlugin/cell' } : {},
});
