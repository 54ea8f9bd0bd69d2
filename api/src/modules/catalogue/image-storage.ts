/**
 * Where uploaded pictures live. `ImageStorage` is what the catalogue needs (put bytes under a name,
 * read them back); the disk store keeps them under the data directory. An object store (OSS, COS,
 * S3) implements the same two methods and answers `url` with its CDN address instead.
 * Names are the content's SHA-256 plus the sniffed extension: the same picture uploaded twice is
 * one file, and a name never changes content, so it may be cached forever.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { IMAGE_EXTENSIONS, type ImageType } from '@common/catalogue/image-type';

export interface StoredImage {
  name: string;
  /** What a product's `images` holds and a page loads. */
  url: string;
}

export interface ImageStorage {
  put(bytes: Buffer, type: ImageType): Promise<StoredImage>;
  /** The bytes of a stored picture, or null when there is none by that name. */
  get(name: string): Promise<Buffer | null>;
}

/** The public path the API serves stored pictures under (catalogue.uploads.ts). */
export const UPLOADS_PREFIX = '/uploads/images/';
const NAME = /^[0-9a-f]{64}\.(png|jpg|webp)$/;

export const isImageName = (name: string): boolean => NAME.test(name);

export class DiskImageStorage implements ImageStorage {
  constructor(private readonly dir: string) {}

  async put(bytes: Buffer, type: ImageType): Promise<StoredImage> {
    const name = `${createHash('sha256').update(bytes).digest('hex')}.${IMAGE_EXTENSIONS[type]}`;
    await fs.mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, name);
    // Write to a temporary name and rename: a reader never sees half a picture, and two uploads
    // of the same picture racing both end with the same complete file.
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
    return { name, url: `${UPLOADS_PREFIX}${name}` };
  }

  async get(name: string): Promise<Buffer | null> {
    if (!isImageName(name)) return null;
    return fs.readFile(path.join(this.dir, name)).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : Promise.reject(err)));
  }
}
