/**
 * A guide's poster for a product or a group-buy campaign: a mini-program code whose `scene`
 * carries the target and the guide's share token (common/attribution/poster-scene), opening the
 * product or campaign page, which records the token as a touch like a shared card's `t`.
 * Made through the WeChat client's getwxacodeunlimit (wechat/poster-codes keeps them a day, so
 * reopening the workbench does not spend quota, and a kept token is at most a day older).
 */
import type { DataSource } from 'typeorm';
import { posterScene } from '@common/attribution/poster-scene';
import type { GuidePoster } from '@common/attribution/types';
import { AppError } from '../../http/app-error';
import type { Logger } from '../../logger';
import { WeChatApiError, type WeChatClient } from '../../wechat/client';
import { PosterCodes } from '../../wechat/poster-codes';
import { productFacts } from '../catalogue';
import { campaignStatusOf } from '../groupbuy';
import type { ShareTokens } from '../share';
import type { GuidesWorkbench } from './guides.workbench';

export const POSTER_PAGES = { product: 'pages/product/index', campaign: 'packages/groupbuy/campaign/index' } as const;
export type PosterKind = keyof typeof POSTER_PAGES;

const KEEP_MS = 24 * 3600_000;

export class GuidePosters {
  private readonly codes: PosterCodes;

  constructor(
    private readonly ds: DataSource,
    private readonly workbench: GuidesWorkbench,
    private readonly shareTokens: ShareTokens,
    wechat: WeChatClient,
    private readonly log: Logger,
    now: () => Date,
  ) {
    this.codes = new PosterCodes(wechat, { keep: 2000, ttlMs: KEEP_MS, now: () => now().getTime() });
  }

  async make(memberId: number, kind: PosterKind, targetId: number): Promise<GuidePoster> {
    const guide = await this.workbench.guideOf(memberId); // 403 NOT_A_GUIDE for a plain shopper
    await this.requireTarget(kind, targetId);
    const page = POSTER_PAGES[kind];
    try {
      const code = await this.codes.code(`${guide.id}:${kind}:${targetId}`, () => {
        const scene = posterScene(targetId, this.shareTokens.sign({ kind: 'guide', id: guide.id }));
        if (!scene) throw new AppError('GUIDE_POSTER_TOO_LONG', `${kind} ${targetId}, guide ${guide.id}`);
        return { scene, page };
      });
      return { kind, targetId, scene: code.scene, page: code.page, image: code.image };
    } catch (err) {
      if (err instanceof AppError) throw err;
      this.log.warn({ err, guideId: guide.id, kind, targetId }, 'guide poster code failed');
      // 41030: the page is not in the released mini-program; 45009: today's quota is spent.
      if (err instanceof WeChatApiError && err.errcode === 41030) throw new AppError('GUIDE_POSTER_PAGE_MISSING', page);
      if (err instanceof WeChatApiError && err.errcode === 45009) throw new AppError('GUIDE_POSTER_QUOTA');
      throw new AppError('GUIDE_POSTER_FAILED', err instanceof WeChatApiError ? `errcode ${err.errcode}` : undefined);
    }
  }

  /** Only what a shopper may open: a product on sale, a campaign past its draft. */
  private async requireTarget(kind: PosterKind, id: number): Promise<void> {
    if (kind === 'product') {
      if ((await productFacts(this.ds.manager, [id]))[0]?.status !== 'on_sale') throw new AppError('PRODUCT_NOT_FOUND', `product ${id}`);
      return;
    }
    const status = await campaignStatusOf(this.ds.manager, id);
    if (!status || status === 'draft') throw new AppError('GROUPBUY_CAMPAIGN_NOT_FOUND', `campaign ${id}`);
  }
}
