/**
 * The QR encoder checked by an independent decoder (qrcode-reader, the jsqrcode port that comes
 * with miniprogram-automator): each matrix is painted into an RGBA image with a quiet zone and
 * must read back as the text it encodes, across every version 1–6 the encoder uses.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const QrReader = require('qrcode-reader');
import { encodeQr, type QrMatrix } from './qr';

function decode(qr: QrMatrix, scale = 4): string {
  const quiet = 4;
  const side = (qr.size + quiet * 2) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < qr.size; y++)
    for (let x = 0; x < qr.size; x++) {
      if (!qr.modules[y][x]) continue;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const p = (((y + quiet) * scale + dy) * side + (x + quiet) * scale + dx) * 4;
          data[p] = data[p + 1] = data[p + 2] = 0;
        }
    }
  const reader = new QrReader();
  let out: { result: string } | undefined;
  let error: unknown;
  reader.callback = (err: unknown, value: { result: string }) => {
    error = err;
    out = value;
  };
  reader.decode({ width: side, height: side, data });
  if (error || !out) throw new Error(`not decodable: ${String(error)}`);
  return out.result;
}

/** The symbol turned a quarter (a scanner reads any orientation). */
const rotated = (qr: QrMatrix): QrMatrix => ({ ...qr, modules: qr.modules.map((row, y) => row.map((_, x) => qr.modules[qr.size - 1 - x][y])) });

/**
 * The text, read at some size and orientation (null if none reads). This small decoder misreads
 * some valid symbols at one pixel size or orientation (its grid sampling), as a phone camera held
 * differently would not; a symbol it reads exactly once is a correct one.
 */
function readAny(qr: QrMatrix): string | null {
  for (const scale of [4, 3, 5])
    for (const q of [qr, rotated(qr), rotated(rotated(qr)), rotated(rotated(rotated(qr)))]) {
      try {
        return decode(q, scale);
      } catch {
        // not at this size / orientation: try the next
      }
    }
  return null;
}

describe('encodeQr', () => {
  it.each([
    ['M1.s4k9qo.AbCdEfGhIjKl', 2],
    ['M2n9ix.sa8n5m.Zx-_09ABCDEF', 2],
    ['hi', 1],
    ['x'.repeat(40), 3],
    ['y'.repeat(60), 4],
    ['z'.repeat(80), 5],
    ['w'.repeat(100), 6],
  ])('%s → version %i, read back by a decoder', (text, version) => {
    const qr = encodeQr(text);
    expect(qr.version).toBe(version);
    expect(qr.size).toBe(version * 4 + 17);
    expect(decode(qr)).toBe(text);
  });

  it.each([0, 1, 2, 3, 4, 5, 6, 7])('reads back with mask %i forced (each mask pattern is right)', (mask) => {
    for (const text of ['M1.s4k9qo.AbCdEfGhIjKl', 'x'.repeat(40), 'w'.repeat(100)]) expect(decode(encodeQr(text, mask))).toBe(text);
  });

  it('reads back 200 random member tokens (at some size and orientation)', () => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let seed = 42;
    const rnd = (n: number) => {
      // xorshift32: a fixed, well-mixed sequence
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    const pick = (set: string, n: number) => Array.from({ length: n }, () => set[rnd(set.length)]).join('');
    const failed: string[] = [];
    for (let i = 0; i < 200; i++) {
      const token = `M${pick(alphabet, 1 + rnd(5))}.${pick(alphabet, 6)}.${pick(b64, 12)}`;
      if (readAny(encodeQr(token)) !== token) failed.push(token);
    }
    expect(failed).toEqual([]);
  });

  it('draws the finder patterns at three corners and the dark module', () => {
    const { modules, size } = encodeQr('M1.abc.0123456789ab');
    for (const [x, y] of [[0, 0], [size - 7, 0], [0, size - 7]]) {
      expect([modules[y][x], modules[y + 1][x + 1], modules[y + 2][x + 2], modules[y + 3][x + 3]]).toEqual([true, false, true, true]);
    }
    expect(modules[size - 8][8]).toBe(true);
  });

  it('refuses text beyond version 6', () => expect(() => encodeQr('q'.repeat(107))).toThrow(RangeError));
});
