/** Catalogue fixtures, made through the HQ API exactly as an operator would. */
import type { ProductDetailDto, SkuSpecs, SpecDef } from '@common/catalogue/types';
import type { TestApp } from './harness';

let seq = 0;

export async function createCategory(app: TestApp, hq: string, name = `分类${++seq}`): Promise<number> {
  const res = await app.api.post('/api/hq/categories', { name }, hq);
  if (res.status !== 201) throw new Error(`category: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.id;
}

export interface ProductFixture {
  categoryId: number;
  title?: string;
  subtitle?: string;
  tags?: string[];
  status?: 'draft' | 'on_sale' | 'off_sale';
  specs?: SpecDef[];
  skus?: { specs: SkuSpecs; priceFen: number; originalPriceFen?: number | null; stock: number; status?: 'on_sale' | 'off_sale' }[];
}

export async function createProduct(app: TestApp, hq: string, f: ProductFixture): Promise<ProductDetailDto> {
  const body = {
    categoryId: f.categoryId,
    title: f.title ?? `测试商品${++seq}`,
    subtitle: f.subtitle ?? '',
    images: ['/assets/products/test.svg'],
    description: '测试描述',
    tags: f.tags ?? [],
    specs: f.specs ?? [],
    status: f.status ?? 'on_sale',
    skus: f.skus ?? [{ specs: {}, priceFen: 9900, stock: 10 }],
  };
  const res = await app.api.post('/api/hq/products', body, hq);
  if (res.status !== 201) throw new Error(`product: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
}

export const TEE_SPECS: SpecDef[] = [
  { name: '颜色', values: ['白色', '黑色'] },
  { name: '尺码', values: ['M', 'L'] },
];
