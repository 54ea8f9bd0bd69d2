/**
 * The demo catalogue: a Chinese lifestyle / apparel retail chain's store (clothing, beauty and
 * home goods). Pure data, no I/O: the seeder turns it into rows. Money is integer fen; images are
 * site-relative paths of SVG files under api/assets.
 */
import type { SkuSpecs, SpecDef } from '@common/catalogue/types';

export interface DemoCategory {
  name: string;
  /** '/assets/categories/<file>.svg' */
  icon: string;
}

export interface DemoSku {
  specs: SkuSpecs;
  priceFen: number;
  originalPriceFen: number | null;
  stock: number;
}

export interface DemoProduct {
  /** Stable slug, unique. */
  key: string;
  /** A DemoCategory name. */
  category: string;
  title: string;
  subtitle: string;
  description: string;
  tags: string[];
  /** [] for single-SKU products. */
  specs: SpecDef[];
  skus: DemoSku[];
  /** 1-3 site-relative paths '/assets/products/<file>.svg'; the first is the cover. */
  images: string[];
  salesCount: number;
  /** Listed this many days before seeding (drives the 'newest' sort). */
  daysAgo: number;
}

export interface DemoBanner {
  title: string;
  /** '/assets/banners/<file>.svg' (750x320) */
  image: string;
  productKey: string | null;
}

const WOMEN = '女装';
const MEN = '男装';
const KIDS = '童装';
const BEAUTY = '美妆个护';
const HOME = '家居生活';

export const DEMO_CATEGORIES: DemoCategory[] = [
  { name: WOMEN, icon: '/assets/categories/women.svg' },
  { name: MEN, icon: '/assets/categories/men.svg' },
  { name: KIDS, icon: '/assets/categories/kids.svg' },
  { name: BEAUTY, icon: '/assets/categories/beauty.svg' },
  { name: HOME, icon: '/assets/categories/home.svg' },
];

/** '/assets/products/<key>-<suffix>.svg' for each suffix, or '<key>.svg' without suffixes. */
function images(key: string, ...suffixes: string[]): string[] {
  if (suffixes.length === 0) return [`/assets/products/${key}.svg`];
  return suffixes.map((s) => `/assets/products/${key}-${s}.svg`);
}

type Price = [priceFen: number, originalPriceFen: number | null];

/**
 * The specs and one SKU per combination of their values (first dimension outermost), priced by
 * `price` and stocked from `stocks` in the same order: one stock number per combination.
 */
function variants(
  defs: SpecDef[],
  price: Price | ((specs: SkuSpecs) => Price),
  stocks: number[],
): { specs: SpecDef[]; skus: DemoSku[] } {
  let combos: SkuSpecs[] = [{}];
  for (const def of defs) {
    combos = combos.flatMap((partial) => def.values.map((value) => ({ ...partial, [def.name]: value })));
  }
  if (combos.length !== stocks.length) {
    throw new Error(`demo data: ${combos.length} SKUs but ${stocks.length} stock numbers`);
  }
  const skus = combos.map((specs, i) => {
    const [priceFen, originalPriceFen] = typeof price === 'function' ? price(specs) : price;
    return { specs, priceFen, originalPriceFen, stock: stocks[i] };
  });
  return { specs: defs, skus };
}

/** The one SKU of a product without specs. */
function single(priceFen: number, originalPriceFen: number | null, stock: number): DemoSku[] {
  return [{ specs: {}, priceFen, originalPriceFen, stock }];
}

const spec = (name: string, ...values: string[]): SpecDef => ({ name, values });

const ADULT_SIZES = spec('尺码', 'S', 'M', 'L', 'XL');
const MEN_SIZES = spec('尺码', 'M', 'L', 'XL', 'XXL');
const KID_SIZES = spec('尺码', '100cm', '110cm', '120cm', '130cm', '140cm');

export const DEMO_PRODUCTS: DemoProduct[] = [
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

  // ——— 童装 ———
  {
    key: 'kids-bear-tee',
    category: KIDS,
    title: '儿童小熊印花纯棉T恤',
    subtitle: 'A类婴幼儿标准 · 无荧光剂 · 亲肤透气',
    description:
      '符合A类婴幼儿纺织品标准，纯棉面料不含荧光剂，宝宝穿着更安心。胸前可爱小熊印花，肩部开扣设计方便穿脱。建议与深色衣物分开洗涤。',
    tags: ['A类', '纯棉'],
    ...variants(
      [spec('颜色', '黄色', '浅蓝', '粉色'), KID_SIZES],
      [4900, null],
      [35, 60, 72, 48, 20, 30, 55, 9, 40, 18, 42, 66, 80, 38, 0],
    ),
    images: images('kids-bear-tee', 'yellow', 'lightblue', 'pink'),
    salesCount: 2189,
    daysAgo: 8,
  },
  {
    key: 'kids-fleece-jacket',
    category: KIDS,
    title: '儿童摇粒绒立领拉链外套',
    subtitle: '双面摇粒绒 · 轻暖不起球 · 防夹下巴拉链',
    description:
      '双面摇粒绒轻盈保暖，经过抗起球处理。立领拉链设计配防夹下巴拉链头，宝宝穿脱更安全。可机洗，快干不变形。',
    tags: ['秋冬'],
    ...variants(
      [spec('颜色', '粉色', '藏青'), spec('尺码', '110cm', '120cm', '130cm', '140cm')],
      (s) => (s['尺码'] === '130cm' || s['尺码'] === '140cm' ? [10900, null] : [9900, null]),
      [26, 40, 33, 12, 30, 45, 28, 0],
    ),
    images: images('kids-fleece-jacket', 'pink', 'navy'),
    salesCount: 903,
    daysAgo: 5,
  },
  {
    key: 'kids-knit-joggers',
    category: KIDS,
    title: '儿童针织束脚运动裤',
    subtitle: '松紧腰头 · 束脚防灌风 · 耐磨耐穿',
    description:
      '棉质针织面料柔软有弹性，跑跳自如。松紧腰头内置调节绳，束脚设计防灌风。膝盖部位加密织造更耐磨，可机洗。',
    tags: ['运动'],
    ...variants([KID_SIZES], [6900, 8900], [40, 62, 75, 50, 22]),
    images: images('kids-knit-joggers', 'grey'),
    salesCount: 1276,
    daysAgo: 28,
  },
  {
    key: 'baby-cotton-romper',
    category: KIDS,
    title: '婴儿纯棉长袖连体衣',
    subtitle: '新生儿可穿 · 裆部按扣 · 换尿布更方便',
    description:
      '精梳纯棉双层面料，柔软亲肤，适合宝宝娇嫩肌肤。裆部暗扣设计，换尿布无需整件脱下。缝线外置不磨皮肤，建议单独手洗。',
    tags: ['新生儿', '纯棉'],
    ...variants([spec('尺码', '59cm', '66cm', '73cm', '80cm')], [7900, 9900], [28, 45, 37, 5]),
    images: images('baby-cotton-romper', 'mint'),
    salesCount: 688,
    daysAgo: 14,
  },
  {
    key: 'kids-bucket-hat',
    category: KIDS,
    title: '儿童防晒渔夫帽',
    subtitle: 'UPF50+ · 可折叠 · 防风下巴绳',
    description:
      '面料经防紫外线处理，UPF50+，宽帽檐全方位遮阳。可折叠收纳，出游随手放进包里。附可调节防风绳，适合头围48-54cm。',
    tags: ['防晒'],
    specs: [spec('颜色', '黄色', '薄荷绿', '粉色')],
    skus: [
      { specs: { 颜色: '黄色' }, priceFen: 3900, originalPriceFen: null, stock: 88 },
      { specs: { 颜色: '薄荷绿' }, priceFen: 3900, originalPriceFen: null, stock: 56 },
      { specs: { 颜色: '粉色' }, priceFen: 3900, originalPriceFen: null, stock: 0 },
    ],
    images: images('kids-bucket-hat', 'yellow', 'mint', 'pink'),
    salesCount: 1534,
    daysAgo: 45,
  },
  {
    key: 'kids-cotton-socks',
    category: KIDS,
    title: '儿童精梳棉中筒袜（5双装）',
    subtitle: '无骨缝头 · 防滑点胶 · 3-8岁适穿',
    description:
      '精梳棉面料柔软透气，无骨缝头工艺不硌脚趾。袜底点胶防滑，在家光脚跑也安心。5双不同配色，适合3-8岁宝宝。',
    tags: ['5双装'],
    specs: [],
    skus: single(2990, null, 150),
    images: images('kids-cotton-socks'),
    salesCount: 3015,
    daysAgo: 50,
  },

  // ——— 美妆个护 ———
  {
    key: 'velvet-matte-lipstick',
    category: BEAUTY,
    title: '丝绒雾面哑光口红',
    subtitle: '一抹显色 · 持久不拔干 · 四色可选',
    description:
      '丝绒哑光质地，一抹即显色，薄涂厚涂都好看。添加玫瑰果油与维E，滋润不拔干。净含量3.5g，开封后建议12个月内用完。',
    tags: ['显白', '爆款'],
    specs: [spec('色号', '#01 正红', '#02 豆沙粉', '#03 枫叶棕', '#04 蜜桃色')],
    skus: [
      { specs: { 色号: '#01 正红' }, priceFen: 8900, originalPriceFen: 11900, stock: 120 },
      { specs: { 色号: '#02 豆沙粉' }, priceFen: 8900, originalPriceFen: 11900, stock: 0 },
      { specs: { 色号: '#03 枫叶棕' }, priceFen: 8900, originalPriceFen: 11900, stock: 76 },
      { specs: { 色号: '#04 蜜桃色' }, priceFen: 8900, originalPriceFen: 11900, stock: 54 },
    ],
    images: images('velvet-matte-lipstick', 'red', 'rose', 'maple'),
    salesCount: 4870,
    daysAgo: 11,
  },
  {
    key: 'centella-repair-cream',
    category: BEAUTY,
    title: '积雪草修护保湿面霜 50g',
    subtitle: '舒缓泛红 · 修护屏障 · 敏感肌可用',
    description:
      '添加积雪草提取物与神经酰胺，舒缓干燥泛红，帮助修护肌肤屏障。乳霜质地好推开，吸收后不黏腻。无酒精无香精，敏感肌也可放心使用。',
    tags: ['敏感肌', '修护'],
    specs: [],
    skus: single(12900, 15900, 86),
    images: images('centella-repair-cream'),
    salesCount: 2240,
    daysAgo: 20,
  },
  {
    key: 'amino-acid-shampoo',
    category: BEAUTY,
    title: '氨基酸控油蓬松洗发水',
    subtitle: '温和氨基酸表活 · 72小时控油 · 无硅油',
    description:
      '采用氨基酸表面活性剂，温和清洁头皮不紧绷。添加茶树精油，帮助控油去屑，洗后发根蓬松。无硅油配方，建议搭配同系列护发素使用。',
    tags: ['无硅油'],
    specs: [spec('容量', '400ml', '750ml')],
    skus: [
      { specs: { 容量: '400ml' }, priceFen: 3990, originalPriceFen: null, stock: 230 },
      { specs: { 容量: '750ml' }, priceFen: 5990, originalPriceFen: 6990, stock: 140 },
    ],
    images: images('amino-acid-shampoo'),
    salesCount: 5312,
    daysAgo: 38,
  },
  {
    key: 'niacinamide-body-lotion',
    category: BEAUTY,
    title: '烟酰胺亮肤身体乳',
    subtitle: '5%烟酰胺 · 清爽好吸收 · 淡淡白茶香',
    description:
      '5%烟酰胺配合透明质酸，提亮肤色的同时持久保湿。乳液质地清爽，涂抹后很快吸收不黏衣。淡雅白茶香，沐浴后涂抹效果更佳。',
    tags: ['亮肤'],
    specs: [spec('容量', '250ml', '400ml')],
    skus: [
      { specs: { 容量: '250ml' }, priceFen: 4990, originalPriceFen: null, stock: 118 },
      { specs: { 容量: '400ml' }, priceFen: 6990, originalPriceFen: 8990, stock: 74 },
    ],
    images: images('niacinamide-body-lotion'),
    salesCount: 3106,
    daysAgo: 24,
  },
  {
    key: 'hyaluronic-serum',
    category: BEAUTY,
    title: '玻尿酸补水精华液 30ml',
    subtitle: '五重玻尿酸 · 深层补水 · 水润透亮',
    description:
      '五种分子量玻尿酸层层渗透，补水保湿持续一整天。水感质地，滴管设计取用干净卫生。早晚洁面后取2-3滴轻拍至吸收，开封后请在6个月内用完。',
    tags: ['补水'],
    specs: [],
    skus: single(14900, 19900, 62),
    images: images('hyaluronic-serum'),
    salesCount: 1678,
    daysAgo: 7,
  },
  {
    key: 'hydrating-sheet-mask',
    category: BEAUTY,
    title: '补水保湿蚕丝面膜',
    subtitle: '天丝膜布 · 精华充足 · 熬夜急救',
    description:
      '天丝蚕丝膜布轻薄服帖，每片含约25ml精华液。添加玻尿酸与积雪草，补水的同时舒缓肌肤。每周2-3次，每次敷15分钟，取下后轻拍至吸收。',
    tags: ['补水', '囤货'],
    specs: [spec('规格', '10片装', '20片装')],
    skus: [
      { specs: { 规格: '10片装' }, priceFen: 5990, originalPriceFen: null, stock: 260 },
      { specs: { 规格: '20片装' }, priceFen: 9900, originalPriceFen: 11980, stock: 95 },
    ],
    images: images('hydrating-sheet-mask'),
    salesCount: 7520,
    daysAgo: 52,
  },
  {
    key: 'cotton-pads',
    category: BEAUTY,
    title: '加厚压边化妆棉 222片',
    subtitle: '三层加厚 · 压边不掉絮 · 湿敷省水',
    description:
      '三层结构纯棉化妆棉，中间加厚，湿敷卸妆都好用。四周压边处理，擦拭时不掉絮。222片大包装，居家旅行都实用。',
    tags: ['9.9元'],
    specs: [],
    skus: single(990, null, 300),
    images: images('cotton-pads'),
    salesCount: 12480,
    daysAgo: 90,
  },
  {
    key: 'floral-hand-cream',
    category: BEAUTY,
    title: '植物精油滋润护手霜 50g',
    subtitle: '乳木果油滋养 · 不黏腻 · 随身小巧',
    description:
      '添加乳木果油与植物精油，滋润干燥双手，改善粗糙。质地轻盈，涂抹后很快吸收，不影响刷手机。50g小巧管身，随手放进包里。',
    tags: ['小礼物'],
    specs: [spec('香型', '玫瑰', '白茶', '柑橘')],
    skus: [
      { specs: { 香型: '玫瑰' }, priceFen: 1990, originalPriceFen: null, stock: 140 },
      { specs: { 香型: '白茶' }, priceFen: 1990, originalPriceFen: null, stock: 96 },
      { specs: { 香型: '柑橘' }, priceFen: 1990, originalPriceFen: null, stock: 23 },
    ],
    images: images('floral-hand-cream', 'rose', 'tea', 'citrus'),
    salesCount: 3904,
    daysAgo: 35,
  },

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

export const DEMO_BANNERS: DemoBanner[] = [
  { title: '秋冬上新 · 全场满299减50', image: '/assets/banners/autumn-new.svg', productKey: 'men-hooded-down-jacket' },
  { title: '新人专享礼', image: '/assets/banners/new-member-gift.svg', productKey: null },
  { title: '会员积分兑好礼', image: '/assets/banners/points-exchange.svg', productKey: 'ceramic-mug' },
];
