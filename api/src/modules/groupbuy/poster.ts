/**
 * Poster codes: a mini-program code (getwxacodeunlimit) that opens a group. The scene is
 * `g=<groupId>` (WeChat allows 32 visible characters; the guide feature may append its token as
 * `&t=…` within them). Each code costs WeChat quota, so this instance keeps the ones it made.
 */
import { AppError } from '../../http/app-error';
import type { Logger } from '../../logger';
import type { WeChatClient } from '../../wechat/client';

export const GROUP_PAGE = 'packages/groupbuy/group/index';
const KEEP = 500;

export class GroupPosters {
  private readonly made = new Map<string, string>();

  constructor(
    private readonly wechat: WeChatClient,
    private readonly log: Logger,
  ) {}

  /** The code as a data URL (the page shows it in an <Image>, on weapp and H5 alike). */
  async codeFor(groupId: number): Promise<{ scene: string; image: string }> {
    const scene = `g=${groupId}`;
    const hit = this.made.get(scene);
    if (hit) return { scene, image: hit };
    try {
      const { contentType, image } = await this.wechat.getUnlimitedQrCode({ scene, page: GROUP_PAGE, width: 430 });
      const url = `data:${contentType};base64,${image.toString('base64')}`;
      if (this.made.size >= KEEP) this.made.delete(this.made.keys().next().value!);
      this.made.set(scene, url);
      return { scene, image: url };
    } catch (err) {
      this.log.warn({ err, groupId }, 'poster code failed');
      throw new AppError('GROUPBUY_POSTER_FAILED');
    }
  }
}
