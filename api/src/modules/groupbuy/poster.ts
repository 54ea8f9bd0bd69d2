/**
 * Poster codes: a mini-program code (getwxacodeunlimit) that opens a group. The scene is
 * `g=<groupId>` (WeChat allows 32 visible characters). A guide's token does not fit beside it:
 * guides make their own posters (campaign and product) in modules/guides/guide-posters.ts.
 */
import { AppError } from '../../http/app-error';
import type { Logger } from '../../logger';
import type { WeChatClient } from '../../wechat/client';
import { PosterCodes } from '../../wechat/poster-codes';

export const GROUP_PAGE = 'packages/groupbuy/group/index';

export class GroupPosters {
  private readonly codes: PosterCodes;

  constructor(
    wechat: WeChatClient,
    private readonly log: Logger,
  ) {
    // A group's code never changes: keep it as long as this instance lives (up to 500 of them).
    this.codes = new PosterCodes(wechat, { keep: 500, ttlMs: Infinity, now: Date.now });
  }

  /** The code as a data URL (the page shows it in an <Image>, on weapp and H5 alike). */
  async codeFor(groupId: number): Promise<{ scene: string; image: string }> {
    const scene = `g=${groupId}`;
    try {
      const { image } = await this.codes.code(scene, () => ({ scene, page: GROUP_PAGE }));
      return { scene, image };
    } catch (err) {
      this.log.warn({ err, groupId }, 'poster code failed');
      throw new AppError('GROUPBUY_POSTER_FAILED');
    }
  }
}
