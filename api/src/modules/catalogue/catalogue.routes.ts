import type { HqRole } from '@common/auth/types';
import { HQ_OPERATORS, HQ_WIDE } from '@common/hq/roles';
import type { ApiRouter } from '../../http/api-router';
import { adminIdOf } from '../../http/context';
import { IdParams } from '../../http/params';
import type { CatalogueAdmin } from './catalogue.admin';
import {
  CategoryBody,
  CategoryPatchBody,
  HqProductListQuery,
  ProductBody,
  ProductListQuery,
  ProductPatchBody,
  SkuBody,
  SkuPatchBody,
  StockAdjustmentBody,
  StockHistoryQuery,
  BannerBody,
  BannerListQuery,
  BannerPatchBody,
} from './catalogue.schema';
import type { BannerAdmin } from './catalogue.banners';
import { registerUploadRoutes } from './catalogue.uploads';
import type { ImageStorage } from './image-storage';
import type { CatalogueService } from './catalogue.service';
import type { PublicCatalogue } from './catalogue.public';

/** Who may change the catalogue: 运营 (and the owner); 财务 reads; store managers do not see it. */
const EDITORS = HQ_OPERATORS;


/**
 * Shoppers' catalogue answers carry an ETag (If-None-Match → 304). 首页 and the categories may be
 * kept a minute anywhere. Products (prices, stock) may be kept 10 seconds by a CDN serving the
 * crowd, but the shopper's browser asks again each time (a 304 when unchanged), so whoever just
 * bought or cancelled sees the stock as the API has it (at most CATALOGUE_CACHE_MS late).
 */
const STRUCTURE = { browserSeconds: 60, sharedSeconds: 60 };
const PRODUCTS = { browserSeconds: 0, sharedSeconds: 10 };

/** What the HQ console's catalogue pages add: 轮播图 and picture storage. */
export interface CatalogueConsole {
  banners: BannerAdmin;
  images: ImageStorage;
}

export function registerCatalogueRoutes(api: ApiRouter, catalogue: CatalogueService, shop: PublicCatalogue, admin: CatalogueAdmin, hqConsole: CatalogueConsole): void {
  /** An HQ write through this process drops its kept shopper answers, so the change shows here at once. */
  const write: ApiRouter['route'] = (def, handler) =>
    api.route(def, async (ctx, input) => {
      const result = await handler(ctx, input);
      shop.changed();
      return result;
    });

  // Shopper routes: public, on-sale products only, coalesced per process (catalogue.public.ts).
  api.route({ method: 'get', path: '/api/home', tag: 'catalogue', summary: '首页：轮播图与分类', access: 'public', cache: STRUCTURE }, () =>
    shop.home(),
  );
  api.route({ method: 'get', path: '/api/categories', tag: 'catalogue', summary: '分类列表', access: 'public', cache: STRUCTURE }, () =>
    shop.categories(),
  );
  api.route(
    { method: 'get', path: '/api/products', tag: 'catalogue', summary: '商品列表：分类、搜索、排序、分页', access: 'public', query: ProductListQuery, cache: PRODUCTS },
    (_ctx, { query }) => shop.products(query),
  );
  api.route(
    { method: 'get', path: '/api/products/:id', tag: 'catalogue', summary: '商品详情（含 SKU）', access: 'public', params: IdParams, cache: PRODUCTS },
    (_ctx, { params }) => shop.product(params.id),
  );

  // HQ routes.
  const hq = (roles: readonly HqRole[]) => ({ hq: roles });
  api.route(
    { method: 'get', path: '/api/hq/products', tag: 'hq', summary: '总部：商品列表（含草稿与下架）', access: hq(HQ_WIDE), query: HqProductListQuery },
    (_ctx, { query }) => {
      const { status, ...rest } = query;
      return catalogue.listProducts({ ...rest, statuses: status ? [status] : ['draft', 'on_sale', 'off_sale'], withStatus: true });
    },
  );
  api.route(
    { method: 'get', path: '/api/hq/products/:id', tag: 'hq', summary: '总部：商品详情（含全部 SKU）', access: hq(HQ_WIDE), params: IdParams },
    (_ctx, { params }) => catalogue.productDetail(params.id, { shopper: false }),
  );
  write(
    { method: 'post', path: '/api/hq/products', tag: 'hq', summary: '总部：创建商品及其 SKU', access: hq(EDITORS), body: ProductBody, status: 201 },
    (_ctx, { body }) => admin.createProduct(body),
  );
  write(
    { method: 'patch', path: '/api/hq/products/:id', tag: 'hq', summary: '总部：修改商品及其 SKU（价格、状态、新增规格组合；一次保存，全成或全不成）', access: hq(EDITORS), params: IdParams, body: ProductPatchBody, audit: { before: ({ params }) => catalogue.productDetail(params.id, { shopper: false }) } },
    (_ctx, { params, body }) => admin.updateProduct(params.id, body),
  );
  write(
    { method: 'post', path: '/api/hq/products/:id/skus', tag: 'hq', summary: '总部：新增 SKU', access: hq(EDITORS), params: IdParams, body: SkuBody, status: 201 },
    (_ctx, { params, body }) => admin.addSku(params.id, body),
  );
  write(
    { method: 'patch', path: '/api/hq/skus/:id', tag: 'hq', summary: '总部：修改 SKU 价格或状态', access: hq(EDITORS), params: IdParams, body: SkuPatchBody },
    (_ctx, { params, body }) => admin.updateSku(params.id, body),
  );
  write(
    {
      method: 'post',
      path: '/api/hq/skus/:id/stock-adjustments',
      tag: 'hq',
      summary: '总部：调整库存（增减量，不可减到负数）',
      access: hq(EDITORS),
      params: IdParams,
      body: StockAdjustmentBody,
      status: 201,
    },
    (ctx, { params, body }) => admin.adjustStock(params.id, body.delta, body.reason, adminIdOf(ctx)),
  );
  write(
    { method: 'post', path: '/api/hq/categories', tag: 'hq', summary: '总部：创建分类', access: hq(EDITORS), body: CategoryBody, status: 201 },
    (_ctx, { body }) => admin.createCategory(body),
  );
  write(
    { method: 'patch', path: '/api/hq/categories/:id', tag: 'hq', summary: '总部：修改分类', access: hq(EDITORS), params: IdParams, body: CategoryPatchBody },
    (_ctx, { params, body }) => admin.updateCategory(params.id, body),
  );
  api.route(
    { method: 'get', path: '/api/hq/skus/:id/stock-adjustments', tag: 'hq', summary: '总部：SKU 库存变动记录（新的在前）', access: hq(HQ_WIDE), params: IdParams, query: StockHistoryQuery },
    (_ctx, { params, query }) => catalogue.stockHistory(params.id, query),
  );
  api.route({ method: 'get', path: '/api/hq/banners', tag: 'hq', summary: '总部：轮播图（含隐藏的；分页，展示状态、标题筛选）', access: hq(HQ_WIDE), query: BannerListQuery }, (_ctx, { query }) =>
    hqConsole.banners.list(query),
  );
  write(
    { method: 'post', path: '/api/hq/banners', tag: 'hq', summary: '总部：新建轮播图', access: hq(EDITORS), body: BannerBody, status: 201 },
    (_ctx, { body }) => hqConsole.banners.create(body),
  );
  write(
    { method: 'patch', path: '/api/hq/banners/:id', tag: 'hq', summary: '总部：修改轮播图（标题、图片、商品、排序、展示）', access: hq(EDITORS), params: IdParams, body: BannerPatchBody },
    (_ctx, { params, body }) => hqConsole.banners.update(params.id, body),
  );
  registerUploadRoutes(api, hqConsole.images, EDITORS);
}
