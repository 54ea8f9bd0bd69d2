export default definePageConfig({
  navigationBarTitleText: '全部分类',
  // Both columns scroll on their own; the page itself stays put.
  disableScroll: true,
});
