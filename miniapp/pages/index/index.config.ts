export default definePageConfig({
  navigationBarTitleText: 'Loopmall 好物',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200,
});
