export default definePageConfig({
  navigationBarTitleText: '导购助手',
});
