/**
 * What a picture really is, from its first bytes (magic numbers), never from its name or the
 * Content-Type the client claims: PNG, JPEG and WebP are what WeChat renders everywhere.
 */
export const IMAGE_TYPES = ['png', 'jpeg', 'webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export const IMAGE_EXTENSIONS: Record<ImageType, string> = { png: 'png', jpeg: 'jpg', webp: 'webp' };
export const IMAGE_MIME: Record<ImageType, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

/** HQ's picture size limit (product pictures are shown at most 750 px wide). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, PNG)) return 'png';
  // JPEG: SOI (FF D8) followed by a marker (FF xx).
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  // WebP: a RIFF container whose form type is WEBP.
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  return null;
}
