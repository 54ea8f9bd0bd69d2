/**
 * Campaign rows → DTOs, with the SKU's display facts (picture, spec, 单独购买 price) read through
 * the catalogue's own service and cached briefly per instance: at the opening second thousands
 * of page loads would otherwise each read the product.
 */
import type { CampaignDto } from '@common/groupbuy/types';
import { campaignPhase } from '@common/groupbuy/rules';
import { specLabel } from '@common/catalogue/sku';
import type { CatalogueService } from '../catalogue';
import type { GbCampaign } from './groupbuy.entities';

interface SkuFacts {
  image: string | null;
  specLabel: string;
  priceFen: number;
}

const TTL_MS = 10_000;

export class CampaignView {
  private readonly cache = new Map<number, { at: number; facts: SkuFacts }>();

  constructor(
    private readonly catalogue: CatalogueService,
    private readonly now: () => Date,
  ) {}

  async skuFacts(productId: number, skuId: number): Promise<SkuFacts> {
    const hit = this.cache.get(skuId);
    if (hit && this.now().getTime() - hit.at < TTL_MS) return hit.facts;
    const p = await this.catalogue.productDetail(productId, { shopper: false });
    const sku = p.skus.find((s) => s.id === skuId);
    const facts = { image: p.images[0] ?? p.cover ?? null, specLabel: sku ? specLabel(p.specs, sku.specs) : '', priceFen: sku?.priceFen ?? 0 };
    this.cache.set(skuId, { at: this.now().getTime(), facts });
    return facts;
  }

  async dto(c: GbCampaign): Promise<CampaignDto> {
    const f = await this.skuFacts(c.productId, c.skuId);
    const phase = campaignPhase(c, this.now());
    return {
      id: c.id,
      title: c.title,
      skuId: c.skuId,
      productId: c.productId,
      image: f.image,
      specLabel: f.specLabel,
      groupPriceFen: c.groupPriceFen,
      soloPriceFen: f.priceFen,
      groupSize: c.groupSize,
      startAt: c.startAt.toISOString(),
      endAt: c.endAt.toISOString(),
      groupHours: c.groupHours,
      perShopperLimit: c.perShopperLimit,
      status: phase === 'upcoming' ? 'scheduled' : phase,
      stockTotal: c.stockTotal - c.unitsReturned,
      sold: c.unitsSold,
      held: c.unitsHeld,
      left: c.stockLeft,
    };
  }
}
