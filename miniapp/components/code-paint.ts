/**
 * Paints the member code on a 2D canvas context (the weapp Canvas 2D node's, or a browser
 * canvas's): the QR matrix with the 4-module quiet zone the standard asks for, or the Code 128 bars with the 10-module quiet
 * zone the symbology requires. Whole-pixel modules where they fit, so scanners see sharp edges.
 */
import { code128Widths } from '@common/barcode/code128';
import { encodeQr } from '@common/member-card/qr';

export type CodeKind = 'qr' | 'bar';

export interface Painter {
  fillStyle: unknown;
  fillRect(x: number, y: number, w: number, h: number): void;
}

export function paintCode(ctx: Painter, kind: CodeKind, text: string, width: number, height: number): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000000';
  if (kind === 'qr') {
    const { size, modules } = encodeQr(text);
    const cell = Math.max(1, Math.floor(Math.min(width, height) / (size + 8)));
    const x0 = Math.floor((width - cell * size) / 2);
    const y0 = Math.floor((height - cell * size) / 2);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (modules[y][x]) ctx.fillRect(x0 + x * cell, y0 + y * cell, cell, cell);
    return;
  }
  // The bar/space widths as one flag per module (true = bar).
  const modules = code128Widths(text).flatMap((w, i) => Array<boolean>(w).fill(i % 2 === 0));
  const total = modules.length + 20;
  const unit = width / total >= 1 ? Math.floor(width / total) : width / total;
  const x0 = (width - unit * modules.length) / 2;
  // Runs of bars as one rectangle each.
  for (let i = 0; i < modules.length; ) {
    if (!modules[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < modules.length && modules[j]) j++;
    ctx.fillRect(x0 + i * unit, 0, (j - i) * unit, height);
    i = j;
  }
}
