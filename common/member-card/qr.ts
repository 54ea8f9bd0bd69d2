/**
 * A small QR Code encoder (ISO/IEC 18004) for the member code: byte mode, error correction level
 * M, versions 1–6 (up to 106 bytes; a member token is about 24), the mask with the lowest penalty.
 * Pure and dependency-free, so it ships inside the mini-program package; the page paints the
 * matrix on a canvas. Follows the structure of Project Nayuki's reference encoder.
 */

/** Level M, per version 1–6: [EC codewords per block, blocks]. */
const EC_M: readonly [number, number][] = [
  [10, 1],
  [16, 1],
  [26, 1],
  [18, 2],
  [24, 2],
  [16, 4],
];
const ALIGN: readonly number[][] = [[], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34]];
const MAX_VERSION = 6;
/** Format bits of level M are 00. */
const EC_LEVEL_BITS = 0;

const rawCodewords = (ver: number) => [26, 44, 70, 100, 134, 172][ver - 1];
const dataCodewords = (ver: number) => rawCodewords(ver) - EC_M[ver - 1][0] * EC_M[ver - 1][1];

/** The symbol: `modules[y][x]` true for a dark module. */
export interface QrMatrix {
  version: number;
  size: number;
  modules: boolean[][];
}

/** `forceMask` (0–7) is for tests: every mask must read back; otherwise the lowest penalty wins. */
export function encodeQr(text: string, forceMask?: number): QrMatrix {
  const bytes = utf8(text);
  let version = 1;
  // mode (4 bits) + count (8 bits) + data
  while (version <= MAX_VERSION && 12 + bytes.length * 8 > dataCodewords(version) * 8) version++;
  if (version > MAX_VERSION) throw new RangeError(`QR text too long (${bytes.length} bytes)`);
  const capacity = dataCodewords(version) * 8;
  const bits: number[] = [];
  const push = (value: number, len: number) => {
    for (let i = len - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  push(0b0100, 4);
  push(bytes.length, 8);
  for (const b of bytes) push(b, 8);
  push(0, Math.min(4, capacity - bits.length));
  push(0, (8 - (bits.length % 8)) % 8);
  for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) push(pad, 8);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  return draw(version, interleave(version, data), forceMask);
}

/** UTF-8 bytes (TextEncoder is not in every mini-program runtime). */
function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function interleave(version: number, data: number[]): number[] {
  const [ecLen, blocks] = EC_M[version - 1];
  const shortLen = Math.floor(rawCodewords(version) / blocks) - ecLen;
  const longBlocks = rawCodewords(version) % blocks;
  const divisor = rsDivisor(ecLen);
  const parts: { data: number[]; ec: number[] }[] = [];
  for (let i = 0, k = 0; i < blocks; i++) {
    const len = shortLen + (i >= blocks - longBlocks ? 1 : 0);
    const d = data.slice(k, k + len);
    k += len;
    parts.push({ data: d, ec: rsRemainder(d, divisor) });
  }
  const out: number[] = [];
  for (let i = 0; i <= shortLen; i++) for (const p of parts) if (i < p.data.length) out.push(p.data[i]);
  for (let i = 0; i < ecLen; i++) for (const p of parts) out.push(p.ec[i]);
  return out;
}

function gfMul(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z;
}

function rsDivisor(degree: number): number[] {
  const result = new Array<number>(degree).fill(0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = gfMul(result[j], root);
      if (j + 1 < degree) result[j] ^= result[j + 1];
    }
    root = gfMul(root, 0x02);
  }
  return result;
}

function rsRemainder(data: number[], divisor: number[]): number[] {
  const result = divisor.map(() => 0);
  for (const b of data) {
    const factor = b ^ (result.shift() as number);
    result.push(0);
    divisor.forEach((coef, i) => (result[i] ^= gfMul(coef, factor)));
  }
  return result;
}

function draw(version: number, codewords: number[], forceMask?: number): QrMatrix {
  const size = version * 4 + 17;
  const modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const isFunction = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const set = (x: number, y: number, dark: boolean) => {
    modules[y][x] = dark;
    isFunction[y][x] = true;
  };
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]]) {
    for (let dy = -4; dy <= 4; dy++)
      for (let dx = -4; dx <= 4; dx++) {
        const dist = Math.max(Math.abs(dx), Math.abs(dy));
        const x = cx + dx, y = cy + dy;
        if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, dist !== 2 && dist !== 4);
      }
  }
  const align = ALIGN[version - 1];
  for (const ax of align)
    for (const ay of align) {
      if ((ax === 6 && ay === 6) || (ax === 6 && ay === align[align.length - 1]) || (ay === 6 && ax === align[align.length - 1])) continue;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) set(ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    }
  drawFormat(modules, isFunction, size, 0);
  // Data, in the zig-zag order (columns in pairs from the right, skipping the timing column).
  let i = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++)
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const upward = ((right + 1) & 2) === 0;
        const y = upward ? size - 1 - vert : vert;
        if (!isFunction[y][x] && i < codewords.length * 8) {
          modules[y][x] = ((codewords[i >>> 3] >>> (7 - (i & 7))) & 1) === 1;
          i++;
        }
      }
  }
  let best: boolean[][] = modules;
  let bestPenalty = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    if (forceMask !== undefined && mask !== forceMask) continue;
    const m = modules.map((row) => row.slice());
    applyMask(m, isFunction, mask);
    drawFormat(m, isFunction, size, mask);
    const p = penalty(m);
    if (p < bestPenalty) [best, bestPenalty] = [m, p];
  }
  return { version, size, modules: best };
}

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

function applyMask(m: boolean[][], isFunction: boolean[][], mask: number): void {
  for (let y = 0; y < m.length; y++) for (let x = 0; x < m.length; x++) if (!isFunction[y][x] && MASKS[mask](x, y)) m[y][x] = !m[y][x];
}

function drawFormat(m: boolean[][], isFunction: boolean[][], size: number, mask: number): void {
  const data = (EC_LEVEL_BITS << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  const bits = ((data << 10) | rem) ^ 0x5412;
  const bit = (i: number) => ((bits >>> i) & 1) === 1;
  const set = (x: number, y: number, dark: boolean) => {
    m[y][x] = dark;
    isFunction[y][x] = true;
  };
  for (let i = 0; i <= 5; i++) set(8, i, bit(i));
  set(8, 7, bit(6));
  set(8, 8, bit(7));
  set(7, 8, bit(8));
  for (let i = 9; i < 15; i++) set(14 - i, 8, bit(i));
  for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(i));
  for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(i));
  set(8, size - 8, true);
}

/** The standard's four penalty rules (runs, 2×2 blocks, finder-like patterns, dark balance). */
function penalty(m: boolean[][]): number {
  const size = m.length;
  let result = 0;
  const lines = (get: (a: number, b: number) => boolean) => {
    for (let a = 0; a < size; a++) {
      let run = 1;
      const seq: boolean[] = [];
      for (let b = 0; b < size; b++) {
        seq.push(get(a, b));
        if (b > 0 && get(a, b) === get(a, b - 1)) {
          run++;
          if (run === 5) result += 3;
          else if (run > 5) result++;
        } else run = 1;
      }
      const s = seq.map((d) => (d ? '1' : '0')).join('');
      for (const pattern of [/(?=10111010000)/g, /(?=00001011101)/g]) result += 40 * (s.match(pattern)?.length ?? 0);
    }
  };
  lines((y, x) => m[y][x]);
  lines((x, y) => m[y][x]);
  let dark = 0;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      if (m[y][x]) dark++;
      if (x < size - 1 && y < size - 1 && m[y][x] === m[y][x + 1] && m[y][x] === m[y + 1][x] && m[y][x] === m[y + 1][x + 1]) result += 3;
    }
  const total = size * size;
  result += Math.floor(Math.abs(dark * 20 - total * 10) / total) * 10;
  return result;
}
