/**
 * The H5 build's index.html with 首页's first screen in it (platform/first-screen.ts). The page is
 * made once per (index.html on disk, first-screen products) pair, with its brotli and gzip copies
 * and an ETag over its bytes, so a revalidating browser gets a 304 only while both are unchanged.
 * The products come from the catalogue's public answer (kept ≤ CATALOGUE_CACHE_MS), so a product
 * taken off the shelf leaves index.html within that window.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Logger } from '../logger';
import { injectFirstScreen, renderFirstScreen, type FirstScreen } from '../platform/first-screen';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** An HTML page made once and sent as it is, in the encoding the client accepts. */
export interface PreparedPage {
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
  /** Weak: equal content, sent in one of three encodings. */
  etag: string;
}

export async function preparePage(html: string): Promise<PreparedPage> {
  const identity = Buffer.from(html);
  const [br, gz] = await Promise.all([
    // Quality 9 rather than 11: a page is made up to once a second per process, in ~10 ms, not ~60.
    brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    gzip(identity, { level: 9 }),
  ]);
  return { identity, br, gzip: gz, etag: `W/"${createHash('sha1').update(identity).digest('base64url')}"` };
}

interface Made {
  key: string;
  page: Promise<PreparedPage>;
}

interface Template {
  /** Size and mtime of the file read. */
  stamp: string;
  html: Promise<string>;
}

export class H5Index {
  private template: Template | null = null;
  private made: Made | null = null;

  constructor(
    private readonly file: string,
    private readonly firstScreen: FirstScreen,
    private readonly log: Logger,
  ) {}

  /**
   * index.html with the first screen; null when there is nothing to add (no source, or the
   * products could not be read: the page as built is better than an error).
   */
  async page(): Promise<PreparedPage | null> {
    const read = this.firstScreen.read();
    if (!read) return null;
    try {
      const [template, products] = await Promise.all([this.readTemplate(), read]);
      const key = `${template.stamp}|${products.version}`;
      // Requests arriving together for a new version share one rendering.
      let made = this.made;
      if (made?.key !== key) {
        const fresh: Made = { key, page: template.html.then((html) => preparePage(injectFirstScreen(html, renderFirstScreen(products.products())))) };
        fresh.page.catch(() => this.made === fresh && (this.made = null));
        made = this.made = fresh;
      }
      return await made.page;
    } catch (err) {
      this.log.warn({ err }, 'index.html served without its first screen');
      return null;
    }
  }

  /** index.html as built, read again only when a rebuild changed it (size or mtime). */
  private async readTemplate(): Promise<Template> {
    const st = await fs.stat(this.file);
    const stamp = `${st.size}:${st.mtimeMs}`;
    if (this.template?.stamp !== stamp) {
      const template: Template = { stamp, html: fs.readFile(this.file, 'utf8') };
      this.template = template;
      template.html.catch(() => this.template === template && (this.template = null));
    }
    return this.template;
  }
}
