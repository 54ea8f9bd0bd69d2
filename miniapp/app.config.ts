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
    // Group-buy (拼团秒杀): share cards open the group page here.
    {
      root: 'packages/groupbuy',
      pages: ['campaign/index', 'group/index', 'join/index', 'mine/index'],
    },
    { root: 'packages/coupons', pages: ['mine/index', 'center/index'] },
    { root: 'packages/pointsmall', pages: ['list/index', 'detail/index', 'records/index'] },
    { root: 'packages/points', pages: ['signin/index', 'ledger/index'] },
    // 我的导购 and the guide workbench; on H5 also 导购助手, the page of WeCom's chat toolbar
    // (a mini-program never opens inside WeCom's toolbar: the weapp build leaves it out).
    { root: 'packages/guide', pages: ['mine/index', 'workbench/index', ...(process.env.TARO_ENV === 'h5' ? ['sidebar/index'] : [])] },
  ],
  // WeCom's contact plugin (「联系我」 in the mini-program): the add-your-guide prompt and 我的导购.
  plugins: { contactPlugin: { version: '1.4.3', provider: 'wx104a1a20c3f81ec2' } },
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
