/**
 * Public entry of the catalogue module. Other modules read SKUs and products through
 * loadSkusWithProducts and move stock only through adjustStock/reserveStock/releaseStock.
 */
export { catalogueModule } from './catalogue.module';
export type { CatalogueService } from './catalogue.service';
export type { StockContributor } from './stock.contributor';
export { adjustStock, loadSkusWithProducts, releaseStock, reserveStock, type StockLine } from './stock';
export { productFacts, type ProductFacts, type ProductSnapshot, type SkuSnapshot } from './catalogue.ports';
