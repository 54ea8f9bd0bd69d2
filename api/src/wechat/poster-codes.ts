/**
 * Mini-program codes for posters (getwxacodeunlimit), as data URLs the pages show in an <Image>
 * on weapp and H5 alike. Each code costs WeChat quota, so this instance keeps the ones it made,
 * by a key the caller chooses (what the code shows), for a while and up to a number of them.
 * Errors are the client's (WeChatApiError, WeChatUnavailableError): each feature maps them.
 */
import type { WeChatClient } from './client';

export interface PosterCode {
  scene: string;
  page: string;
  image: string;
}

export class PosterCodes {
  private readonly made = new Map<string, { at: number; code: PosterCode }>();

  constructor(
    private readonly wechat: WeChatClient,
    private readonly opts: { keep: number; ttlMs: number; now: () => number },
  ) {}

  /** The code kept under `key`, else a new one for what `describe` answers (called only then). */
  async code(key: string, describe: () => { scene: string; page: string }, width = 430): Promise<PosterCode> {
    const hit = this.made.get(key);
    if (hit && this.opts.now() - hit.at < this.opts.ttlMs) return hit.code;
    const { scene, page } = describe();
    const { contentType, image } = await this.wechat.getUnlimitedQrCode({ scene, page, width });
    const code = { scene, page, image: `data:${contentType};base64,${image.toString('base64')}` };
    this.made.delete(key);
    if (this.made.size >= this.opts.keep) this.made.delete(this.made.keys().next().value!);
    this.made.set(key, { at: this.opts.now(), code });
    return code;
  }
}
