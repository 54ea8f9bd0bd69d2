/**
 * A real, small PNG for the fake's getwxacodeunlimit: a square of dark and light modules drawn
 * from a hash of the scene (not a scannable code, but a valid image any decoder opens, and two
 * scenes give two different pictures).
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A `size`×`size` greyscale PNG of 21×21 modules. */
export function fakeCodePng(scene: string, size = 210): Buffer {
  const modules = 21;
  const bits = createHash('sha256').update(scene).digest();
  const scale = Math.max(1, Math.floor(size / modules));
  const px = modules * scale;
  const rows: Buffer[] = [];
  for (let y = 0; y < px; y++) {
    const row = Buffer.alloc(px + 1); // leading filter byte 0 (None)
    for (let x = 0; x < px; x++) {
      const i = Math.floor(y / scale) * modules + Math.floor(x / scale);
      row[x + 1] = (bits[i % bits.length] >> (i % 8)) & 1 ? 0x00 : 0xff;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(px, 0);
  ihdr.writeUInt32BE(px, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
