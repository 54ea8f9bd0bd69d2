import { HqAdmin, Member } from '../modules/auth/auth.entities';
import { Banner, Category, Product, Sku, StockAdjustment } from '../modules/catalogue/catalogue.entities';

export const ENTITIES = [Member, HqAdmin, Category, Product, Sku, StockAdjustment, Banner];
