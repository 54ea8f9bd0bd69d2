export default definePageConfig({
  navigationBarTitleText: '我的',
  navigationBarBackgroundColor: '#e8452c',
  navigationBarTextStyle: 'white',
});
