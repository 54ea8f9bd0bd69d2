/** Demo products: 女装 and 男装. */
import { ADULT_SIZES, type DemoProduct, MEN, MEN_SIZES, WOMEN, images, spec, variants } from './demo-kit';

export const APPAREL_PRODUCTS: DemoProduct[] = [
  // ——— 女装 ———
  {
    key: 'women-cotton-crew-tee',
    category: WOMEN,
    title: '女士纯棉圆领短袖T恤',
    subtitle: '新疆长绒棉 · 柔软亲肤 · 基础百搭',
    description:
      '采用新疆长绒棉精梳纱线，布面细腻柔软，透气吸汗。经典圆领与合身版型，单穿或内搭都好看。建议30℃以下冷水洗涤，反面晾晒不易褪色。',
    tags: ['新品', '纯棉'],
    ...variants(
      [spec('颜色', '白色', '黑色', '雾霾蓝'), ADULT_SIZES],
      [5900, 7900],
      [86, 240, 198, 64, 45, 132, 120, 0, 6, 58, 77, 23],
    ),
    images: images('women-cotton-crew-tee', 'white', 'black', 'blue'),
    salesCount: 3280,
    daysAgo: 3,
  },
  {
    key: 'women-waffle-long-tee',
    category: WOMEN,
    title: '女士华夫格长袖T恤',
    subtitle: '立体华夫格纹理 · 秋季打底不闷热',
    description:
      '立体华夫格面料，蓬松有弹性，贴身穿着不闷热。微宽松落肩版型，遮肉显瘦。可机洗，建议使用洗衣袋并平铺晾干以保持纹理。',
    tags: ['秋季新品'],
    ...variants(
      [spec('颜色', '燕麦色', '浅灰', '藏青'), spec('尺码', 'S', 'M', 'L')],
      [7900, null],
      [42, 96, 70, 35, 88, 61, 12, 50, 44],
    ),
    images: images('women-waffle-long-tee', 'oat', 'grey', 'navy'),
    salesCount: 1562,
    daysAgo: 6,
  },
  {
    key: 'women-linen-shirt',
    category: WOMEN,
    title: '女士亚麻混纺宽松衬衫',
    subtitle: '天然亚麻 · 清爽透气 · 可作防晒外搭',
    description:
      '亚麻与棉混纺，保留亚麻的清爽挺括，又减少了扎感。宽松廓形，可单穿也可敞开作外搭。亚麻易皱属正常现象，中温熨烫即可恢复平整。',
    tags: ['亚麻'],
    ...variants(
      [spec('颜色', '白色', '浅蓝', '卡其'), spec('尺码', 'S', 'M', 'L')],
      [14900, 19900],
      [30, 55, 38, 26, 47, 0, 18, 33, 21],
    ),
    images: images('women-linen-shirt', 'white', 'lightblue', 'khaki'),
    salesCount: 864,
    daysAgo: 21,
  },
  {
    key: 'women-wool-cardigan',
    category: WOMEN,
    title: '女士羊毛混纺V领开衫',
    subtitle: '含30%羊毛 · 软糯亲肤 · 均码宽松',
    description:
      '30%美利奴羊毛混纺，手感软糯不扎，保暖又轻盈。V领设计修饰脸型，均码宽松版型适合155-170cm。建议手洗或干洗，平铺晾干避免变形。',
    tags: ['羊毛', '秋冬'],
    specs: [spec('颜色', '米白', '焦糖色', '墨绿')],
    skus: [
      { specs: { 颜色: '米白' }, priceFen: 19900, originalPriceFen: 25900, stock: 64 },
      { specs: { 颜色: '焦糖色' }, priceFen: 19900, originalPriceFen: 25900, stock: 41 },
      { specs: { 颜色: '墨绿' }, priceFen: 19900, originalPriceFen: 25900, stock: 0 },
    ],
    images: images('women-wool-cardigan', 'cream', 'caramel', 'green'),
    salesCount: 1127,
    daysAgo: 4,
  },
  {
    key: 'women-pleated-skirt',
    category: WOMEN,
    title: '女士高腰百褶半身裙',
    subtitle: '垂坠百褶 · 高腰显高 · 通勤约会皆宜',
    description:
      '细密压褶工艺，走动时裙摆灵动自然。高腰设计拉长腿部比例，后腰隐形拉链穿脱方便。建议反面低温熨烫，悬挂收纳以保持褶线。',
    tags: ['显瘦'],
    ...variants([ADULT_SIZES], [12900, null], [36, 72, 58, 15]),
    images: images('women-pleated-skirt', 'navy'),
    salesCount: 942,
    daysAgo: 15,
  },
  {
    key: 'women-floral-dress',
    category: WOMEN,
    title: '女士碎花雪纺收腰连衣裙',
    subtitle: '法式碎花 · 收腰显瘦 · 含内衬不透',
    description:
      '轻盈雪纺面料搭配法式小碎花，清新温柔。收腰系带设计勾勒腰线，A字裙摆遮肉。附有亲肤内衬不易走光，建议手洗，勿拧干。',
    tags: ['法式', '收腰'],
    ...variants([spec('颜色', '杏色碎花', '蓝色碎花'), spec('尺码', 'S', 'M', 'L')], [16900, 22900], [28, 46, 19, 0, 33, 25]),
    images: images('women-floral-dress', 'apricot', 'blue'),
    salesCount: 705,
    daysAgo: 30,
  },
  {
    key: 'women-wide-leg-pants',
    category: WOMEN,
    title: '女士垂感高腰阔腿裤',
    subtitle: '垂感西装面料 · 显高显瘦 · 不易起皱',
    description:
      '垂感西装面料，挺括不易起皱，通勤出行都得体。高腰阔腿版型，修饰腿型并拉长比例。腰后侧设松紧，久坐也舒适；可机洗，建议悬挂晾干。',
    tags: ['通勤'],
    ...variants([spec('颜色', '黑色', '燕麦色'), ADULT_SIZES], [13900, null], [52, 110, 94, 40, 22, 60, 48, 9]),
    images: images('women-wide-leg-pants', 'black', 'oat'),
    salesCount: 2011,
    daysAgo: 12,
  },
  {
    key: 'women-light-down-jacket',
    category: WOMEN,
    title: '女士轻薄短款羽绒服',
    subtitle: '90%白鸭绒 · 轻至260g · 可收纳随身带',
    description:
      '填充90%白鸭绒，蓬松度高，轻薄却足够保暖。短款立领设计，内搭外穿都利落。附收纳袋，叠起来只有水杯大小；建议使用羽绒专用洗涤剂手洗。',
    tags: ['秋冬上新', '羽绒'],
    ...variants(
      [spec('颜色', '黑色', '米白', '雾霾蓝'), spec('尺码', 'S', 'M', 'L')],
      [39900, 49900],
      [38, 65, 47, 20, 31, 4, 25, 36, 18],
    ),
    images: images('women-light-down-jacket', 'cream', 'black', 'blue'),
    salesCount: 1388,
    daysAgo: 1,
  },

  // ——— 男装 ———
  {
    key: 'men-heavy-cotton-tee',
    category: MEN,
    title: '男士重磅纯棉圆领T恤',
    subtitle: '260g重磅棉 · 挺括不透 · 领口不易变形',
    description:
      '260克重磅纯棉面料，厚实挺括，浅色也不透。罗纹领口加密织造，多次洗涤不易松垮。宽松落肩版型，建议反面机洗，避免暴晒。',
    tags: ['纯棉', '爆款'],
    ...variants(
      [spec('颜色', '白色', '黑色', '灰色', '藏青'), MEN_SIZES],
      [7900, null],
      [180, 260, 210, 95, 150, 300, 240, 0, 66, 88, 70, 31, 54, 90, 7, 12],
    ),
    images: images('men-heavy-cotton-tee', 'white', 'black', 'grey'),
    salesCount: 5620,
    daysAgo: 9,
  },
  {
    key: 'men-polo-shirt',
    category: MEN,
    title: '男士珠地棉短袖POLO衫',
    subtitle: '珠地网眼 · 透气速干 · 商务休闲两相宜',
    description:
      '珠地网眼棉面料，透气排汗，夏天穿着清爽。经典翻领与两粒扣门襟，搭配西裤或牛仔裤都合适。领子内置定型条不易卷边，可机洗。',
    tags: ['商务休闲'],
    ...variants(
      [spec('颜色', '白色', '藏青', '墨绿'), spec('尺码', 'M', 'L', 'XL')],
      [11900, null],
      [45, 80, 52, 60, 95, 70, 20, 34, 11],
    ),
    images: images('men-polo-shirt', 'navy', 'white', 'green'),
    salesCount: 1433,
    daysAgo: 26,
  },
  {
    key: 'men-oxford-shirt',
    category: MEN,
    title: '男士牛津纺长袖衬衫',
    subtitle: '纯棉牛津纺 · 免烫易打理 · 通勤必备',
    description:
      '纯棉牛津纺面料，纹理细腻，越洗越柔软。经过免烫处理，洗后挂干即可平整。修身不紧绷的版型，左胸贴袋实用，适合通勤与日常。',
    tags: ['免烫'],
    ...variants([spec('颜色', '白色', '浅蓝'), MEN_SIZES], [14900, 17900], [40, 75, 60, 22, 35, 68, 50, 0]),
    images: images('men-oxford-shirt', 'lightblue', 'white'),
    salesCount: 978,
    daysAgo: 40,
  },
  {
    key: 'men-fleece-hoodie',
    category: MEN,
    title: '男士加绒连帽卫衣',
    subtitle: '内里加绒 · 保暖不臃肿 · 袋鼠兜设计',
    description:
      '外层棉质毛圈，内里细密摇粒绒，保暖又亲肤。宽松连帽版型配袋鼠兜，休闲出街、居家都舒服。建议反面洗涤，勿用烘干机以免缩水。',
    tags: ['加绒', '秋冬上新'],
    ...variants(
      [spec('颜色', '深灰', '黑色', '燕麦色'), spec('尺码', 'M', 'L', 'XL')],
      [16900, 21900],
      [55, 90, 62, 70, 120, 85, 28, 3, 15],
    ),
    images: images('men-fleece-hoodie', 'darkgrey', 'black', 'oat'),
    salesCount: 2376,
    daysAgo: 2,
  },
  {
    key: 'men-stretch-chinos',
    category: MEN,
    title: '男士弹力修身休闲长裤',
    subtitle: '四面弹力 · 久坐不紧绷 · 九分直筒',
    description:
      '棉质混纺加入少量氨纶，四面弹力，蹲坐自如。修身直筒九分长度，露出脚踝更显利落。可机洗，中温熨烫效果更佳。',
    tags: ['弹力'],
    ...variants(
      [spec('颜色', '卡其', '黑色'), spec('尺码', '30', '31', '32', '33', '34')],
      [15900, null],
      [24, 40, 52, 31, 10, 30, 45, 60, 36, 0],
    ),
    images: images('men-stretch-chinos', 'khaki', 'black'),
    salesCount: 1190,
    daysAgo: 33,
  },
  {
    key: 'men-hooded-down-jacket',
    category: MEN,
    title: '男士连帽加厚保暖羽绒服',
    subtitle: '90%白鸭绒 · 充绒量200g · 防泼水面料',
    description:
      '填充90%白鸭绒，充绒量约200克，零下10℃也能从容应对。面料经过防泼水处理，小雨小雪不易渗透。可拆卸连帽，袖口内置防风罗纹；建议专业干洗或羽绒专用洗涤剂手洗。',
    tags: ['秋冬上新', '羽绒'],
    ...variants(
      [spec('颜色', '黑色', '藏青', '卡其'), MEN_SIZES],
      [59900, 69900],
      [30, 48, 40, 16, 22, 35, 28, 8, 10, 18, 0, 0],
    ),
    images: images('men-hooded-down-jacket', 'navy', 'black', 'khaki'),
    salesCount: 612,
    daysAgo: 0,
  },
  {
    key: 'unisex-astronaut-tee',
    category: MEN,
    title: '男女同款宇航员印花T恤',
    subtitle: '趣味太空印花 · 情侣款 · 纯棉舒适',
    description:
      '纯棉面料搭配环保水性印花，手感柔软、色牢度好。宽松男女同款版型，情侣、闺蜜都能一起穿。印花处请反面洗涤，勿直接熨烫。',
    tags: ['男女同款', '印花'],
    ...variants([spec('颜色', '白色', '黑色'), ADULT_SIZES], [6900, null], [60, 95, 82, 30, 44, 70, 66, 25]),
    images: images('unisex-astronaut-tee', 'white', 'black'),
    salesCount: 2754,
    daysAgo: 18,
  },
  {
    key: 'men-sport-socks',
    category: MEN,
    title: '男士中筒运动袜（5双装）',
    subtitle: '毛圈加厚袜底 · 吸汗防臭 · 久走不累',
    description:
      '精梳棉混纺，袜底毛圈加厚，缓冲脚步压力。添加抗菌纤维，吸汗透气不易有异味。均码适合39-44码，可机洗。',
    tags: ['5双装'],
    specs: [spec('颜色', '黑色', '白色', '混色')],
    skus: [
      { specs: { 颜色: '黑色' }, priceFen: 3990, originalPriceFen: 4990, stock: 210 },
      { specs: { 颜色: '白色' }, priceFen: 3990, originalPriceFen: 4990, stock: 165 },
      { specs: { 颜色: '混色' }, priceFen: 3990, originalPriceFen: 4990, stock: 98 },
    ],
    images: images('men-sport-socks', 'black', 'white', 'mixed'),
    salesCount: 6843,
    daysAgo: 60,
  },

];
