/**
 * Products, SKUs, categories and banners, and the one owner of sku.stock: the stock contributor
 * takes part in every checkout, and the catalogue supplies checkout's draft lines.
 */
import { CatalogueSortIndexes1795900000000 } from '../../db/migrations/1795900000000-catalogue-sort-indexes';
import { BannerListIndexes1796205000002 } from '../../db/migrations/1796205000002-banner-list-indexes';
import path from 'node:path';
import { HOME_PRODUCTS } from '@common/catalogue/home';
import type { ProductCardDto } from '@common/catalogue/types';
import type { Page } from '@common/paging';
import { defineModule } from '../../platform/module';
import { BannerAdmin } from './catalogue.banners';
import { UPLOAD_PATH } from './catalogue.uploads';
import { DiskImageStorage } from './image-storage';
import { CatalogueAdmin } from './catalogue.admin';
import { Banner, Category, Product, Sku, StockAdjustment } from './catalogue.entities';
import { registerCatalogueRoutes } from './catalogue.routes';
import { ProductListQuery } from './catalogue.schema';
import { CatalogueService } from './catalogue.service';
import { PublicCatalogue } from './catalogue.public';
import { attachSkuSoldOut, SkuSoldOut } from './sku-sold-out';
import { StockContributor } from './stock.contributor';
import { batchedSkuLines } from './sku-lines';

export const catalogueModule = defineModule({
  name: 'catalogue',
  entities: [Category, Product, Sku, StockAdjustment, Banner],
  // Its tables came with the foundation migration (listed by auth, which it also created).
  migrations: [CatalogueSortIndexes1795900000000, BannerListIndexes1796205000002],
  errors: {
    PRODUCT_NOT_FOUND: 404,
    CATEGORY_NOT_FOUND: 404,
    SKU_NOT_FOUND: 404,
    SKU_OFF_SALE: 409,
    OUT_OF_STOCK: 409,
    SKU_SPEC_DUPLICATE: 409,
    STOCK_WOULD_GO_NEGATIVE: 409,
    STOCK_OVER_LIMIT: 409,
    CATEGORY_NAME_TAKEN: 409,
    BANNER_NOT_FOUND: 404,
    IMAGE_TOO_LARGE: 413,
    IMAGE_TYPE_UNSUPPORTED: 415,
  },
  build(ctx) {
    const catalogue = new CatalogueService(ctx.ds);
    const catalogueAdmin = new CatalogueAdmin(ctx.tx, catalogue, ctx.now);
    const soldOut = new SkuSoldOut(ctx.soldOut, ctx.tx);
    attachSkuSoldOut(ctx.ds, soldOut);
    const stock = new StockContributor(soldOut);
    ctx.contributors.register(stock).useLineSource(batchedSkuLines(ctx.ds));
    // The console's 轮播图 and pictures; pictures live under the data directory (an object store
    // would implement ImageStorage instead). The upload's body is the picture, not JSON.
    const hqConsole = { banners: new BannerAdmin(ctx.ds, ctx.tx, ctx.now), images: new DiskImageStorage(path.join(ctx.config.dataDir, 'uploads/images')) };
    ctx.acceptRawBody(UPLOAD_PATH);
    const shop = new PublicCatalogue(catalogue, { ttlMs: ctx.config.CATALOGUE_CACHE_MS, now: ctx.now });
    ctx.routes((api) => registerCatalogueRoutes(api, catalogue, shop, catalogueAdmin, hqConsole));
    // The H5 index.html's first screen: 首页's list answer itself (its query as the page sends it, so the same kept answer).
    const homeQuery = ProductListQuery.parse({ sort: HOME_PRODUCTS.sort, page: String(HOME_PRODUCTS.page), pageSize: String(HOME_PRODUCTS.pageSize) });
    ctx.firstScreen.provide(async () => {
      const answer = await shop.products(homeQuery);
      return { version: answer.etag, products: () => (JSON.parse(answer.body.toString()) as { data: Page<ProductCardDto> }).data.items };
    });
    return { catalogue, catalogueAdmin, stock, skuSoldOut: soldOut };
  },
});
