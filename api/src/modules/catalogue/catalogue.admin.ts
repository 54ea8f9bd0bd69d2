/**
 * HQ's writes to the catalogue. Every write runs in one Transactor.run; rules come from
 * common/catalogue/sku.ts; stock only ever changes through stock.ts (conditional updates).
 */
import type { EntityManager } from 'typeorm';
import type { ProductDetailDto, ProductStatus, SkuDto, SkuSpecs, SkuStatus, SpecDef } from '@common/catalogue/types';
import { checkSkuSpecs, specKey } from '@common/catalogue/sku';
import { isUniqueViolation } from '../../db/errors';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { Category, Product, Sku } from './catalogue.entities';
import { toCategoryDto, toSkuDto } from './catalogue.mappers';
import type { CatalogueService } from './catalogue.service';
import { applySkuChanges, type SkuChange } from './sku-changes';
import { adjustStock } from './stock';

export interface SkuInput {
  specs: SkuSpecs;
  priceFen: number;
  originalPriceFen: number | null;
  stock: number;
  status: SkuStatus;
}

export interface ProductInput {
  categoryId: number;
  title: string;
  subtitle: string;
  images: string[];
  description: string;
  tags: string[];
  specs: SpecDef[];
  status: ProductStatus;
  skus: SkuInput[];
}

export type ProductPatch = Partial<Omit<ProductInput, 'skus'>> & { skus?: SkuChange[] };
export type SkuPatch = Partial<Pick<SkuInput, 'priceFen' | 'originalPriceFen' | 'status'>>;

export class CatalogueAdmin {
  constructor(
    private readonly tx: Transactor,
    private readonly catalogue: CatalogueService,
    private readonly now: () => Date,
  ) {}

  async createCategory(input: { name: string; icon: string | null; sort: number }) {
    const now = this.now();
    try {
      const saved = await this.tx.run((m) => m.save(m.create(Category, { ...input, createdAt: now, updatedAt: now })));
      return toCategoryDto(saved);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('CATEGORY_NAME_TAKEN', input.name);
      throw err;
    }
  }

  async updateCategory(id: number, patch: Partial<{ name: string; icon: string | null; sort: number }>) {
    try {
      await this.tx.run(async (m) => {
        const res = await m.update(Category, { id }, { ...patch, updatedAt: this.now() });
        if (!res.affected) throw new AppError('CATEGORY_NOT_FOUND', `category ${id}`);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('CATEGORY_NAME_TAKEN', patch.name);
      throw err;
    }
    return toCategoryDto(await this.catalogue.requireCategory(id));
  }

  async createProduct(input: ProductInput): Promise<ProductDetailDto> {
    assertSpecs(input.specs, input.skus.map((s) => s.specs));
    const now = this.now();
    const id = await this.tx.run(async (m) => {
      await requireCategoryIn(m, input.categoryId);
      const { skus, ...fields } = input;
      const product = await m.save(
        m.create(Product, { ...fields, minPriceFen: 0, minOriginalPriceFen: null, salesCount: 0, createdAt: now, updatedAt: now }),
      );
      await m.insert(
        Sku,
        skus.map((s) => ({ ...s, productId: product.id, specKey: specKey(s.specs), createdAt: now, updatedAt: now })),
      );
      await refreshPrices(m, product.id);
      return product.id;
    });
    return this.catalogue.productDetail(id, { shopper: false });
  }

  /**
   * An edit: the product's fields and its SKU matrix changes (sku-changes.ts) in one transaction,
   * so a refused row leaves the product and every SKU as they were.
   */
  async updateProduct(id: number, patch: ProductPatch): Promise<ProductDetailDto> {
    const { skus: changes, ...fields } = patch;
    const now = this.now();
    try {
      await this.tx.run(async (m) => {
        const product = await m.findOneBy(Product, { id });
        if (!product) throw new AppError('PRODUCT_NOT_FOUND', `product ${id}`);
        if (fields.categoryId !== undefined) await requireCategoryIn(m, fields.categoryId);
        const saved = await m.findBy(Sku, { productId: id });
        // New spec definitions must still describe every existing SKU.
        if (fields.specs) assertSpecs(fields.specs, saved.map((s) => s.specs));
        await m.update(Product, { id }, { ...fields, updatedAt: now });
        if (!changes?.length) return;
        await applySkuChanges(m, { id, specs: fields.specs ?? product.specs, saved }, changes, now);
        await refreshPrices(m, id);
      });
    } catch (err) {
      // A concurrent add of the same combination: the unique (product_id, spec_key) index decides.
      if (isUniqueViolation(err)) throw new AppError('SKU_SPEC_DUPLICATE', 'sku', [{ field: 'skus', message: '规格组合已存在，请刷新后重试' }]);
      throw err;
    }
    return this.catalogue.productDetail(id, { shopper: false });
  }

  async addSku(productId: number, input: SkuInput): Promise<SkuDto> {
    const now = this.now();
    try {
      const sku = await this.tx.run(async (m) => {
        const product = await m.findOneBy(Product, { id: productId });
        if (!product) throw new AppError('PRODUCT_NOT_FOUND', `product ${productId}`);
        const existing = await m.findBy(Sku, { productId });
        assertSpecs(product.specs, [...existing.map((s) => s.specs), input.specs]);
        const saved = await m.save(m.create(Sku, { ...input, productId, specKey: specKey(input.specs), createdAt: now, updatedAt: now }));
        await refreshPrices(m, productId);
        return saved;
      });
      return toSkuDto(sku);
    } catch (err) {
      // A concurrent add of the same combination: the unique (product_id, spec_key) index decides.
      if (isUniqueViolation(err)) throw new AppError('SKU_SPEC_DUPLICATE', specKey(input.specs));
      throw err;
    }
  }

  async updateSku(id: number, patch: SkuPatch): Promise<SkuDto> {
    const sku = await this.tx.run(async (m) => {
      const current = await m.findOneBy(Sku, { id });
      if (!current) throw new AppError('SKU_NOT_FOUND', `sku ${id}`);
      const priceFen = patch.priceFen ?? current.priceFen;
      const originalPriceFen = patch.originalPriceFen === undefined ? current.originalPriceFen : patch.originalPriceFen;
      if (originalPriceFen !== null && originalPriceFen <= priceFen) {
        throw new AppError('VALIDATION_FAILED', 'original price not above price', [{ field: 'originalPriceFen', message: '划线价必须高于售价' }]);
      }
      await m.update(Sku, { id }, { ...patch, updatedAt: this.now() });
      await refreshPrices(m, current.productId);
      return m.findOneByOrFail(Sku, { id });
    });
    return toSkuDto(sku);
  }

  /**
   * Adds `delta` (negative to remove) to a SKU's stock. HQ sends a change, never an absolute
   * value: "set stock to 50" would silently undo orders placed since the operator loaded the page.
   */
  async adjustStock(id: number, delta: number, reason: string, adminId: number | null): Promise<SkuDto> {
    const sku = await this.tx.run((m) => adjustStock(m, { skuId: id, delta, reason, adminId }, this.now()));
    return toSkuDto(sku);
  }
}

function assertSpecs(defs: SpecDef[], skus: SkuSpecs[]): void {
  const check = checkSkuSpecs(defs, skus);
  if (!check.ok) throw new AppError(check.code, check.detail, [{ field: 'skus', message: check.detail }]);
}

async function requireCategoryIn(m: EntityManager, id: number): Promise<void> {
  if (!(await m.existsBy(Category, { id }))) throw new AppError('CATEGORY_NOT_FOUND', `category ${id}`);
}

/**
 * Recomputes the product's list price (lowest on-sale SKU, or lowest of all when none is on
 * sale) inside the caller's transaction, so sorting by price never sees a stale value.
 */
async function refreshPrices(m: EntityManager, productId: number): Promise<void> {
  const skus = await m.findBy(Sku, { productId });
  const onSale = skus.filter((s) => s.status === 'on_sale');
  const pool = onSale.length ? onSale : skus;
  if (!pool.length) return;
  const cheapest = pool.reduce((a, b) => (b.priceFen < a.priceFen ? b : a));
  await m.update(Product, { id: productId }, { minPriceFen: cheapest.priceFen, minOriginalPriceFen: cheapest.originalPriceFen });
}
