export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/category/index',
    'pages/cart/index',
    'pages/mine/index',
    // Product detail stays in the main package: share cards land on it.
    'pages/product/index',
    'pages/search/index',
  ],
  // Checkout, orders and addresses load on first use, outside the main package.
  subPackages: [
    {
      root: 'packages/order',
      pages: ['confirm/index', 'list/index', 'detail/index', 'address/list/index', 'address/edit/index'],
    },
    { root: 'packages/points', pages: ['signin/index', 'ledger/index'] },
    { root: 'packages/coupons', pages: ['mine/index', 'center/index'] },
    { root: 'packages/pointsmall', pages: ['list/index', 'detail/index', 'records/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f6f6f6',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: 'Loopmall',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#8c8c8c',
    selectedColor: '#e8452c',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/category/index',
        text: '分类',
        iconPath: 'assets/tabbar/category.png',
        selectedIconPath: 'assets/tabbar/category-active.png',
      },
      {
        pagePath: 'pages/cart/index',
        text: '购物车',
        iconPath: 'assets/tabbar/cart.png',
        selectedIconPath: 'assets/tabbar/cart-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // Since 2022-07-14 wx.chooseAddress (「一键获取微信地址」) must be declared here, or it fails.
  requiredPrivateInfos: ['chooseAddress'],
});
