/** Demo products: 家居生活. */
import { type DemoProduct, HOME, images, single, spec, variants } from './demo-kit';

export const HOME_PRODUCTS: DemoProduct[] = [
  // ——— 家居生活 ———
  {
    key: 'ceramic-mug',
    category: HOME,
    title: '北欧简约陶瓷马克杯 380ml',
    subtitle: '哑光釉面 · 可进微波炉 · 送礼自用皆宜',
    description:
      '高温烧制陶瓷，哑光釉面触感细腻。380ml容量，咖啡、牛奶、燕麦都合适。可放入微波炉和洗碗机，不含铅镉更安心。',
    tags: ['积分可兑'],
    specs: [spec('颜色', '奶白', '雾霾蓝', '薄荷绿', '焦糖色')],
    skus: [
      { specs: { 颜色: '奶白' }, priceFen: 2990, originalPriceFen: null, stock: 180 },
      { specs: { 颜色: '雾霾蓝' }, priceFen: 2990, originalPriceFen: null, stock: 96 },
      { specs: { 颜色: '薄荷绿' }, priceFen: 2990, originalPriceFen: null, stock: 0 },
      { specs: { 颜色: '焦糖色' }, priceFen: 2990, originalPriceFen: null, stock: 47 },
    ],
    images: images('ceramic-mug', 'cream', 'blue', 'caramel'),
    salesCount: 2690,
    daysAgo: 16,
  },
  {
    key: 'long-staple-cotton-towel',
    category: HOME,
    title: '新疆长绒棉加厚毛巾',
    subtitle: 'A类长绒棉 · 柔软吸水 · 不易掉毛',
    description:
      '新疆长绒棉织造，毛圈细密蓬松，吸水快、不易掉毛。A类标准，婴幼儿也可使用。首次使用前请清洗一次，避免与粗糙衣物混洗。',
    tags: ['长绒棉'],
    ...variants(
      [spec('颜色', '米白', '浅灰', '雾霾蓝'), spec('规格', '毛巾 34×76cm', '浴巾 70×140cm')],
      (s) => (s['规格'].startsWith('浴巾') ? [7900, 9900] : [2990, null]),
      [150, 66, 120, 58, 85, 0],
    ),
    images: images('long-staple-cotton-towel', 'cream', 'grey', 'blue'),
    salesCount: 4125,
    daysAgo: 42,
  },
  {
    key: 'memory-foam-pillow',
    category: HOME,
    title: '慢回弹记忆棉护颈枕',
    subtitle: '人体工学曲线 · 贴合颈椎 · 可拆洗枕套',
    description:
      '慢回弹记忆棉随体温和压力塑形，贴合颈部曲线。高低双侧设计，仰睡侧睡都舒适。外层枕套可拆卸机洗，内芯请勿水洗，定期通风晾晒即可。',
    tags: ['助眠'],
    specs: [],
    skus: single(12900, 16900, 58),
    images: images('memory-foam-pillow'),
    salesCount: 1840,
    daysAgo: 31,
  },
  {
    key: 'scented-candle',
    category: HOME,
    title: '大豆蜡香薰蜡烛 200g',
    subtitle: '天然大豆蜡 · 燃烧约40小时 · 三种香型',
    description:
      '天然大豆蜡配合进口香精，燃烧均匀少烟。200g可燃烧约40小时，玻璃杯身用完可作收纳。首次点燃请燃烧至表面完全融化，避免出现隧道效应。',
    tags: ['氛围感', '送礼'],
    specs: [spec('香型', '无花果', '白茶', '雪松')],
    skus: [
      { specs: { 香型: '无花果' }, priceFen: 6900, originalPriceFen: 8900, stock: 64 },
      { specs: { 香型: '白茶' }, priceFen: 6900, originalPriceFen: 8900, stock: 38 },
      { specs: { 香型: '雪松' }, priceFen: 6900, originalPriceFen: 8900, stock: 25 },
    ],
    images: images('scented-candle', 'fig', 'tea', 'cedar'),
    salesCount: 1322,
    daysAgo: 10,
  },
  {
    key: 'foldable-storage-box',
    category: HOME,
    title: '棉麻可折叠收纳箱',
    subtitle: '棉麻布艺 · 防潮内衬 · 不用时可折叠',
    description:
      '棉麻混纺外层，内附防潮涂层，衣物、玩具、杂物都能装。两侧提手方便搬运，不用时可折叠收起。表面脏污可用湿布擦拭，请勿整体水洗。',
    tags: ['收纳'],
    specs: [spec('规格', '小号', '中号', '大号')],
    skus: [
      { specs: { 规格: '小号' }, priceFen: 1990, originalPriceFen: null, stock: 200 },
      { specs: { 规格: '中号' }, priceFen: 2990, originalPriceFen: null, stock: 145 },
      { specs: { 规格: '大号' }, priceFen: 3990, originalPriceFen: 4990, stock: 90 },
    ],
    images: images('foldable-storage-box'),
    salesCount: 2865,
    daysAgo: 55,
  },
  {
    key: 'steel-thermos-cup',
    category: HOME,
    title: '316不锈钢保温杯 500ml',
    subtitle: '316医用级内胆 · 12小时保温 · 一键弹盖',
    description:
      '内胆采用316不锈钢，耐腐蚀更安心。真空双层结构，保温12小时、保冷24小时。杯盖可拆卸清洗，请勿放入微波炉。',
    tags: ['新品'],
    specs: [spec('颜色', '象牙白', '墨绿', '樱花粉', '黑色')],
    skus: [
      { specs: { 颜色: '象牙白' }, priceFen: 8900, originalPriceFen: 10900, stock: 75 },
      { specs: { 颜色: '墨绿' }, priceFen: 8900, originalPriceFen: 10900, stock: 52 },
      { specs: { 颜色: '樱花粉' }, priceFen: 8900, originalPriceFen: 10900, stock: 14 },
      { specs: { 颜色: '黑色' }, priceFen: 8900, originalPriceFen: 10900, stock: 88 },
    ],
    images: images('steel-thermos-cup', 'green', 'ivory', 'pink'),
    salesCount: 1955,
    daysAgo: 2,
  },
  {
    key: 'cozy-cotton-slippers',
    category: HOME,
    title: '居家防滑加绒棉拖鞋',
    subtitle: '毛绒包头 · 静音防滑底 · 男女款可选',
    description:
      '毛绒包头设计，脚背也暖和。加厚记忆棉鞋垫踩着软软的，底部TPR防滑纹路，走路静音。可手洗，洗后放阴凉处晾干。',
    tags: ['秋冬'],
    ...variants(
      [spec('颜色', '灰色', '粉色'), spec('尺码', '36-37', '38-39', '40-41', '42-43')],
      [3590, 4590],
      [40, 65, 80, 55, 70, 90, 0, 0],
    ),
    images: images('cozy-cotton-slippers', 'grey', 'pink'),
    salesCount: 3377,
    daysAgo: 4,
  },
  {
    key: 'coral-fleece-blanket',
    category: HOME,
    title: '珊瑚绒四季午睡毯',
    subtitle: '细腻绒感 · 不掉毛不起球 · 午睡沙发都合适',
    description:
      '高密度珊瑚绒，绒面细腻柔软，不掉毛不起球。轻薄保暖，办公室午睡、客厅沙发都能用。可机洗，建议使用洗衣袋并低温晾干。',
    tags: ['柔软'],
    specs: [spec('规格', '100×150cm', '150×200cm')],
    skus: [
      { specs: { 规格: '100×150cm' }, priceFen: 5900, originalPriceFen: null, stock: 110 },
      { specs: { 规格: '150×200cm' }, priceFen: 9900, originalPriceFen: 12900, stock: 64 },
    ],
    images: images('coral-fleece-blanket'),
    salesCount: 1608,
    daysAgo: 25,
  },
];
